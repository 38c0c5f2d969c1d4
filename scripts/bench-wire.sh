#!/usr/bin/env bash
# Utskick's send pipeline against the wire (issue 18): Postfix's smtp-source -> smtp-sink before and
# after `bench send` on the same sink, with the same message size (22 KB) and connections (4), and the
# ratio pipeline / smtp-source (the mean of the run's before and after). Repeated RUNS times; prints
# each run and the median ratio. Installs smtp-sink/smtp-source (Debian package postfix) when they are
# missing, and leaves no Postfix daemon running. Uses its own data folder, never data/.
#   scripts/bench-wire.sh [RUNS=3] [MEMBERS=100000]
# Build first: ./mvnw -q -DskipTests package. The machine's load moves every figure: compare the
# ratios within one run, and note what else ran.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
MEMBERS="${2:-100000}"
PORT="${BENCH_SINK_PORT:-12526}"
SIZE=22528          # bytes per message, as the members' letter (about 22 KB)
CONNECTIONS=4       # smtp-source sessions = Utskick's sender workers
SOURCE_MESSAGES="${BENCH_SOURCE_MESSAGES:-20000}"
HEAP="${BENCH_HEAP:-64m}"   # the issue's bound: the whole send (register load included) under 64 MB of heap
JAR=target/utskick.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"   # Java 21 or newer: set JAVA_HOME when the system's java is older
[ -f "$JAR" ] || { echo "build first: ./mvnw -q -DskipTests package" >&2; exit 1; }

. scripts/postfix-tools.sh

WORK="$(mktemp -d "${TMPDIR:-/tmp}/bench-wire.XXXX")"
export UTSKICK_DB_EMBEDDED_DIR="$WORK/mariadb"
/usr/sbin/smtp-sink -u nobody "127.0.0.1:$PORT" 1000 &
SINK=$!
cleanup() { kill "$SINK" 2>/dev/null || true; wait "$SINK" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
sleep 0.5

# smtp-source: 4 sessions in parallel, each reusing its connection (-d), 22 KB per message; msg/s
source_rate() {
  local t0 t1
  t0=$(date +%s.%N)
  /usr/sbin/smtp-source -d -s "$CONNECTIONS" -m "$SOURCE_MESSAGES" -l "$SIZE" -f bench@example.org -t sink@example.org \
    "127.0.0.1:$PORT" >/dev/null
  t1=$(date +%s.%N)
  awk -v n="$SOURCE_MESSAGES" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", n / (b - a)}'
}

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }

echo "bench-wire: $(date -u +%FT%TZ), heap -Xmx$HEAP, $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), load $(cut -d' ' -f1-3 /proc/loadavg)"
ratios=(); raws=()
for run in $(seq "$RUNS"); do
  before=$(source_rate)
  "$JAVA" "-Xmx$HEAP" -jar "$JAR" bench send --members "$MEMBERS" --sink "127.0.0.1:$PORT" --workers "$CONNECTIONS" >"$WORK/send.log" 2>"$WORK/send.err" \
    || { cat "$WORK/send.err" >&2; exit 1; }
  after=$(source_rate)
  pipeline=$(sed -n 's/^pipeline: .* = \([0-9]*\) msg\/s.*/\1/p' "$WORK/send.log")
  raw=$(sed -n 's/^ratio pipeline \/ baseline: //p' "$WORK/send.log")
  heap=$(sed -n 's/^peak heap used during the send: \([0-9]*\) MB.*/\1/p' "$WORK/send.log")
  ratio=$(awk -v p="$pipeline" -v a="$before" -v b="$after" 'BEGIN {printf "%.2f", p / ((a + b) / 2)}')
  ratios+=("$ratio"); raws+=("$raw")
  printf 'run %d: smtp-source %s / %s msg/s, pipeline %s msg/s, peak heap %s MB, pipeline/smtp-source %s, pipeline/raw Angus loop %s (load %s)\n' \
    "$run" "$before" "$after" "$pipeline" "$heap" "$ratio" "$raw" "$(cut -d' ' -f1 /proc/loadavg)"
  grep -E '^(database per message|cpu per message|freeze)' "$WORK/send.log" | sed 's/^/  /' || true
done
printf 'median of %d runs: pipeline/smtp-source %s (runs: %s), pipeline/raw Angus loop %s\n' "$RUNS" \
  "$(printf '%s\n' "${ratios[@]}" | median)" "${ratios[*]}" "$(printf '%s\n' "${raws[@]}" | median)"
cleanup
trap - EXIT
exit 0
