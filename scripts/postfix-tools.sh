# Sourced by the bench scripts: makes sure Postfix's smtp-sink and smtp-source are installed (Debian
# package postfix, non-interactive) and leaves no Postfix daemon of ours running. Only the test tools
# are wanted, not a mail server; a daemon that was already running is not ours and is left alone.
if [ ! -x /usr/sbin/smtp-sink ] || [ ! -x /usr/sbin/smtp-source ]; then
  echo "installing Postfix's smtp-sink and smtp-source (package postfix)" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postfix >/dev/null
  $SUDO postfix stop >/dev/null 2>&1 || true
elif pgrep -x master >/dev/null 2>&1 && [ -d /etc/postfix ]; then
  echo "note: a Postfix daemon (master) is running on this machine; it is not ours and is left alone" >&2
fi
