#!/bin/sh
# tasks.sh: latency of the tasks module through the whole stack (nginx -> fcgi -> PostgreSQL). See LICENSE.
#
#   sh bench/tasks.sh          prints: adds (mean, p95 ms), the list of N tasks (ms, messages), done + undo
# Env: BENCH_TASKS (200), MSB_BIN (bin). Starts its own stack (tests/lib/stack.py) and stops it.
set -eu
cd "$(dirname "$0")/.."
export MSB_BIN="${MSB_BIN:-bin}"
export PYTHONPATH="$(pwd)/tests/lib:$(pwd)/tests"
exec /usr/bin/python3 - "${BENCH_TASKS:-200}" <<'PY'
import statistics, sys, time
import stack as S

n = int(sys.argv[1])
st = S.Stack("bench_tasks", env={"MSB_FLOOD_PER_MINUTE": "1000000000"}).start()
try:
    c = S.Chat(st, 599999, lang="es", settle=0.0)
    c.say("/start")
    lat = []
    for i in range(n):
        t0 = time.perf_counter()
        status, _ = st.post(c.update(message=c.message("Tarea %d de CC para el 10/10/2100 a las 10:00" % i)))
        lat.append((time.perf_counter() - t0) * 1000)
        assert status == 200
    stored = st.sql("SELECT count(*) FROM tasks.tasks WHERE user_id = 599999")[0][0]
    rem = st.sql("SELECT count(*) FROM reminders.queue WHERE user_id = 599999 AND kind = 'task'")[0][0]
    t0 = time.perf_counter()
    r = c.say("tareas")
    list_ms = (time.perf_counter() - t0) * 1000
    msgs = [x for x in r if x["method"] == "sendMessage"]
    t0 = time.perf_counter()
    st.post(c.update(message=c.message("hecho 1")))
    st.post(c.update(message=c.message("deshacer")))
    du_ms = (time.perf_counter() - t0) * 1000 / 2
    lat.sort()
    print("tasks bench: %d adds through the webhook: mean %.1f ms, p95 %.1f ms (%d tasks, %d reminders stored)"
          % (n, statistics.mean(lat), lat[int(0.95 * (len(lat) - 1))], stored, rem))
    print("tasks bench: list of %d tasks: %.1f ms wall (includes the test client's settle), %d messages"
          % (stored, list_ms, len(msgs)))
    print("tasks bench: done / undo by words with %d tasks: %.1f ms each" % (stored, du_ms))
finally:
    st.stop()
PY
