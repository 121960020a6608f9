#!/usr/bin/env bash
# Times the Optimize button against a running prepdeck on a generated 100,000-card / 1,000,000-review collection.
#
#   tools/optimize-bench/run.sh [DB] [PORT] [RUNS]
#
# Builds the jar and test classes, generates DB unless it exists (the statistics benchmark's
# StatsCollectionGenerator), starts the jar on PORT, and for each form (a deck with its sub-decks, every deck)
# posts it once to warm up, then RUNS times, printing per request the time to the first byte (the page with
# "Reading your reviews..." is on screen), the time to the whole result, and the CPU seconds the server used.
# Last, on a copy of DB, it accepts the fitted weights for every deck with "Reschedule existing cards" ticked.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB=${1:-/tmp/prepdeck-optimize-bench.db}
PORT=${2:-7463}
RUNS=${3:-3}

[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -o package -DskipTests
[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -o test-compile
if [ ! -f "$DB" ]; then
  java -cp target/prepdeck.jar:target/test-classes dev.prepdeck.stats.bench.StatsCollectionGenerator "$DB" 100000 1000000
fi
COPY=$(mktemp -d)/reschedule.db
cp "$DB" "$COPY"

SERVER=
serve() {
  java -jar target/prepdeck.jar --port "$PORT" --db "$1" --decks "$(mktemp -d)" >/tmp/prepdeck-optimize-bench.log 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/health" && break; sleep 0.5; done
  COOKIES=$(mktemp)
  curl -s -o /dev/null -c "$COOKIES" "http://127.0.0.1:$PORT/"
  TOKEN=$(awk '$6 == "prepdeck_csrf" { print $7 }' "$COOKIES")
}
trap '[ -n "$SERVER" ] && kill $SERVER' EXIT
# CPU seconds (user + system) the server has used so far
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$SERVER/stat"; }

# post PATH OUTPUT [CURL ARGS...]: sends the form with its CSRF token, prints status, first-byte and total seconds
post() {
  curl -s -o "$2" -b "$COOKIES" --data-urlencode "_csrf=$TOKEN" "${@:3}" \
    -w '%{http_code} %{time_starttransfer} %{time_total}\n' "http://127.0.0.1:$PORT$1"
}

serve "$DB"
DECK=$(curl -s "http://127.0.0.1:$PORT/api/decks" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
printf '%-28s %10s %10s %10s\n' "form" "first byte" "result s" "server CPU s"
for path in "/decks/$DECK/optimize" "/optimize"; do
  post "$path" /dev/null >/dev/null
  for _ in $(seq 1 "$RUNS"); do
    before=$(cpu)
    read -r code first total < <(post "$path" /dev/null)
    [ "$code" = 200 ] || { echo "HTTP $code for $path" >&2; exit 1; }
    printf '%-28s %10.2f %10.2f %10.2f\n' "POST $path" "$first" "$total" "$(echo "$(cpu) - $before" | bc)"
  done
done
kill $SERVER; wait $SERVER 2>/dev/null || true

serve "$COPY"
PAGE=$(mktemp)
post /optimize "$PAGE" >/dev/null
WEIGHTS=$(grep -o 'name="weights" value="[^"]*"' "$PAGE" | sed 's/.*value="//; s/"$//')
before=$(cpu)
read -r code first total < <(post /optimize/apply "$PAGE" --data-urlencode "weights=$WEIGHTS" -d reschedule=on)
[ "$code" = 200 ] || { echo "HTTP $code for /optimize/apply" >&2; exit 1; }
printf '%-28s %10s %10.2f %10.2f   %s\n' "POST /optimize/apply" "" "$total" "$(echo "$(cpu) - $before" | bc)" \
  "$(tr -d '\n' < "$PAGE" | grep -o '<strong>[0-9,]*</strong>[^;]*rescheduled' | sed 's/<[^>]*>//g; s/  */ /g')"
