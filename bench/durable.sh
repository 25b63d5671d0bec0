#!/bin/sh
# durable.sh: the database ceiling of one update with production durability (fsync and
# synchronous_commit on, as a real server runs), beside the tests' fsync=off. See LICENSE.
#   sh bench/durable.sh     Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (64), MSB_BIN (bin).
# A private cluster in a temporary folder (tests/lib/pg.sh), migrated by `mystudentbot migrate`,
# then bench/pgbench_update.sql (what a "hola" update costs the database at least) twice:
# fsync off (the tests' setting), then restarted with PostgreSQL's defaults.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${BENCH_SECONDS:-10}
conns=${BENCH_CONNECTIONS:-64}
bin=${MSB_BIN:-bin}
pgbin=$(sh tests/lib/pg.sh bindir)
tmp=$(mktemp -d /tmp/msb-durable-XXXXXX)
chmod 755 "$tmp"
cleanup() {
	sh tests/lib/pg.sh stop "$tmp/data" >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

sh tests/lib/pg.sh start "$tmp/data" "$tmp/sock" "$tmp/pg.log"
sh tests/lib/pg.sh createdb "$tmp/sock" mystudentbot
url="host=$tmp/sock dbname=mystudentbot"
env MSB_DATABASE_URL="$url" MSB_CONFIG= "$bin/mystudentbot" migrate >/dev/null 2>&1
j=$(nproc)
[ "$j" -gt "$conns" ] && j=$conns
tps() {
	"$pgbin/pgbench" -n -M extended -D users="${BENCH_USERS:-1000}" -c "$conns" -j "$j" -T "$secs" -f bench/pgbench_update.sql "$url" >"$tmp/pgbench.txt" 2>&1 ||
		{ cat "$tmp/pgbench.txt" >&2; exit 1; }
	sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$tmp/pgbench.txt" | tail -n 1 | awk '{ printf "%.0f", $1 }'
}
fast=$(tps)
# PostgreSQL's defaults: fsync, synchronous_commit and full_page_writes on.
as_pg "$pgbin/pg_ctl" restart -w -t 60 -m fast -D "$tmp/data" -l "$tmp/pg.log" \
	-o "-c listen_addresses='' -k $tmp/sock -c max_connections=200" >/dev/null
durable=$("$pgbin/psql" -XAtq "$url" -c "SHOW fsync" ) 
[ "$durable" = "on" ] || { echo "durable.sh: fsync is $durable after the restart" >&2; exit 1; }
slow=$(tps)
disk=$(df -P "$tmp" | awk 'NR == 2 { print $1 }')
echo "durable bench: bench/pgbench_update.sql, $conns clients, ${secs}s, data on $disk"
echo "  pgbench, fsync off (the tests): $fast tps"
echo "  pgbench, fsync and synchronous_commit on (production): $slow tps"
