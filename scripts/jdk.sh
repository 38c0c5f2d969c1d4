# Sourced by ./utskick and ./test.sh: sets JAVA_HOME (and PATH) to a JDK >= 21. Keeps JAVA_HOME when
# it already names one; otherwise takes the first under /usr/lib/jvm. The system's default java may be
# older (Debian 12's is 17), so neither script relies on the java on PATH. Stops with advice when none.
# The major version of the JDK at $1, or 0 when there is none there.
java_major() {
  local v
  v="$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)"
  echo "${v:-0}"
}

if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  JAVA_HOME=""
  for jdk in /usr/lib/jvm/*; do
    if [ -x "$jdk/bin/javac" ] && [ "$(java_major "$jdk")" -ge 21 ]; then
      JAVA_HOME="$jdk"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
  echo "$(basename "$0"): no JDK >= 21 found; install one and set JAVA_HOME to it" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
