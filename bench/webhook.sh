#!/bin/sh
# webhook.sh: updates/s through nginx -> mystudentbot-fcgi -> PostgreSQL, next to pgbench. See LICENSE.
#
#   sh bench/webhook.sh        (make bench runs it after building bin/)
# Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (64), BENCH_THREADS (nproc), BENCH_WORKERS
# (mystudentbot-fcgi -w, default 8 per CPU), BENCH_USERS (1000), MSB_BIN (bin).
# Starts its own stack (tests/lib/stack.py: private PostgreSQL, stand-in, fcgi, nginx) and stops it.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${BENCH_SECONDS:-10}
conns=${BENCH_CONNECTIONS:-64}
ncpu=$(nproc)
threads=${BENCH_THREADS:-$ncpu}
# A worker spends most of an update waiting for PostgreSQL, so a core keeps several busy:
# 8 per CPU measured best here (see README, Figures). Operators: mystudentbot-fcgi -w.
workers=${BENCH_WORKERS:-$((ncpu * 8))}
# Updates come from this many senders, as a real bot's do (a handful would make every transaction
# wait for the same few rows' locks, which says more about the bench than about the bot).
users=${BENCH_USERS:-1000}
export MSB_BIN="${MSB_BIN:-bin}"
out=$root/tests/out/bench
mkdir -p "$out"
envf=$out/stack.env
rm -f "$envf"

. bench/stack.inc
. bench/cpu.inc

# The flood limit would turn most of the run into refusals: lift it for the bench.
/usr/bin/python3 tests/lib/stack.py --name bench --workers "$workers" \
	--set MSB_FLOOD_PER_MINUTE=1000000000 --env-file "$envf" >"$out/stack.log" 2>&1 &
bench_stack_ready webhook.sh
export MSB_WEBHOOK_SECRET BENCH_USERS="$users"
pgbin=$(sh tests/lib/pg.sh bindir)
psql() { "$pgbin/psql" -XAtq "$MSB_DATABASE_URL" "$@"; }

# A warm-up, then the measured run, with the CPU each program used during it.
wrk -t "$threads" -c "$conns" -d 2s -s bench/webhook.lua "$STACK_WEBHOOK_URL" >"$out/wrk-warmup.txt" 2>&1
before=$(psql -c "SELECT count(*) FROM core.updates")
cpu_snap "$out/cpu-wrk.0"
/usr/bin/time -f '%U %S' -o "$out/wrk.cpu" \
	wrk -t "$threads" -c "$conns" -d "${secs}s" --latency -s bench/webhook.lua "$STACK_WEBHOOK_URL" >"$out/wrk.txt" 2>&1
