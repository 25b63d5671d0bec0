#!/bin/sh
# expenses.sh: chart rendering time per kind, and period totals over a user with 10,000 expenses. See LICENSE.
#
#   sh bench/expenses.sh          (after make; BENCH_RUNS=50 chart runs per kind)
# Targets (issue 6): each chart under 20 ms; a month's totals under 5 ms, by index, not by reading
# every user's rows. The totals run on a private PostgreSQL (tests/lib/pg.sh) holding 10,000
# expenses of the measured user (a few of them repeating) among 200,000 of 100 other users.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
out=$root/tests/out/bench
mkdir -p "$out"
runs=${BENCH_RUNS:-50}

# 1. Charts: the library code itself, linked from the plain build.
[ -f build/plain/libmsb.a ] || make -s all
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Werror -Ilib $(pkg-config --cflags gdlib) -o "$out/expenses_chart" bench/expenses_chart.c \
	build/plain/libmsb.a $(pkg-config --libs libpq libcurl yajl gdlib fcgi libutf8proc libical) -lm
"$out/expenses_chart" "$runs"

# 2. Totals.
tmp=$(mktemp -d /tmp/msb-bench-XXXXXX)
chmod 755 "$tmp"
trap 'sh tests/lib/pg.sh stop "$tmp/data" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
sh tests/lib/pg.sh start "$tmp/data" "$tmp/sock" "$tmp/postgres.log"
sh tests/lib/pg.sh createdb "$tmp/sock" bench
export MSB_DATABASE_URL="host=$tmp/sock dbname=bench"
bin/mystudentbot migrate >/dev/null
pgbin=$(sh tests/lib/pg.sh bindir)
psql() { "$pgbin/psql" -XAtq -v ON_ERROR_STOP=1 "$MSB_DATABASE_URL" "$@"; }
psql <<'SQL'
INSERT INTO core.users (user_id, chat_id) SELECT g, g FROM generate_series(690000, 690100) g;
-- Other users' rows: a query that scanned them would show it.
INSERT INTO expenses.expenses (user_id, amount, currency, concept, category, spent_on)
SELECT 690001 + g % 100, (g % 5000) / 100.0 + 0.01, 'EUR', 'c' || g, 'food', date '2024-01-01' + g % 1060
FROM generate_series(1, 200000) g;
-- The measured user: 9,990 one-off expenses over three years, 10 repeating ones.
INSERT INTO expenses.expenses (user_id, amount, currency, concept, category, spent_on)
SELECT 690000, (g % 5000) / 100.0 + 0.01, CASE WHEN g % 10 = 0 THEN 'USD' ELSE 'EUR' END, 'c' || g,
    (ARRAY['food', 'transport', 'leisure', 'housing'])[1 + g % 4], date '2024-01-01' + g % 1060
FROM generate_series(1, 9990) g;
INSERT INTO expenses.expenses (user_id, amount, currency, concept, category, spent_on, every)
SELECT 690000, 9.99, 'EUR', 'r' || g, 'bills', date '2024-01-01' + g * 30,
    (ARRAY['day', 'week', 'month', 'year'])[1 + g % 4]
FROM generate_series(1, 10) g;
ANALYZE;
SQL
echo "expenses of user 690000: $(psql -c 'SELECT count(*) FROM expenses.expenses WHERE user_id = 690000'), of all: $(psql -c 'SELECT count(*) FROM expenses.expenses')"
# The statements lib/expenses/store.c runs for a summary (total, categories, concepts, the period before).
for range in "2026-11-01 2026-11-29 month" "2026-11-23 2026-11-29 week" "2026-01-01 2026-11-29 year"; do
	set -- $range
	for q in \
	    "SELECT currency, '' AS key, sum(amount)::text AS total, count(*) AS n FROM expenses.occurrences(690000, '$1'::date, '$2'::date) GROUP BY 1, 2 ORDER BY sum(amount) DESC, 1" \
	    "SELECT currency, category AS key, sum(amount)::text AS total, count(*) AS n FROM expenses.occurrences(690000, '$1'::date, '$2'::date) GROUP BY 1, 2 ORDER BY 1, sum(amount) DESC, 2"; do
		psql -c "EXPLAIN (ANALYZE, BUFFERS) $q" >"$out/explain.txt"
		psql -c "$q" >/dev/null	# warm
		best=$(for i in 1 2 3 4 5; do psql -c "EXPLAIN (ANALYZE) $q" | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p'; done | sort -n | head -n 1)
		idx=$(grep -oE 'Index (Only )?Scan (using|on) [a-z_]+' "$out/explain.txt" | sed 's/.* //' | sort -u | tr '\n' ' ')
		seq=$(grep -c 'Seq Scan' "$out/explain.txt" || true)
		printf '  %-5s %-7s %7s ms   indexes: %s  seq scans: %s\n' "$3" "$(echo "$q" | grep -q category && echo by-cat || echo total)" "$best" "$idx" "$seq"
	done
done
echo "totals (best of 5, PostgreSQL execution time); plan of the last one: tests/out/bench/explain.txt"
