#!/bin/sh
# webhook.sh: updates/s through nginx -> mystudentbot-fcgi -> PostgreSQL, next to pgbench. See LICENSE.
#
#   sh bench/webhook.sh        (make bench runs it after building bin/)
# Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (64), BENCH_THREADS (nproc), BENCH_WORKERS
# (mystudentbot-fcgi -w, default 8 per CPU), BENCH_USERS (16), MSB_BIN (bin).
# Starts its own stack (tests/lib/stack.py: private PostgreSQL, stand-in, fcgi, nginx) and stops it.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${BENCH_SECONDS:-10}
conns=${BENCH_CONNECTIONS:-64}
ncpu=$(nproc)
threads=${BENCH_THREADS:-$ncpu}
# A worker spends most of an update waiting for PostgreSQL, so a core keeps several busy:
# 8 per CPU measured best here (2: 1,670/s, 16 on 2 CPUs: 2,800/s). Operators: mystudentbot-fcgi -w.
workers=${BENCH_WORKERS:-$((ncpu * 8))}
users=${BENCH_USERS:-16}
export MSB_BIN="${MSB_BIN:-bin}"
out=$root/tests/out/bench
mkdir -p "$out"
envf=$out/stack.env
rm -f "$envf"

. bench/stack.inc

# The flood limit would turn most of the run into refusals: lift it for the bench.
/usr/bin/python3 tests/lib/stack.py --name bench --workers "$workers" \
	--set MSB_FLOOD_PER_MINUTE=1000000000 --env-file "$envf" >"$out/stack.log" 2>&1 &
bench_stack_ready webhook.sh
export MSB_WEBHOOK_SECRET BENCH_USERS="$users"
pgbin=$(sh tests/lib/pg.sh bindir)
psql() { "$pgbin/psql" -XAtq "$MSB_DATABASE_URL" "$@"; }

# A warm-up, then the measured run.
wrk -t "$threads" -c "$conns" -d 2s -s bench/webhook.lua "$STACK_WEBHOOK_URL" >"$out/wrk-warmup.txt" 2>&1
before=$(psql -c "SELECT count(*) FROM core.updates")
{ [ -n "${BENCH_CPUPROF:-}" ] && (sleep 2; sh /tmp/cpuprof.sh 5 > $out/cpuprof.txt) & } ; wrk -t "$threads" -c "$conns" -d "${secs}s" --latency -s bench/webhook.lua "$STACK_WEBHOOK_URL" >"$out/wrk.txt" 2>&1
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

# pgbench: the same transaction, the same concurrency, the same server.
pgbench_threads=$threads
[ "$pgbench_threads" -gt "$conns" ] && pgbench_threads=$conns
{ [ -n "${BENCH_CPUPROF:-}" ] && (sleep 2; sh /tmp/cpuprof.sh 5 > $out/cpuprof-pgbench.txt) & } ; "$pgbin/pgbench" -n -c "$conns" -j "$pgbench_threads" -T "$secs" -f bench/pgbench_update.sql \
	"$MSB_DATABASE_URL" >"$out/pgbench.txt" 2>&1 || { cat "$out/pgbench.txt" >&2; exit 1; }
tps=$(sed -n 's/^tps = \([0-9.]*\) .*without initial connection time.*/\1/p' "$out/pgbench.txt" | head -n 1)
[ -n "$tps" ] || tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out/pgbench.txt" | head -n 1)

rps=$(val rps)
ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { if (b > 0) printf "%.0f", 100 * a / b; else print "?" }')
echo "webhook bench: $conns connections, ${secs}s, $threads wrk threads, $workers fcgi workers, $users users, $ncpu CPUs"
echo "  through nginx -> fcgi -> PostgreSQL: $rps updates/s  p50 $(val p50_ms) ms  p99 $(val p99_ms) ms  (non-2xx $(val non2xx), socket errors $(val errors), updates stored $((after - before)) of $(val requests))"
echo "  pgbench, same transaction, $conns clients: $tps tps"
echo "  webhook / pgbench: ${ratio}%"
echo "  fcgi workers' peak RSS (VmHWM, kB):$rss  (max $maxrss kB; master ${master_rss:-?} kB)"
echo "  raw output: tests/out/bench/"
