#!/usr/bin/env bash
# Start-up to the dashboard's first 200, several builds or JVM options taken in turns so the machine's load falls on
# all alike; prints each one's median wall time and the server's CPU (user + system, /proc/PID/stat) at that moment.
#   tools/appcds/startup.sh N LABEL "JAR [JAVA OPTIONS]" [LABEL "JAR [JAVA OPTIONS]"]...
# (absolute paths: the servers run in a temporary folder)
# Every start is on a fresh database from an empty folder (the decks built into the jar); with RESTART=1 each
# variant keeps its database and the first, fresh start is left out of the medians.
# An archive (-XX:SharedArchiveFile) fits one jar at one path: make one for a copied jar with
#   java tools/appcds/TrainingRun.java COPY.jar COPY.jsa
N=$1; shift
declare -a L C
while [ $# -gt 0 ]; do L+=("$1"); C+=("$2"); shift 2; done
PORT=${PORT:-7611}
if ss -ltn | grep -q ":$PORT "; then echo "port $PORT is taken (PORT=... to choose another)" >&2; exit 1; fi
W=$(mktemp -d)
for i in $(seq 1 $N); do
  for k in "${!L[@]}"; do
    set -- ${C[$k]}; JAR=$1; shift
    [ -n "${RESTART:-}" ] || rm -f $W/f$k.db*
    t0=$(date +%s%N)
    (cd $W && exec java "$@" -jar $JAR --port $PORT --db $W/f$k.db > $W/log 2>&1) & S=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$PORT/)" = 200 ]; do sleep 0.01; done
    t1=$(date +%s%N)
    echo "${L[$k]} $i $(( (t1-t0)/1000000 )) $(awk -v t=$(getconf CLK_TCK) '{print ($14+$15)*1000/t}' /proc/$S/stat) $(cut -d' ' -f1 /proc/loadavg)" >> $W/res
    kill $S; wait $S 2>/dev/null
  done
done
python3 - $W/res "${RESTART:-}" <<'PY'
import sys,statistics,collections
r=collections.defaultdict(list)
for line in open(sys.argv[1]):
    l,i,w,c,ld=line.split()
    if sys.argv[2] and i=='1': continue   # restarts: leave out the first, fresh start
    r[l].append((int(w),float(c),float(ld)))
for l,v in r.items():
    print(f"{l:16s} n={len(v)} wall median {statistics.median(x[0] for x in v)/1000:.2f} s (min {min(x[0] for x in v)/1000:.2f})  cpu median {statistics.median(x[1] for x in v):.0f} ms (min {min(x[1] for x in v):.0f}, max {max(x[1] for x in v):.0f})  load {min(x[2] for x in v):.1f}-{max(x[2] for x in v):.1f}")
PY
rm -rf $W
