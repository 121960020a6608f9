#!/usr/bin/env bash
# prepdeck under load, measured from outside (issue 19). See tools/load/README.md.
#
#   tools/load/run.sh [--jar JAR] [--work DIR] [--seconds N] [--clients "1 8 32"] [--analyze] [--drop-statistics]
#                     [--skip-study] [--skip-stats] [--java-opts "OPTS"]
#
# The app runs as the README's quick start runs it: JAVA_OPTS (default "-Xmx256m -XX:+UseSerialGC", the README's) go
# to every `java -jar` of the app (import and servers); --java-opts "" measures Java's defaults instead.
#
# 1. Builds the collection once in DIR (default /tmp/prepdeck-load): 100,000 cards as 20 deck files, imported with
#    `prepdeck import` (wall time and peak RSS printed), then two years of study replayed (1,000,000 reviews), without
#    ANALYZE statistics. Kept as DIR/collection.db and copied for every run, so runs start from the same file.
# 2. Time to the first 200 after start with the shipped decks (fresh database, five starts).
# 3. The study loop (GET /api/review/next, POST /api/review, decks at random) and static file requests at each number
#    of clients, on a copy of the collection: p50/p90/p99, requests/s, errors, server CPU per request and RSS.
# 4. /api/stats and /stats on the same server: min / median / max of 21 requests after 3 warm-ups.
# 5. A restart of the server on the same file: seconds to the first 200.
#
# --analyze runs ANALYZE on the copy first; --drop-statistics drops sqlite_stat1 once the server has started (it runs
# PRAGMA optimize when it opens the file), so the study loop runs on plans made without statistics.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/prepdeck.jar
WORK=/tmp/prepdeck-load
SECONDS_PER_PHASE=20
CLIENTS="1 8 32"
ANALYZE=
DROP_STATS=
SKIP_STUDY=
SKIP_STATS=
JAVA_OPTS="-Xmx256m -XX:+UseSerialGC"
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR=$2; shift ;;
    --work) WORK=$2; shift ;;
    --seconds) SECONDS_PER_PHASE=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    --analyze) ANALYZE=1 ;;
    --drop-statistics) DROP_STATS=1 ;;
    --skip-study) SKIP_STUDY=1 ;;
    --skip-stats) SKIP_STATS=1 ;;
    --java-opts) JAVA_OPTS=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
JAR=$(readlink -f "$JAR")
LOAD="java -cp $JAR tools/load/Load.java"
mkdir -p "$WORK"
PORT=7590

echo "jar: $JAR ($(unzip -p "$JAR" META-INF/MANIFEST.MF 2>/dev/null | grep -i implementation-version || true))"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
echo "app's java options: ${JAVA_OPTS:-(none)}"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -f "$WORK/collection.db" ]; then
  rm -rf "$WORK/decks" "$WORK/import.db"*
  $LOAD decks "$WORK/decks" 100000
  echo "== prepdeck import of 100,000 cards (load average $(cut -d' ' -f1 /proc/loadavg))"
  /usr/bin/time -f "import: %e s wall, %U s user, %S s system, peak RSS %M KB" \
    java $JAVA_OPTS -jar "$JAR" import "$WORK/decks" --db "$WORK/import.db" | tail -1
  $LOAD replay "$WORK/import.db" 1000000
  mv "$WORK/import.db" "$WORK/collection.db"
fi

cpu_ms() { # pid -> CPU time (user + system) the process has used so far, in ms
  awk -v tck="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / tck }' "/proc/$1/stat"
}

wait_for() { # url -> waits until it answers 200, prints seconds since $2 (epoch ns)
  local url=$1 t0=$2
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; then
      echo "scale=2; ($(date +%s%N) - $t0) / 1000000000" | bc
      return 0
    fi
    sleep 0.01
  done
  echo "no answer from $url" >&2
  return 1
}

