#!/usr/bin/env bash
# The study loop with 1, 2 and 4 app instances on one PostgreSQL database, against one instance on SQLite, on the
# load harness's collection (issue 18). See tools/load/README.md, "Several instances on PostgreSQL".
#
#   PREPDECK_DB_PASSWORD=... tools/load/instances.sh --pg postgresql://USER@127.0.0.1:5432/NAME
#       [--jar JAR] [--work DIR] [--collection FILE] [--instances "1 2 4"] [--clients "8 32"] [--seconds N]
#       [--skip-sqlite] [--skip-same-cards]
#
# 1. Once: the collection (default DIR/collection.db, as run.sh builds it) is copied, the copy upgraded to this
#    prepdeck's schema and its decks' daily limits lifted (as run.sh), and `prepdeck migrate` copies it into the
#    PostgreSQL database NAME_base (created; USER needs CREATEDB). The collection itself is not changed.
# 2. For each number of instances: NAME_run is created again from NAME_base (CREATE DATABASE ... TEMPLATE), the
#    instances start on ports 7611.. and `Load.java study-instances` spreads the clients over them, printing req/s,
#    p50/p90/p99/max, errors, the CPU per request of the instances and of the PostgreSQL backends serving them, the
#    instances' largest RSS and the load average.
# 3. The same on the SQLite copy with one instance, on the same machine in the same run.
# 4. Two instances, 16 clients all studying one deck (so they rate the same cards at once): errors by kind, then the
#    database asked whether every acknowledged review is stored once and each rated card's reps equals its reviews.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=target/prepdeck.jar
WORK=/tmp/prepdeck-load
COLLECTION=
PG=
INSTANCES="1 2 4"
CLIENTS="8 32"
SECONDS_PER_PHASE=20
SKIP_SQLITE=
SKIP_SAME=
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR=$2; shift ;;
    --work) WORK=$2; shift ;;
    --collection) COLLECTION=$2; shift ;;
    --pg) PG=$2; shift ;;
    --instances) INSTANCES=$2; shift ;;
    --clients) CLIENTS=$2; shift ;;
    --seconds) SECONDS_PER_PHASE=$2; shift ;;
    --skip-sqlite) SKIP_SQLITE=1 ;;
    --skip-same-cards) SKIP_SAME=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$PG" ] || [ -z "${PREPDECK_DB_PASSWORD:-}" ]; then
  echo "give --pg postgresql://USER@HOST:PORT/NAME and the password in PREPDECK_DB_PASSWORD" >&2
  exit 2
fi
JAR=$(readlink -f "$JAR")
COLLECTION=${COLLECTION:-$WORK/collection.db}
LOAD="java -cp $JAR tools/load/Load.java"
# postgresql://USER@HOST:PORT/NAME -> its parts
PG_USER=$(echo "$PG" | sed -E 's#^postgres(ql)?://([^@]+)@.*#\2#')
PG_HOST=$(echo "$PG" | sed -E 's#^[^@]+@([^:/]+).*#\1#')
PG_PORT=$(echo "$PG" | sed -nE 's#^[^@]+@[^:/]+:([0-9]+)/.*#\1#p')
PG_PORT=${PG_PORT:-5432}
PG_NAME=$(echo "$PG" | sed -E 's#.*/([^/?]+)(\?.*)?$#\1#')
BASE_DB=${PG_NAME}_base
RUN_DB=${PG_NAME}_run
url_of() { echo "postgresql://$PG_USER@$PG_HOST:$PG_PORT/$1"; }
jdbc_of() { echo "jdbc:postgresql://$PG_HOST:$PG_PORT/$1"; }
psql_on() { PGPASSWORD=$PREPDECK_DB_PASSWORD psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -qtA -v ON_ERROR_STOP=1 "$@"; }
mkdir -p "$WORK"
EMPTY=$(mktemp -d)
SERVERS=()
stop_servers() {
  for pid in "${SERVERS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVERS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SERVERS=()
}
trap stop_servers EXIT

echo "jar: $JAR"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1),"\
  "PostgreSQL $(psql_on -d postgres -c 'SHOW server_version')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