cpu_snap "$out/cpu-wrk.1"
after=$(psql -c "SELECT count(*) FROM core.updates")
res=$(grep '^RESULT' "$out/wrk.txt") || { cat "$out/wrk.txt" >&2; exit 1; }
val() { echo "$res" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# Peak resident size (VmHWM) of each FastCGI worker: the processes in the master's group
# other than the master itself (reported apart).
hwm() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status" 2>/dev/null || true; }
rss=""
maxrss=0
for pid in $(ps -e -o pid=,pgid= | awk -v g="$STACK_FCGI_PID" '$2 == g { print $1 }'); do
	[ "$pid" -eq "$STACK_FCGI_PID" ] && continue
	kb=$(hwm "$pid")
	[ -n "$kb" ] || continue
	rss="$rss ${kb}"
	[ "$kb" -gt "$maxrss" ] && maxrss=$kb
done
master_rss=$(hwm "$STACK_FCGI_PID")

# pgbench: the same statements sent the same way (bench/pgbench_update.sql: BEGIN and the two
# INSERTs in one pipeline, extended protocol, then COMMIT), the same concurrency, the same server.
# Also pgbench's default simple protocol, for reference.
pgbench_threads=$threads
[ "$pgbench_threads" -gt "$conns" ] && pgbench_threads=$conns
tps_of() {
	sed -n 's/^tps = \([0-9.]*\) .*without initial connection time.*/\1/p' "$1" | head -n 1
}
cpu_snap "$out/cpu-pgbench.0"
/usr/bin/time -f '%U %S' -o "$out/pgbench.cpu" "$pgbin/pgbench" -n -c "$conns" -j "$pgbench_threads" \
	-T "$secs" -M extended -D users="$users" -f bench/pgbench_update.sql "$MSB_DATABASE_URL" >"$out/pgbench.txt" 2>&1 || { cat "$out/pgbench.txt" >&2; exit 1; }
cpu_snap "$out/cpu-pgbench.1"
sed -e '/^\\startpipeline/d' -e '/^\\endpipeline/d' -e 's/ DO NOTHING;$/ DO NOTHING \\;/' \
	-e 's/^BEGIN;$/BEGIN \\;/' bench/pgbench_update.sql >"$out/pgbench_simple.sql"
"$pgbin/pgbench" -n -c "$conns" -j "$pgbench_threads" -T "$secs" -M simple -D users="$users" -f "$out/pgbench_simple.sql" \
	"$MSB_DATABASE_URL" >"$out/pgbench-simple.txt" 2>&1 ||
	{ cat "$out/pgbench-simple.txt" >&2; exit 1; }
tps=$(tps_of "$out/pgbench.txt")
tps_simple=$(tps_of "$out/pgbench-simple.txt")
txs=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$out/pgbench.txt")

rps=$(val rps)
n=$(val requests)
ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { if (b > 0) printf "%.0f", 100 * a / b; else print "?" }')
ratio_simple=$(awk -v a="$rps" -v b="$tps_simple" 'BEGIN { if (b > 0) printf "%.0f", 100 * a / b; else print "?" }')
pg_us=$(cpu_us "$out/cpu-wrk.0" "$out/cpu-wrk.1" postgres "$n")
fcgi_us=$(cpu_us "$out/cpu-wrk.0" "$out/cpu-wrk.1" mystudentbot-fc "$n")
nginx_us=$(cpu_us "$out/cpu-wrk.0" "$out/cpu-wrk.1" nginx "$n")
wrk_us=$(client_us "$out/wrk.cpu" "$n")
pgb_pg_us=$(cpu_us "$out/cpu-pgbench.0" "$out/cpu-pgbench.1" postgres "$txs")
pgb_us=$(client_us "$out/pgbench.cpu" "$txs")
# Were the worker free, the CPUs could still do no more than this many updates a second:
bound=$(awk -v c="$ncpu" -v a="$pg_us" -v b="$nginx_us" -v d="$wrk_us" 'BEGIN { printf "%.0f", c * 1e6 / (a + b + d) }')
echo "webhook bench: $conns connections, ${secs}s, $threads wrk threads, $workers fcgi workers, $users users, $ncpu CPUs"
echo "  through nginx -> fcgi -> PostgreSQL: $rps updates/s  p50 $(val p50_ms) ms  p99 $(val p99_ms) ms  (non-2xx $(val non2xx), socket errors $(val errors), updates stored $((after - before)) of $(val requests))"
echo "  pgbench, same statements and protocol (extended, pipelined), $conns clients: $tps tps;  simple protocol: $tps_simple tps"
echo "  webhook / pgbench: ${ratio}%  (/ simple protocol: ${ratio_simple}%)"
echo "  CPU per update (us): postgres $pg_us, fcgi workers $fcgi_us, nginx $nginx_us, wrk $wrk_us"
echo "  CPU per pgbench transaction (us): postgres $pgb_pg_us, pgbench $pgb_us"
echo "  bound with workers that cost nothing ($ncpu CPUs): $bound updates/s"
echo "  fcgi workers' peak RSS (VmHWM, kB):$rss  (max $maxrss kB; master ${master_rss:-?} kB)"
echo "  raw output: tests/out/bench/"
