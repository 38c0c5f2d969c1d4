#!/usr/bin/env bash
# The README's test command: runs every test (./mvnw verify) on a JDK >= 21, and first installs
# from Debian's packages what the tests need and a bare machine lacks:
#   chromium, chromium-driver  the browser tests (BrowserTest) drive headless Chromium
#   python3-dkim               an independent DKIM verifier for the signing tests
# Arguments are passed to Maven (./test.sh -Dtest=OutboxClaimTest).
set -euo pipefail
cd "$(dirname "$0")"

. scripts/jdk.sh
echo "test.sh: using the JDK at $JAVA_HOME ($(java_major "$JAVA_HOME"))"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
/usr/bin/python3 -c 'import dkim' 2>/dev/null || missing+=(python3-dkim)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing Debian's ${missing[*]} for the tests"
  if ! command -v apt-get >/dev/null; then
    echo "test.sh: no apt-get here; install ${missing[*]} (or their equivalents) and run again" >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

exec ./mvnw -B verify "$@"