UPGRADED=$WORK/collection-current.db
if [ ! -f "$UPGRADED" ]; then
  sqlite3 "$COLLECTION" ".backup '$UPGRADED.part'"
  java -jar "$JAR" user list --db "$UPGRADED.part" >/dev/null   # opening it upgrades the copy's schema
  java -cp "$JAR" tools/load/Load.java lift-limits "$UPGRADED.part"
  mv "$UPGRADED.part" "$UPGRADED"
fi
if [ -z "$(psql_on -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$BASE_DB'")" ]; then
  psql_on -d postgres -c "CREATE DATABASE $BASE_DB ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
  echo "== prepdeck migrate into $BASE_DB (load average $(cut -d' ' -f1 /proc/loadavg))"
  /usr/bin/time -f "migrate: %e s wall, %U s user, %S s system, peak RSS %M KB" \
    java -jar "$JAR" migrate --from "$UPGRADED" --to "$(url_of "$BASE_DB")" | tail -4
fi

start_instances() { # n url -> starts n instances on ports 7611.., waits for each to answer
  local n=$1 db=$2
  for i in $(seq 1 "$n"); do
    (cd "$EMPTY" && exec java -jar "$JAR" --port $((7610 + i)) --db "$db" --decks "$EMPTY" --backup-hours 0 \
      >"$WORK/instance-$i.log" 2>&1) &
    SERVERS+=($!)
  done
  for i in $(seq 1 "$n"); do
    for _ in $(seq 1 6000); do
      [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((7610 + i))/api/health")" = 200 ] && break
      sleep 0.05
    done
  done
}
bases_of() { # n -> the instances' base URLs, comma-separated
  local out=""
  for i in $(seq 1 "$1"); do out="$out${out:+,}http://127.0.0.1:$((7610 + i))"; done
  echo "$out"
}
fresh_run_db() {
  psql_on -d postgres -c "DROP DATABASE IF EXISTS $RUN_DB" -c "CREATE DATABASE $RUN_DB TEMPLATE $BASE_DB"
}

for n in $INSTANCES; do
  fresh_run_db
  start_instances "$n" "$(url_of "$RUN_DB")"
  echo "== $n instance(s) on PostgreSQL $RUN_DB, $SECONDS_PER_PHASE s per phase (load average $(cut -d' ' -f1 /proc/loadavg))"
  # shellcheck disable=SC2086
  $LOAD study-instances "$(bases_of "$n")" "$(IFS=,; echo "${SERVERS[*]}")" "$SECONDS_PER_PHASE" \
    --pg "$(jdbc_of "$RUN_DB")" "$PG_USER" $CLIENTS
  echo "instances' peak RSS: $(for pid in "${SERVERS[@]}"; do grep VmHWM "/proc/$pid/status" | tr -s ' ' | cut -d' ' -f2-3; done | paste -sd' ')"
  stop_servers
done

if [ -z "$SKIP_SQLITE" ]; then
  cp "$UPGRADED" "$WORK/instances-sqlite.db"
  rm -f "$WORK/instances-sqlite.db-wal" "$WORK/instances-sqlite.db-shm"
  start_instances 1 "$WORK/instances-sqlite.db"
  echo "== 1 instance on SQLite, $SECONDS_PER_PHASE s per phase (load average $(cut -d' ' -f1 /proc/loadavg))"
  # shellcheck disable=SC2086
  $LOAD study-instances "$(bases_of 1)" "${SERVERS[0]}" "$SECONDS_PER_PHASE" $CLIENTS
  stop_servers
fi

if [ -z "$SKIP_SAME" ]; then
  fresh_run_db
  start_instances 2 "$(url_of "$RUN_DB")"
  DECK=$(curl -s "http://127.0.0.1:7611/api/decks" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
  echo "== two instances, 16 clients rating the same cards (deck $DECK)"
  $LOAD same-cards "$(bases_of 2)" "$SECONDS_PER_PHASE" 16 "$DECK" "$(jdbc_of "$RUN_DB")" "$PG_USER"
  stop_servers
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