echo "== first 200 after start, shipped decks, fresh database (load average $(cut -d' ' -f1 /proc/loadavg))"
EMPTY=$(mktemp -d)
for i in 1 2 3 4 5; do
  rm -f "$WORK/fresh.db"*
  t0=$(date +%s%N)
  (cd "$EMPTY" && exec java $JAVA_OPTS -jar "$JAR" --port $PORT --db "$WORK/fresh.db" >"$WORK/fresh.log" 2>&1) &
  SERVER=$!
  seconds=$(wait_for "http://127.0.0.1:$PORT/" "$t0")
  echo "start $i: $seconds s to the dashboard's first 200, $(cpu_ms "$SERVER") ms of server CPU"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done

cp "$WORK/collection.db" "$WORK/run.db"
rm -f "$WORK/run.db-wal" "$WORK/run.db-shm"
java -cp "$JAR" tools/load/Load.java lift-limits "$WORK/run.db"
# every studied card due now, so the 8- and 32-client phases still find cards after the earlier ones (204s are rare)
java -cp "$JAR" tools/load/Load.java all-due "$WORK/run.db"
if [ -n "$ANALYZE" ]; then
  java -cp "$JAR" tools/load/Load.java analyze "$WORK/run.db"
fi
t0=$(date +%s%N)
java $JAVA_OPTS -jar "$JAR" --port $PORT --db "$WORK/run.db" --decks "$EMPTY" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
echo "== server on the 100,000-card collection: first 200 after $(wait_for "http://127.0.0.1:$PORT/api/health" "$t0") s"
if [ -n "$DROP_STATS" ]; then
  java -cp "$JAR" tools/load/Load.java drop-statistics "$WORK/run.db"
fi

if [ -z "$SKIP_STUDY" ]; then
  echo "== study loop and static files, $SECONDS_PER_PHASE s per phase (load average $(cut -d' ' -f1 /proc/loadavg))"
  # shellcheck disable=SC2086
  $LOAD study "http://127.0.0.1:$PORT" "$SERVER" "$SECONDS_PER_PHASE" $CLIENTS
fi

if [ -z "$SKIP_STATS" ]; then
  echo "== statistics, 21 requests each after 3 warm-ups (load average $(cut -d' ' -f1 /proc/loadavg))"
  DECK=$(curl -s "http://127.0.0.1:$PORT/api/decks" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  printf '%-32s %8s %8s %8s %12s\n' "request" "min ms" "median" "max ms" "CPU ms/req"
  for path in "/api/stats" "/api/stats?days=365" "/api/stats?deck=$DECK" "/stats" "/stats?days=365" \
              "/stats?deck=$DECK&days=365" "/"; do
    url="http://127.0.0.1:$PORT$path"
    for _ in 1 2 3; do curl -s -o /dev/null "$url"; done
    cpu0=$(cpu_ms "$SERVER")
    times=$(for _ in $(seq 1 21); do curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$url"; done \
      | awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr"; exit 1 } { printf "%.1f\n", $2 * 1000 }' | sort -n)
    cpu=$(( ($(cpu_ms "$SERVER") - cpu0) / 21 ))
    printf '%-32s %8s %8s %8s %12s\n' "$path" "$(echo "$times" | head -1)" "$(echo "$times" | sed -n 11p)" \
      "$(echo "$times" | tail -1)" "$cpu"
  done
fi
echo "server peak RSS: $(grep VmHWM /proc/$SERVER/status | tr -s ' ' | cut -d' ' -f2-) (now: $(grep -E 'RssAnon|RssFile' \
  /proc/$SERVER/status | tr -s ' \t' ' ' | paste -sd' '); RssFile is the database file's mapped pages)"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
# A restart of the same file, as a user's: no schema upgrade now, and today's backup exists (the server backs up
# before the first write of a day, not at every start).
t0=$(date +%s%N)
java $JAVA_OPTS -jar "$JAR" --port $PORT --db "$WORK/run.db" --decks "$EMPTY" >"$WORK/server.log" 2>&1 &
SERVER=$!
echo "== restart on the same collection: first 200 after $(wait_for "http://127.0.0.1:$PORT/api/health" "$t0") s"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
