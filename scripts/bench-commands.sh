#!/usr/bin/env bash
# Command latency on the embedded database, with and without a running node (issue 15's figure):
# each command 5 times in a row, wall-clock median in seconds. Uses its own data folder and ports,
# so it never touches data/; run from the repository after `./mvnw -q -DskipTests package`.
#   scripts/bench-commands.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
JAR=target/utskick.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 1; }
WORK="$(mktemp -d "$PWD/target/bench-commands.XXXX")"
export UTSKICK_DB_EMBEDDED_DIR="$WORK/mariadb"
export UTSKICK_WEB_PORT=18080 UTSKICK_SMTP_PORT=12525 UTSKICK_SMTP_EMBEDDED_IMAP_PORT=13143
java -jar "$JAR" register show >/dev/null 2>&1 || true   # unpack and initialise once, outside the figures

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
measure() { # label, command words...
  local label="$1"; shift
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s.%N); java -jar "$JAR" "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')")
  done
  printf '%-28s %-24s median %ss of %s runs (%s)\n' "$label" "$*" "$(printf '%s\n' "${times[@]}" | median)" "$RUNS" \
    "$(printf '%s ' "${times[@]}" | sed 's/ $//')"
}

for cmd in "register show" "letter status 1 --once" "users list" "--help"; do
  # shellcheck disable=SC2086
  measure "alone" $cmd
done
java -jar "$JAR" serve >"$WORK/serve.log" 2>&1 &
SERVE=$!
trap 'kill $SERVE 2>/dev/null; wait $SERVE 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 120); do
  if grep -q "web server listening" "$WORK/serve.log"; then break; fi
  sleep 1
done
for cmd in "register show" "letter status 1 --once" "users list"; do
  # shellcheck disable=SC2086
  measure "beside a running serve" $cmd
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
