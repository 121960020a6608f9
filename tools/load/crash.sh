#!/usr/bin/env bash
# Kill -9 prepdeck under load N times, then check the file (issue 19). See tools/load/README.md.
#
#   tools/load/crash.sh [KILLS] [--jar JAR] [--work DIR] [--cards N]
#
# Builds a collection of N cards (default 5,000) with `prepdeck import` in DIR (default /tmp/prepdeck-crash), then
# KILLS times (default 20): starts the server on it, runs eight rating clients (Load.java crash-load, each review with
# its own requestId, every 200 written to DIR/acked.txt) and, once the first review is acknowledged, kills the server
# with SIGKILL after a random 1-4 s.
# The same file is reopened after every kill, as a user's would be. At the end Load.java check runs PRAGMA
# integrity_check, looks up every acknowledged review by its request id and exits 1 if one is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/prepdeck.jar
WORK=/tmp/prepdeck-crash
CARDS=5000
KILLS=20
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR=$2; shift ;;
    --work) WORK=$2; shift ;;
    --cards) CARDS=$2; shift ;;
    [0-9]*) KILLS=$1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
JAR=$(readlink -f "$JAR")
LOAD="java -cp $JAR tools/load/Load.java"
PORT=7591
rm -rf "$WORK"
mkdir -p "$WORK"
EMPTY=$(mktemp -d)
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
$LOAD decks "$WORK/decks" "$CARDS"
java -jar "$JAR" import "$WORK/decks" --db "$WORK/crash.db" | tail -1
# Without it the decks' daily limits are used up after a few hundred ratings and every later run only gets 204s.
$LOAD lift-limits "$WORK/crash.db"
: >"$WORK/acked.txt"

SERVER=
trap '[ -n "$SERVER" ] && kill -9 "$SERVER" 2>/dev/null || true' EXIT
for i in $(seq 1 "$KILLS"); do
  java -jar "$JAR" --port $PORT --db "$WORK/crash.db" --decks "$EMPTY" >"$WORK/server-$i.log" 2>&1 &
  SERVER=$!
  until curl -s -o /dev/null "http://127.0.0.1:$PORT/api/health"; do
    if ! kill -0 "$SERVER" 2>/dev/null; then
      echo "start $i failed:" >&2; cat "$WORK/server-$i.log" >&2; exit 1
    fi
    sleep 0.05
  done
  $LOAD crash-load "http://127.0.0.1:$PORT" "$WORK/acked.txt" >"$WORK/clients-$i.log" 2>&1 &
  CLIENTS=$!
  # The countdown starts once the clients have a review acknowledged, so every kill lands under load.
  until grep -qs '^rating' "$WORK/clients-$i.log"; do
    if ! kill -0 "$CLIENTS" 2>/dev/null; then
      echo "clients $i stopped before rating:" >&2; cat "$WORK/clients-$i.log" >&2; exit 1
    fi
    sleep 0.05
  done
  pause=$(awk -v seed="$RANDOM" 'BEGIN { srand(seed); printf "%.2f", 1 + 3 * rand() }')
  sleep "$pause"
  kill -9 "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=
  wait "$CLIENTS"
  echo "kill $i after ${pause} s of load: $(grep -vc '^[!?]' "$WORK/acked.txt") acknowledged reviews so far"
done
$LOAD check "$WORK/crash.db" "$WORK/acked.txt"
