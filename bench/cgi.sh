#!/bin/sh
# cgi.sh: updates/s when the host offers only CGI: nginx -> fcgiwrap -> one mystudentbot-fcgi
# process per update (docs/deploy.md 6c), beside the FastCGI pool of bench/webhook.sh. See LICENSE.
#   sh bench/cgi.sh      Env: BENCH_SECONDS (10), BENCH_CONNECTIONS (16), BENCH_WORKERS (fcgiwrap
#                        -c, default nproc), MSB_BIN (bin).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
secs=${BENCH_SECONDS:-10}
conns=${BENCH_CONNECTIONS:-16}
workers=${BENCH_WORKERS:-$(nproc)}
export MSB_BIN="${MSB_BIN:-bin}"
out=$root/tests/out/bench-cgi
mkdir -p "$out"
envf=$out/stack.env
rm -f "$envf"
. bench/stack.inc

/usr/bin/python3 tests/lib/stack.py --name bench-cgi-stack --cgi --workers "$workers" \
	--set MSB_FLOOD_PER_MINUTE=1000000000 --env-file "$envf" >"$out/stack.log" 2>&1 &
bench_stack_ready cgi.sh
export MSB_WEBHOOK_SECRET BENCH_USERS=64
wrk -t 2 -c "$conns" -d 2s -s bench/webhook.lua "$STACK_WEBHOOK_URL" >"$out/wrk-warmup.txt" 2>&1
wrk -t 2 -c "$conns" -d "${secs}s" --timeout 30s --latency -s bench/webhook.lua "$STACK_WEBHOOK_URL" >"$out/wrk.txt" 2>&1
res=$(grep '^RESULT' "$out/wrk.txt") || { cat "$out/wrk.txt" >&2; exit 1; }
val() { echo "$res" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
echo "cgi bench: $conns connections, ${secs}s, fcgiwrap -c $workers, $(nproc) CPUs, MSB_BIN=$MSB_BIN"
echo "  as plain CGI under fcgiwrap: $(val rps) updates/s  p50 $(val p50_ms) ms  p99 $(val p99_ms) ms  (non-2xx $(val non2xx), socket errors $(val errors))"
