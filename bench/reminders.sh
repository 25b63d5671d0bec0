#!/bin/sh
# reminders.sh: the class-warning producer at 20,000 students, finding due reminders among a million,
# and sending 3,000 of them paced. See LICENSE.
#
#   sh bench/reminders.sh        (make bench runs it after building bin/)
#   BENCH_PARTS=warn sh bench/reminders.sh     only part 0, the producer
# Env: BENCH_STUDENTS (20000), BENCH_USERS (100000), BENCH_REMINDERS (1000000), BENCH_DUE (3000),
# MSB_BIN (bin). Starts its own stack (tests/lib/stack.py: private PostgreSQL, stand-in, fcgi, nginx)
# and stops it.
#
# 0. BENCH_STUDENTS students with 25 classes a week each (Madrid; a lead of 30 or 60 minutes; a
#    term, some days off, alternate weeks), a third of them warned in the same minute. The producer
#    (lib/academic/warn.c) runs over a reminder run's window at --now (bench/warn_produce.c).
# 1. The queue gets BENCH_REMINDERS rows for BENCH_USERS users: 90% already sent (history), the
#    rest pending in the next 30 days, of which BENCH_DUE are due at the run's --now, one per user.
#    EXPLAIN ANALYZE shows the claim of a batch and the search for every due row, with the index.
# 2. mystudentbot-remind runs as cron would (each run ends before its minute is over, the next
#    starts at once) until the due rows are sent; the stand-in's timestamps give the rate overall,
#    per run, and the most sends in any one-second window (must be <= MSB_SEND_RATE, 30).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
users=${BENCH_USERS:-100000}
total=${BENCH_REMINDERS:-1000000}
due=${BENCH_DUE:-3000}
students=${BENCH_STUDENTS:-20000}
export MSB_BIN="${MSB_BIN:-bin}"
out=$root/tests/out/bench-reminders
mkdir -p "$out"
envf=$out/stack.env
rm -f "$envf"
now_epoch=1907568000	# 2030-06-13T08:00:00Z, a Thursday: --now of the first run
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }

. bench/stack.inc

# Python's http.server writes an answer's head and body in two segments with Nagle on, so on a
# kept-alive connection every answer stalls ~40 ms on the client's delayed ACK: the pacer waits for
# answers (pacing.h), so that stall alone would cost 4 % of the rate. Telegram does not answer that
# way; the stand-in of this bench turns Nagle off (BENCH_NAGLE=1 keeps the stall, to compare).
/usr/bin/python3 - --name bench-reminders --env-file "$envf" >"$out/stack.log" 2>&1 <<'EOF' &
import os, sys
sys.path[:0] = ["tests/lib", "tests"]
import botapi_standin
botapi_standin.Handler.disable_nagle_algorithm = os.environ.get("BENCH_NAGLE") != "1"
import stack
sys.argv[0] = "stack.py"
stack.main()
EOF
bench_stack_ready reminders.sh
export MSB_DATABASE_URL MSB_BOT_TOKEN MSB_TELEGRAM_API MSB_LOG_STDERR=0
pgbin=$(sh tests/lib/pg.sh bindir)
psql() { "$pgbin/psql" -XAtq -v ON_ERROR_STOP=1 "$MSB_DATABASE_URL" "$@"; }

# --- 0. the class-warning producer ---
make -s build/plain/libmsb.a >/dev/null
mkdir -p build/bench
cc -std=c11 -D_GNU_SOURCE -O2 -Ilib $(pkg-config --cflags libpq libcurl yajl gdlib libical) \
    -o build/bench/warn_produce bench/warn_produce.c build/plain/libmsb.a \
    $(pkg-config --libs libpq libcurl yajl gdlib freetype2 fcgi libutf8proc libical) -lm
t0=$(date +%s.%N)
# Class k (0..4) of student g starts at 08:00 + 2k h + (g % 3) * 30 min, Monday to Friday: at --now
# (10:00 in Madrid) the run's window [09:50, 10:01) warns the 10:30 classes of a lead of 30 minutes
# and the 11:00 ones of a lead of 60.
psql <<EOF
INSERT INTO core.users (user_id, chat_id, lang, tz)
SELECT 80000000 + g, 80000000 + g, CASE WHEN g % 4 = 0 THEN 'en' ELSE 'es' END, 'Europe/Madrid'
FROM generate_series(1, $students) g;
INSERT INTO academic.settings (user_id, warn_minutes)
SELECT 80000000 + g, CASE WHEN g % 5 = 0 THEN 60 ELSE 30 END FROM generate_series(1, $students) g;
INSERT INTO academic.terms (user_id, starts_on, ends_on)
SELECT 80000000 + g, date '2030-02-01', date '2030-07-15' FROM generate_series(1, $students) g;
INSERT INTO academic.days_off (user_id, day)
SELECT 80000000 + g, date '2030-06-13' FROM generate_series(50, $students, 50) g;
INSERT INTO academic.subjects (user_id, code)
SELECT 80000000 + g, (ARRAY['CC', 'Álgebra', 'Redes & <SO>', 'BD', 'IA'])[k + 1]
FROM generate_series(1, $students) g, generate_series(0, 4) k;
INSERT INTO academic.classes (user_id, subject_id, weekday, start_time, end_time, room, every_weeks,
    anchor_monday, batch_id)
