#!/usr/bin/env bash
# Times the statistics requests against a running prepdeck on a generated 100,000-card / 1,000,000-review collection.
#
#   tools/stats-bench/run.sh [DB] [PORT] [RUNS]
#
# Builds the jar and test classes, generates DB unless it exists (StatsCollectionGenerator), starts the jar on PORT,
# warms each URL up three times, then times RUNS requests per URL with curl and prints min / median / max in ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-/tmp/prepdeck-stats-bench.db}
PORT=${2:-7462}
RUNS=${3:-21}

[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -o package -DskipTests
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -o test-compile
if [ ! -f "$DB" ]; then
  java -cp target/prepdeck.jar:target/test-classes dev.prepdeck.stats.bench.StatsCollectionGenerator "$DB" 100000 1000000
fi

java -jar target/prepdeck.jar --port "$PORT" --db "$DB" --decks "$(mktemp -d)" >/tmp/prepdeck-stats-bench.log 2>&1 &
SERVER=$!
trap 'kill $SERVER' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/health" && break; sleep 0.5; done

DECK=$(curl -s "http://127.0.0.1:$PORT/api/decks" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
printf '%-40s %8s %8s %8s\n' "request" "min ms" "median" "max ms"
for path in "/stats" "/stats?days=365" "/stats?deck=$DECK&days=365" "/api/stats" "/api/stats?days=365" \
            "/api/stats?deck=$DECK" "/" "/stats/reviews-per-day.csv"; do
  url="http://127.0.0.1:$PORT$path"
  for _ in 1 2 3; do curl -s -o /dev/null "$url"; done
  times=$(for _ in $(seq 1 "$RUNS"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$url"
  done | awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr"; exit 1 } { printf "%.1f\n", $2 * 1000 }' | sort -n)
  n=$(echo "$times" | wc -l)
  printf '%-40s %8s %8s %8s\n' "$path" "$(echo "$times" | head -1)" "$(echo "$times" | sed -n "$(( (n + 1) / 2 ))p")" \
    "$(echo "$times" | tail -1)"
done
