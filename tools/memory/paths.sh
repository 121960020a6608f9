#!/usr/bin/env bash
# Peak memory (RSS) and time of the app's big-memory paths on a large collection, one server, one path at a time.
#
#   tools/memory/paths.sh --jar JAR --collection FILE --work DIR [--java-opts "-Xmx256m -XX:+UseSerialGC"] [--import]
#
# --import also runs `prepdeck anki import` of the exported is:review package (read 500 cards at a time, one transaction).
#
# The collection is copied into DIR (never changed in place) and served with --decks pointing at an empty folder.
# Before each request the server's peak RSS is reset (`echo 5 > /proc/PID/clear_refs`), so each row's peak is that
# request's (the JVM's heap already grown by earlier rows stays in it: the bound is what keeps it down). Each row:
# HTTP status, bytes, seconds, the server's peak RSS during the request (VmHWM), the peaks of its two parts sampled
# every 0.1 s (anonymous memory: heap, native; file: mapped pages of the jar, the JDK and the database) and its CPU
# time. Linux only (/proc).
set -euo pipefail
JAR=target/prepdeck.jar
COLLECTION=
WORK=
JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
IMPORT=
PORT=${PORT:-7391}
while [ $# -gt 0 ]; do
  case $1 in
    --jar) JAR=$2; shift ;;
    --collection) COLLECTION=$2; shift ;;
    --work) WORK=$2; shift ;;
    --java-opts) JAVA_OPTS=$2; shift ;;
    --import) IMPORT=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$COLLECTION" ] && [ -n "$WORK" ] || { echo "--collection and --work are required" >&2; exit 2; }
mkdir -p "$WORK/empty"
DB="$WORK/paths.db"
rm -rf "$DB" "$DB-wal" "$DB-shm" "$WORK/backups"
cp "$COLLECTION" "$DB"

# The kernel keeps no peak of anonymous memory alone, so a sampler reads it (and the mapped file pages) every 0.1 s.
sample() {
  local anon=0 file=0 a f
  while kill -0 "$1" 2>/dev/null && [ ! -e "$2.stop" ]; do
    a=$(awk '/RssAnon/ { print $2 }' "/proc/$1/status"); f=$(awk '/RssFile/ { print $2 }' "/proc/$1/status")
    [ "${a:-0}" -gt "$anon" ] && anon=$a
    [ "${f:-0}" -gt "$file" ] && file=$f
    echo "$(( anon / 1024 )) $(( file / 1024 ))" > "$2"
    sleep 0.1
  done
}
peak_mb() { echo $(( $(grep VmHWM "/proc/$1/status" | tr -s ' ' | cut -d' ' -f2) / 1024 )); }
cpu_s() { awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$1/stat"; }

echo "java options: '${JAVA_OPTS}', collection $(du -m "$COLLECTION" | cut -f1) MB, load average $(cut -d' ' -f1 /proc/loadavg)"
t0=$(date +%s.%N)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" serve --port "$PORT" --db "$DB" --decks "$WORK/empty" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health"; do
  kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.2
done
printf '%-44s %6s %12s %8s %8s %9s %9s %8s\n' "path" "status" "bytes" "seconds" "peak MB" "anon MB" "file MB" "CPU s"
printf '%-44s %6s %12s %8.1f %8s %9s %9s %8s\n' "start (upgrade backup, migrations)" 200 - \
  "$(echo "$(date +%s.%N) - $t0" | bc)" "$(peak_mb $SERVER)" - - "$(cpu_s $SERVER)"

DECK=$(curl -s "http://127.0.0.1:$PORT/api/decks" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
measure() {
  local label=$1; shift
  echo 5 > "/proc/$SERVER/clear_refs"
  local c0; c0=$(cpu_s $SERVER)
  rm -f "$WORK/sampled.stop"
  sample "$SERVER" "$WORK/sampled" &
  local sampler=$!
  local out
  out=$(curl -s -o "$WORK/body" -w '%{http_code} %{size_download} %{time_total}' "$@")
  local c1; c1=$(cpu_s $SERVER)
  touch "$WORK/sampled.stop"; wait "$sampler"
  read -r code size secs <<<"$out"
  read -r anon file <"$WORK/sampled"
  printf '%-44s %6s %12s %8.1f %8s %9s %9s %8.1f\n' "$label" "$code" "$size" "$secs" "$(peak_mb $SERVER)" \
    "$anon" "$file" "$(echo "$c1 - $c0" | bc)"
}
U="http://127.0.0.1:$PORT"
measure "GET /anki/search.apkg?q=is:review" "$U/anki/search.apkg?q=is:review"
cp "$WORK/body" "$WORK/review.apkg"
measure "GET /decks/$DECK/anki.apkg" "$U/decks/$DECK/anki.apkg"
measure "GET /decks/$DECK/anki.csv" "$U/decks/$DECK/anki.csv"
measure "GET /anki/decks.zip (every deck's file)" "$U/anki/decks.zip"
measure "GET /stats/review-log.csv (all reviews)" "$U/stats/review-log.csv"
measure "GET /stats" "$U/stats"
measure "GET /api/stats?days=365" "$U/api/stats?days=365"
measure "GET /browse?q=is:review" "$U/browse?q=is:review"
measure "GET /api/search?q=is:review" "$U/api/search?q=is:review"
measure "POST /api/cards/bulk add-tags, every card" -X POST -H 'Content-Type: application/json' \
  -d '{"query":"deck:*","action":"add-tags","tags":["memcheck"]}' "$U/api/cards/bulk"
measure "POST /api/cards/bulk/undo" -X POST -H 'Content-Type: application/json' -d '{}' "$U/api/cards/bulk/undo"
echo "server now: $(grep -E 'RssAnon|RssFile' "/proc/$SERVER/status" | tr -s ' \t' ' ' | paste -sd' ')"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
trap - EXIT

# The command-line paths, each its own JVM: peak RSS from GNU time.
cli() {
  local label=$1; shift
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M" -o "$WORK/time" java $JAVA_OPTS -jar "$JAR" "$@" >"$WORK/cli.log" 2>&1 \
    && status=ok || status="failed: $(grep -m1 -E 'Error|Exception|error:' "$WORK/cli.log" || tail -1 "$WORK/cli.log")"
  read -r secs kb < <(tail -1 "$WORK/time")
  printf '%-44s %-6s %12s %8.1f %8s\n' "$label" "${status:0:6}" - "$secs" $(( kb / 1024 ))
  [ "$status" = ok ] || echo "  $status"
}
cli "prepdeck backup" backup --db "$DB"
BACKUP=$(ls -t "$WORK"/backups/*.db 2>/dev/null | head -1 || true)
[ -n "$BACKUP" ] || BACKUP=$(ls -t "$(dirname "$DB")"/backups/* | head -1)
cli "prepdeck restore (newest backup)" restore "$BACKUP" --db "$DB"
if [ -n "$IMPORT" ]; then
  cli "prepdeck anki import (the is:review .apkg)" anki import "$WORK/review.apkg" --db "$DB"
fi