SELECT s.user_id, s.id, d, c.t, c.t + interval '90 minutes', 'Aula ' || c.k, CASE WHEN c.k = 4 THEN 2 ELSE 1 END,
    date '2030-06-03', 1
FROM academic.subjects s
CROSS JOIN LATERAL (SELECT array_position(ARRAY['CC', 'Álgebra', 'Redes & <SO>', 'BD', 'IA'], s.code) - 1 AS k) k0
CROSS JOIN LATERAL (SELECT k0.k, time '08:00' + make_interval(hours => 2 * k0.k,
    mins => 30 * ((s.user_id - 80000000) % 3)::int) AS t) c
CROSS JOIN generate_series(1, 5) d
WHERE s.user_id > 80000000 AND s.user_id <= 80000000 + $students;
ANALYZE;
EOF
t1=$(date +%s.%N)
echo "class warnings bench: $students students, $(psql -c "SELECT count(*) FROM academic.classes") classes, run at $(iso $now_epoch) (loaded in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }') s)"
build/bench/warn_produce "$now_epoch" 5
# Parts 1 and 2 measure the queue without the warnings: their users stop wanting them.
psql -c "UPDATE academic.settings SET warn_on = false WHERE user_id > 80000000 AND user_id <= 80000000 + $students"
case " ${BENCH_PARTS:-warn queue} " in *" queue "*) ;; *) exit 0 ;; esac

# --- 1. a million stored reminders ---
t0=$(date +%s.%N)
psql <<EOF
INSERT INTO core.users (user_id, chat_id, lang, tz)
SELECT 90000000 + g, 90000000 + g, CASE WHEN g % 3 = 0 THEN 'en' ELSE 'es' END,
       CASE WHEN g % 10 = 0 THEN 'America/New_York' ELSE 'Europe/Madrid' END
FROM generate_series(1, $users) g;

-- History: sent over the last 90 days.
INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html, status, attempts, sent_at)
SELECT 90000000 + 1 + g % $users, CASE WHEN g % 2 = 0 THEN 'task' ELSE 'class' END, g,
       to_timestamp($now_epoch) - (g % 7776000) * interval '1 second',
       to_timestamp($now_epoch) - (g % 7776000) * interval '1 second' + interval '30 minutes',
       'Tienes clase de CC en el aula 1.6 en 30 minutos', 'sent', 1,
       to_timestamp($now_epoch) - (g % 7776000) * interval '1 second'
FROM generate_series(1, $total * 9 / 10) g;

-- Pending, in the next 30 days.
INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html)
SELECT 90000000 + 1 + g % $users, 'task', g, to_timestamp($now_epoch) + (60 + g % 2592000) * interval '1 second',
       to_timestamp($now_epoch) + (60 + g % 2592000) * interval '1 second' + interval '1 hour',
       'Entrega de <b>CC</b> mañana'
FROM generate_series($total * 9 / 10 + 1, $total - $due) g;

-- Due now: one per user, in the last five minutes.
INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html)
SELECT 90000000 + g, 'task', $total + g, to_timestamp($now_epoch) - (g % 300) * interval '1 second',
       to_timestamp($now_epoch) + interval '1 hour', 'Entrega de <b>CC</b> en 1 hora (' || g || ')'
FROM generate_series(1, $due) g;
ANALYZE;
EOF
t1=$(date +%s.%N)
rows=$(psql -c "SELECT count(*) FROM reminders.queue")
echo "reminders bench: $users users, $rows stored reminders, $due due at $(iso $now_epoch) (loaded in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }') s)"

# The claim of lib/reminders/store.c (one batch of 30), rolled back; and every due row at once.
psql >"$out/explain-claim.txt" <<EOF
BEGIN;
EXPLAIN (ANALYZE, BUFFERS)
WITH due AS (
 SELECT q.id FROM reminders.queue q
 WHERE q.status = 'pending' AND q.due_at <= to_timestamp($now_epoch)
  AND (q.claimed_until IS NULL OR q.claimed_until <= to_timestamp($now_epoch))
 ORDER BY q.due_at, q.id LIMIT 30
 FOR UPDATE OF q SKIP LOCKED)
UPDATE reminders.queue q SET
 status = CASE WHEN q.expires_at <= to_timestamp($now_epoch) THEN 'missed'
  WHEN NOT u.active THEN 'cancelled' ELSE 'pending' END,
 claimed_until = CASE WHEN q.expires_at <= to_timestamp($now_epoch) OR NOT u.active
  THEN NULL ELSE to_timestamp($now_epoch + 120) END
FROM due, core.users u
WHERE q.id = due.id AND u.user_id = q.user_id
RETURNING q.id;
ROLLBACK;
EOF
psql >"$out/explain-due.txt" <<EOF
EXPLAIN (ANALYZE, BUFFERS)
SELECT q.id FROM reminders.queue q
WHERE q.status = 'pending' AND q.due_at <= to_timestamp($now_epoch)
 AND (q.claimed_until IS NULL OR q.claimed_until <= to_timestamp($now_epoch))
ORDER BY q.due_at, q.id;
EOF
ms() { sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' "$1"; }
idx() { grep -Eo "(Bitmap )?Index( Only)? Scan (using|on) [a-z_]+" "$1" | head -n 1; }
echo "  claim of a batch of 30: $(ms "$out/explain-claim.txt") ms ($(idx "$out/explain-claim.txt"))"
echo "  all $due due rows:      $(ms "$out/explain-due.txt") ms ($(idx "$out/explain-due.txt"))"
echo "  plans: $out/explain-claim.txt, $out/explain-due.txt"
t0=$(date +%s.%N)
"$MSB_BIN/mystudentbot-remind" --now "$(iso $now_epoch)" --dry-run >"$out/dry-run.txt"
t1=$(date +%s.%N)
echo "  mystudentbot-remind --dry-run (producers + every claim, rolled back): $(grep -c '^send ' "$out/dry-run.txt") lines in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", 1000 * (b - a) }') ms"

# --- 2. 3,000 due messages, paced ---
psql -c "SELECT 1" >/dev/null
at=$now_epoch
runs=0
: >"$out/runs.txt"
while [ "$(psql -c "SELECT count(*) FROM reminders.queue WHERE status = 'pending' AND due_at <= to_timestamp($now_epoch)")" -gt 0 ] &&
    [ $runs -lt 10 ]; do
	s=$(date +%s.%N)
	"$MSB_BIN/mystudentbot-remind" --now "$(iso $at)"
	e=$(date +%s.%N)
	echo "$s $e" >>"$out/runs.txt"
	at=$((at + 60))
	runs=$((runs + 1))
done
sent=$(psql -c "SELECT count(*) FROM reminders.queue WHERE status = 'sent' AND ref_id > $total")
/usr/bin/python3 - "$MSB_TELEGRAM_API" "$out/runs.txt" "$sent" "$runs" <<'EOF'
import json, sys, urllib.request
api, runsf, sent, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with urllib.request.urlopen(api + "/_control/stats", timeout=30) as r:
    st = json.loads(r.read())["result"]
t = sorted(c["t"] for c in st["times"] if c["method"] == "sendMessage")
n = len(t)
worst, j = 0, 0
for i in range(n):
    while j < n and t[j] < t[i] + 1.0:
        j += 1
    worst = max(worst, j - i)
rate = (n - 1) / (t[-1] - t[0]) if n > 1 else 0
print("  sent %d (%d accepted and marked sent) in %d runs over %.1f s: %.2f messages/s overall"
      % (n, sent, runs, t[-1] - t[0] if n else 0, rate))
spans = [tuple(map(float, l.split())) for l in open(runsf)]
for k, (s, e) in enumerate(spans):
    mine = [x for x in t if s <= x <= e]
    if len(mine) > 1:
        print("    run %d: %d sends, %.2f/s" % (k + 1, len(mine), (len(mine) - 1) / (mine[-1] - mine[0])))
gaps = sorted(b - a for a, b in zip(t, t[1:]))
print("  gap between two arrivals: min %.1f ms, median %.1f ms (pacing: 33.3 ms)"
      % (1000 * gaps[0], 1000 * gaps[len(gaps) // 2]) if gaps else "")
print("  most sends in any 1-second window: %d (limit 30); overall rate %.1f%% below the limit"
      % (worst, (30 - rate) / 30 * 100))
EOF
