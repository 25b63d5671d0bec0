# test_reminders.py: mystudentbot-remind (CONTRACT.md section 6) against the Bot API stand-in. See LICENSE.
#
# Every run is pinned with --now; rows are due in 2030 so the real clock never makes them due.
# The queue rows are inserted here the way owners schedule them (lib/reminders/queue.h); each test
# starts with nothing pending, so one test's rows never go out in another's run.
import datetime
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import stack as S  # noqa: E402

_users = iter(range(700_001, 799_999))
_refs = iter(range(7_000_001, 7_999_999))


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


def ts(s):
    """'2030-01-10T08:30:00Z' -> aware datetime."""
    return datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def iso(dt):
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class RemindTest(S.StackTestCase):
    def setUp(self):
        super().setUp()
        st = self.stack
        st.sql("UPDATE reminders.queue SET status = 'cancelled' WHERE status = 'pending'")
        st.sql("DELETE FROM reminders.pause")
        st.sql("UPDATE reminders.digest SET enabled = false")
        st.sql("UPDATE academic.settings SET warn_on = false")

    def tearDown(self):
        self.stack.sql("DELETE FROM reminders.pause")

    # --- helpers ---
    def user(self, lang="es", tz="Europe/Madrid"):
        uid = next(_users)
        self.stack.sql("INSERT INTO core.users (user_id, chat_id, lang, tz) VALUES (%s, %s, %s, %s)",
                       uid, uid, lang, tz)
        return uid

    def queue(self, uid, due, expires=None, kind="task", ref=None, text="Entrega <b>CC</b>"):
        due = ts(due) if isinstance(due, str) else due
        expires = ts(expires) if isinstance(expires, str) else (expires or due + datetime.timedelta(hours=1))
        return self.stack.sql(
            "INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html)"
            " VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
            uid, kind, ref if ref is not None else next(_refs), due, expires, text)[0][0]

    def status(self, qid):
        return self.stack.sql("SELECT status FROM reminders.queue WHERE id = %s", qid)[0][0]

    def remind(self, now, *args, expect=0):
        rc, out, err = self.stack.run_remind("--now", now, *args)
        self.assertEqual(rc, expect, "mystudentbot-remind --now %s: rc %d\n%s%s" % (now, rc, out, err))
        return out

    def sends(self, chat=None):
        calls = self.stack.standin.calls("sendMessage")
        return [c for c in calls if chat is None or c["params"].get("chat_id") == chat]

    def klass(self, uid, weekday=1, start="10:30", end="12:30", room="1.6", code="CC", term=("2030-01-07", "2030-06-28"),
              lead=None):
        """A weekly class as the academic module stores it (class.add needs the parser, not merged yet)."""
        st = self.stack
        sid = st.sql("INSERT INTO academic.subjects (user_id, code) VALUES (%s, %s) RETURNING id", uid, code)[0][0]
        cid = st.sql("INSERT INTO academic.classes (user_id, subject_id, weekday, start_time, end_time, room,"
                     " anchor_monday, batch_id) VALUES (%s, %s, %s, %s, %s, %s, '2030-01-07', nextval('academic.batches'))"
                     " RETURNING id", uid, sid, weekday, start, end, room)[0][0]
        st.sql("INSERT INTO academic.settings (user_id, warn_on, warn_minutes) VALUES (%s, true, %s)"
               " ON CONFLICT (user_id) DO NOTHING", uid, lead or 30)
        if term:
            st.sql("INSERT INTO academic.terms (user_id, starts_on, ends_on) VALUES (%s, %s, %s)"
                   " ON CONFLICT (user_id) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on",
                   uid, *term)
        return cid

    def warned_at(self, uid, instants):
        """Runs at each instant (UTC strings); returns those at which uid got a message."""
        got = []
        for at in instants:
            n = len(self.sends(uid))
            self.remind(at)
            if len(self.sends(uid)) > n:
                got.append(at)
        return got

    # --- class warnings (the academic module's producer) ---
    def test_class_warning_at_its_lead_time_once(self):
        uid = next(_users)
        ana = S.Chat(self.stack, uid, lang="es")
        ana.say("Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6")
        self.assertEqual(self.stack.sql("SELECT weekday, start_time::text FROM academic.classes WHERE user_id = %s",
                                        uid), [(1, "10:30:00")])
        # Monday 4 March 2030, CET: 10:30 local = 09:30 UTC, warned 30 minutes before.
        got = self.warned_at(uid, ["2030-03-04T08:58:00Z", "2030-03-04T08:59:00Z", "2030-03-04T09:00:00Z",
                                   "2030-03-04T09:01:00Z", "2030-03-04T09:02:00Z"])
        self.assertEqual(got, ["2030-03-04T09:00:00Z"])
        text = self.sends(uid)[0]["params"]["text"]
        self.assertEqual(text, "Tienes clase de CC en el aula 1.6 en 30 minutos")
        self.assertEqual(self.stack.sql("SELECT status FROM reminders.queue WHERE user_id = %s AND kind = 'class'",
                                        uid), [("sent",)])

    def test_class_warning_at_the_chosen_lead_in_english(self):
        uid = self.user(lang="en")
        self.klass(uid, lead=60, room=None, code="Maths")
        got = self.warned_at(uid, ["2030-03-04T08:29:00Z", "2030-03-04T08:30:00Z", "2030-03-04T08:31:00Z"])
        self.assertEqual(got, ["2030-03-04T08:30:00Z"])
        self.assertIn("Maths", self.sends(uid)[0]["params"]["text"])

    def test_no_warning_on_a_day_off_or_outside_the_term(self):
        uid = self.user()
        self.klass(uid)
        self.stack.sql("INSERT INTO academic.days_off (user_id, day) VALUES (%s, '2030-03-11')", uid)
        got = self.warned_at(uid, ["2030-03-11T09:00:00Z",      # a day without classes
                                   "2030-07-01T08:00:00Z",      # a Monday after the term (CEST)
                                   "2030-01-06T09:00:00Z",      # before it (a Sunday anyway)
                                   "2030-03-12T09:00:00Z",      # Tuesday: no class that day
                                   "2030-03-18T09:00:00Z"])     # the next Monday: back to normal
        self.assertEqual(got, ["2030-03-18T09:00:00Z"])

    def test_class_warnings_across_madrid_dst(self):
        uid = self.user(tz="Europe/Madrid")
        self.klass(uid, term=("2030-01-07", "2030-12-20"))
        # 10:30 local minus 30 min: 09:00 UTC in CET, 08:00 UTC in CEST.
        # Spring forward on Sunday 31 March 2030, fall back on Sunday 27 October 2030.
        got = self.warned_at(uid, ["2030-03-25T08:00:00Z", "2030-03-25T09:00:00Z",    # CET
                                   "2030-04-01T08:00:00Z", "2030-04-01T09:00:00Z",    # CEST
                                   "2030-10-21T08:00:00Z", "2030-10-21T09:00:00Z",    # CEST
                                   "2030-10-28T08:00:00Z", "2030-10-28T09:00:00Z"])   # CET
        self.assertEqual(got, ["2030-03-25T09:00:00Z", "2030-04-01T08:00:00Z",
                               "2030-10-21T08:00:00Z", "2030-10-28T09:00:00Z"])

    def test_class_warning_dropped_as_missed_once_the_class_began(self):
        uid = self.user()
        self.klass(uid)
        self.stack.standin.fail("sendMessage", 500, 1)
        self.remind("2030-03-04T09:00:00Z")                 # queued, Telegram failed: left for later
        self.assertEqual(self.stack.sql("SELECT status FROM reminders.queue WHERE user_id = %s", uid), [("pending",)])
        self.remind("2030-03-04T09:30:00Z")                 # the class began: too late to warn
        self.assertEqual([c["status"] for c in self.sends(uid)], [500])
        self.assertEqual(self.stack.sql("SELECT status FROM reminders.queue WHERE user_id = %s", uid), [("missed",)])

    # --- once, at its moment ---
    def test_sent_exactly_when_due_and_not_again(self):
        uid = self.user()
        qid = self.queue(uid, "2030-01-10T08:30:00Z", "2030-01-10T09:00:00Z", text="Entrega de <b>CC</b> en 30 minutos")
        self.remind("2030-01-10T08:29:00Z")
        self.assertEqual(self.sends(uid), [], "sent a minute early")
        self.remind("2030-01-10T08:30:00Z")
        sent = self.sends(uid)
        self.assertEqual(len(sent), 1)
        p = sent[0]["params"]
        self.assertEqual(p["text"], "Entrega de <b>CC</b> en 30 minutos")
        self.assertEqual(p["parse_mode"], "HTML")
        self.assertEqual([d for _, d in S.buttons(p["reply_markup"])],
                         ["r:snooze:%d:15" % qid, "r:snooze:%d:60" % qid, "r:snooze:%d:1440" % qid])
        self.assertEqual(self.status(qid), "sent")
        self.remind("2030-01-10T08:31:00Z")
        self.remind("2030-01-10T08:32:00Z")
        self.assertEqual(len(self.sends(uid)), 1, "sent again by a later run")

    def test_task_reminders_at_each_lead_time(self):
        # What the tasks module schedules for a task due 2030-02-15 10:00 local with leads 1 day and 1 hour.
        uid = self.user()
        ref = next(_refs)
        day = self.queue(uid, "2030-02-14T09:00:00Z", "2030-02-15T09:00:00Z", ref=ref, text="Mañana: entrega")
        hour = self.queue(uid, "2030-02-15T08:00:00Z", "2030-02-15T09:00:00Z", ref=ref, text="En 1 hora: entrega")
        self.remind("2030-02-14T09:00:00Z")
        self.assertEqual([c["params"]["text"] for c in self.sends(uid)], ["Mañana: entrega"])
        self.remind("2030-02-15T07:59:00Z")
        self.assertEqual(len(self.sends(uid)), 1)
        self.remind("2030-02-15T08:00:00Z")
        self.assertEqual([c["params"]["text"] for c in self.sends(uid)], ["Mañana: entrega", "En 1 hora: entrega"])
        self.assertEqual((self.status(day), self.status(hour)), ("sent", "sent"))

    def test_task_reminders_scheduled_by_the_tasks_module(self):
        uid = next(_users)
        ana = S.Chat(self.stack, uid, lang="es")
        ana.say("Entregar hito 1 de CC para el 05/03/2030")
        dues = [r[0] for r in self.stack.sql("SELECT due_at FROM reminders.queue WHERE user_id = %s AND kind = 'task'"
                                             " ORDER BY due_at", uid)]
        self.assertGreaterEqual(len(dues), 1, "the tasks module scheduled nothing")
        instants = []
        for d in dues:
            instants += [iso(d - datetime.timedelta(minutes=1)), iso(d), iso(d + datetime.timedelta(minutes=1))]
        self.assertEqual(self.warned_at(uid, instants), [iso(d) for d in dues])
        self.assertTrue(all("Entregar hito 1 de CC" in c["params"]["text"] for c in self.sends(uid)))

    def test_dropped_as_missed_once_its_moment_passed(self):
        uid = self.user()
        qid = self.queue(uid, "2030-01-11T08:30:00Z", "2030-01-11T09:00:00Z", kind="class")
        self.remind("2030-01-11T09:00:00Z")     # the class began: never sent late
        self.assertEqual(self.sends(uid), [])
        self.assertEqual(self.status(qid), "missed")
        self.remind("2030-01-11T09:01:00Z")
        self.assertEqual(self.sends(uid), [])

    def test_a_backlog_of_missed_rows_does_not_hide_a_due_one(self):
        old = [self.queue(self.user(), "2030-01-11T07:00:00Z", "2030-01-11T07:30:00Z") for _ in range(75)]
        uid = self.user()
        qid = self.queue(uid, "2030-01-11T08:29:00Z", "2030-01-11T09:00:00Z")
        self.remind("2030-01-11T08:30:00Z")
        self.assertEqual(len(self.sends(uid)), 1)
        self.assertEqual(self.status(qid), "sent")
        self.assertEqual(self.stack.sql("SELECT count(*) FROM reminders.queue WHERE id = ANY(%s) AND status = 'missed'",
                                        old), [(75,)])

    def test_dry_run_prints_and_changes_nothing(self):
        uids = [self.user() for _ in range(3)]
        ids = [self.queue(u, "2030-01-12T08:00:00Z") for u in uids]
        out = self.remind("2030-01-12T08:00:00Z", "--dry-run")
        lines = [l for l in out.splitlines() if l.startswith("send ")]
        self.assertEqual(len(lines), 3, out)
        for i in ids:
            self.assertTrue(any("queue=%d " % i in l for l in lines), out)
        self.assertEqual(self.stack.standin.calls(), [], "dry run called the Bot API")
        self.assertEqual(self.stack.sql("SELECT count(*) FROM reminders.queue WHERE id = ANY(%s)"
                                        " AND status = 'pending' AND claimed_until IS NULL AND attempts = 0", ids),
                         [(3,)])

    def test_exit_status(self):
        st = self.stack
        rc, out, err = st.run_remind("--now", "2030-01-12T08:00:00Z", env={"MSB_BOT_TOKEN": ""})
        self.assertEqual(rc, 2, "no token is bad configuration")
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        rc, out, err = st.run_remind("--now", "yesterday")
        self.assertEqual(rc, 2)
        rc, out, err = st.run_remind("--now", "2030-01-12T08:00:00Z",
                                     env={"MSB_DATABASE_URL": "host=/nonexistent dbname=x connect_timeout=2"})
        self.assertEqual(rc, 1, "an unreachable database is another failure")
        self.assertEqual(st.standin.calls(), [])

    # --- two runs at once ---
    def test_two_runs_at_once_send_each_reminder_once(self):
        uids = [self.user() for _ in range(40)]
        ids = [self.queue(u, "2030-01-13T08:00:00Z") for u in uids]
        results = []

        def run():
            results.append(self.stack.run_remind("--now", "2030-01-13T08:00:00Z"))
        threads = [threading.Thread(target=run) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual([r[0] for r in results], [0, 0], results)
        chats = [c["params"]["chat_id"] for c in self.sends()]
        self.assertEqual(sorted(chats), sorted(uids), "each reminder exactly once")
        self.assertEqual(self.stack.sql("SELECT count(*) FROM reminders.queue WHERE id = ANY(%s) AND status = 'sent'",
                                        ids), [(40,)])

    # --- Telegram's limits ---
    def test_pacing_overall_and_per_chat(self):
        many = [self.user() for _ in range(45)]
        for u in many:
            self.queue(u, "2030-01-14T08:00:00Z")
        one = self.user()
        for i in range(3):
            self.queue(one, "2030-01-14T08:00:00Z", text="n%d" % i)
        self.remind("2030-01-14T08:00:00Z")
        calls = self.sends()
        self.assertEqual(len(calls), 48)
        times = sorted(c["time"] for c in calls)
        worst = max(sum(1 for u in times if t <= u < t + 1.0) for t in times)
        self.assertLessEqual(worst, 30, "more than 30 sends in one second")
        mine = [c["time"] for c in calls if c["params"]["chat_id"] == one]
        self.assertEqual(len(mine), 3)
        gaps = [b - a for a, b in zip(mine, mine[1:])]
        self.assertTrue(all(g >= 0.99 for g in gaps), "two sends to one chat within a second: %r" % gaps)

    def test_429_waits_retry_after_exactly_then_sends(self):
        uid = self.user()
        qid = self.queue(uid, "2030-01-15T08:00:00Z")
        self.stack.standin.fail("sendMessage", 429, 1, retry_after=3)
        t0 = time.time()
        self.remind("2030-01-15T08:00:00Z")
        calls = self.sends(uid)
        self.assertEqual([c["status"] for c in calls], [429, 200])
        waited = calls[1]["time"] - calls[0]["time"]
        self.assertGreaterEqual(waited, 3.0, "retried before retry_after")
        self.assertLess(waited, 4.5, "waited far longer than retry_after")
        self.assertLess(time.time() - t0, 10)
        self.assertEqual(self.status(qid), "sent")

    def test_429_beyond_the_run_is_stored_for_the_next_runs(self):
        uid = self.user()
        qid = self.queue(uid, "2030-01-16T08:00:00Z", "2030-01-16T12:00:00Z")
        # 118 s from 08:00:00 ends at 08:01:58, after the claims of the 08:01 run stop (08:01:58 minus
        # the time the first run took to get its answer): that run must send nothing.
        self.stack.standin.fail("sendMessage", 429, 1, retry_after=118)
        t0 = time.time()
        self.remind("2030-01-16T08:00:00Z")
        self.assertLess(time.time() - t0, 30, "the run waited instead of storing the pause")
        self.assertEqual([c["status"] for c in self.sends(uid)], [429])
        self.assertEqual(self.status(qid), "pending")
        nb = self.stack.sql("SELECT not_before FROM reminders.pause")[0][0]
        expect = ts("2030-01-16T08:01:58Z")
        self.assertTrue(0 <= (nb - expect).total_seconds() < 2, nb)   # exactly 118 s, never clamped
        self.remind("2030-01-16T08:01:00Z")
        self.assertEqual(len(self.sends(uid)), 1, "sent during Telegram's wait")
        self.remind("2030-01-16T08:02:00Z")
        self.assertEqual([c["status"] for c in self.sends(uid)], [429, 200])
        self.assertEqual(self.status(qid), "sent")

    def test_403_marks_the_user_inactive_and_stops_writing(self):
        uid = self.user()
        a = self.queue(uid, "2030-01-17T08:00:00Z")
        b = self.queue(uid, "2030-01-17T09:00:00Z")
        self.stack.standin.fail("sendMessage", 403, 1)
        self.remind("2030-01-17T08:00:00Z")
        self.assertEqual(self.stack.sql("SELECT active FROM core.users WHERE user_id = %s", uid), [(False,)])
        self.assertEqual((self.status(a), self.status(b)), ("cancelled", "cancelled"))
        c = self.queue(uid, "2030-01-17T09:30:00Z")      # scheduled later by an owner
        self.remind("2030-01-17T09:30:00Z")
        self.assertEqual(len(self.sends(uid)), 1, "wrote again to a chat that answered 403")
        self.assertEqual(self.status(c), "cancelled")

    def test_500_leaves_the_reminder_for_the_next_run(self):
        uid = self.user()
        qid = self.queue(uid, "2030-01-18T08:00:00Z")
        self.stack.standin.fail("sendMessage", 500, 1)
        self.remind("2030-01-18T08:00:00Z")
        self.assertEqual(self.stack.sql("SELECT status, attempts FROM reminders.queue WHERE id = %s", qid),
                         [("pending", 1)])
        self.assertEqual(len(self.sends(uid)), 1, "retried within the same run")
        self.remind("2030-01-18T08:01:00Z")
        self.assertEqual([c["status"] for c in self.sends(uid)], [500, 200])
        self.assertEqual(self.status(qid), "sent")

    # --- snooze ---
    def test_snooze_adds_one_occurrence_for_the_presser_only(self):
        uid = self.user()
        ref = next(_refs)
        qid = self.queue(uid, "2030-01-19T08:00:00Z", "2030-01-19T08:30:00Z", kind="class", ref=ref)
        self.remind("2030-01-19T08:00:00Z")
        ana = S.Chat(self.stack, uid, lang="es")
        before = time.time()
        r = ana.press("r:snooze:%d:15" % qid)
        answers = [x for x in r if x["method"] == "answerCallbackQuery"]
        self.assertEqual(len(answers), 1)
        self.assertIn("recordar", answers[0]["params"].get("text", ""))
        rows = self.stack.sql("SELECT kind, extract(epoch FROM due_at), extract(epoch FROM expires_at - due_at)"
                              " FROM reminders.queue WHERE ref_id = %s AND status = 'pending'", ref)
        self.assertEqual(len(rows), 1)
        kind, due, grace = rows[0]
        self.assertEqual(kind, "class")
        self.assertTrue(before + 14 * 60 - 60 <= float(due) <= time.time() + 15 * 60, due)
        self.assertGreaterEqual(float(grace), 1800)
        self.assertEqual(self.status(qid), "sent", "the original occurrence is left as it was")
        # Someone else pressing a forged button: refused politely, nothing added.
        eve = S.Chat(self.stack, self.user(), lang="es")
        r = eve.press("r:snooze:%d:60" % qid)
        self.assertEqual([x["method"] for x in r], ["answerCallbackQuery"])
        self.assertIn("no es tuyo", r[0]["params"].get("text", ""))
        self.assertEqual(self.stack.sql("SELECT count(*) FROM reminders.queue WHERE ref_id = %s", ref), [(2,)])
        # Garbage data is answered too.
        r = ana.press("r:snooze:%d:7" % qid)
        self.assertEqual([x["method"] for x in r], ["answerCallbackQuery"])

    def test_snooze_tomorrow_keeps_the_wall_clock(self):
        uid = self.user(tz="Europe/Madrid")
        ref = next(_refs)
        qid = self.queue(uid, "2030-01-20T08:00:00Z", ref=ref)
        ana = S.Chat(self.stack, uid, lang="en")
        ana.press("r:snooze:%d:1440" % qid)
        rows = self.stack.sql(
            "SELECT (due_at AT TIME ZONE 'Europe/Madrid')::time = date_trunc('minute', now() AT TIME ZONE"
            " 'Europe/Madrid')::time, (due_at AT TIME ZONE 'Europe/Madrid')::date"
            " - (now() AT TIME ZONE 'Europe/Madrid')::date"
            " FROM reminders.queue WHERE ref_id = %s AND id <> %s", ref, qid)
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][1], 1)

    # --- the morning digest ---
    def test_digest_at_the_local_hour_across_dst(self):
        uid = next(_users)
        ana = S.Chat(self.stack, uid, lang="es")
        r = ana.say("resumen diario a las 8")
        self.assertTrue(r and "08:00" in r[0]["text"], r)
        self.assertEqual(self.stack.sql("SELECT at_time::text, enabled FROM reminders.digest WHERE user_id = %s", uid),
                         [("08:00:00", True)])
        # Europe/Madrid: CET (UTC+1) on 30 March 2030, CEST (UTC+2) from 31 March 2030 02:00.
        for day, utc in (("2030-03-30", "07:00"), ("2030-03-31", "06:00"), ("2030-10-26", "06:00"),
                         ("2030-10-27", "07:00")):
            at = ts("%sT%s:00Z" % (day, utc))
            n = len(self.sends(uid))
            self.remind(iso(at - datetime.timedelta(minutes=1)))
            self.assertEqual(len(self.sends(uid)), n, "digest before 08:00 local on %s" % day)
            self.remind(iso(at))
            got = self.sends(uid)
            self.assertEqual(len(got), n + 1, "no digest at 08:00 local (%s UTC) on %s" % (utc, day))
            self.assertIn("%s/%s" % (day[8:10], day[5:7]), got[-1]["params"]["text"])
            self.remind(iso(at + datetime.timedelta(minutes=1)))
            self.assertEqual(len(self.sends(uid)), n + 1, "digest twice on %s" % day)

    def test_digest_is_the_day_of_every_module(self):
        uid = next(_users)
        ana = S.Chat(self.stack, uid, lang="es")
        ana.say("Clase de Redes los lunes de 10:30 a 12:30 en el aula 2.1")
        ana.say("Entregar hito 1 de CC para el 05/03/2030")
        ana.say("Hacer resumen de Redes para el 04/03/2030 a las 18:00")
        ana.say("resumen diario a las 7:45")
        # Monday 4 March 2030, 07:45 in Madrid (CET) = 06:45 UTC.
        self.remind("2030-03-04T06:45:00Z")
        got = [c for c in self.sends(uid) if "04/03" in c["params"]["text"]]
        self.assertEqual(len(got), 1, [c["params"]["text"] for c in self.sends(uid)])
        text = got[0]["params"]["text"]
        self.assertIn("Redes</b> · aula 2.1", text)          # today's class (academic)
        self.assertIn("Hacer resumen de Redes", text)        # today's deadline (tasks)
        self.assertIn("Entregar hito 1 de CC", text)         # tomorrow's deadline
        self.assertLess(text.index("Hacer resumen"), text.index("Entregar hito"), "today before tomorrow")
        self.assertEqual(len(S.buttons(got[0]["params"]["reply_markup"])), 3)
        self.remind("2030-03-04T06:46:00Z")
        self.assertEqual(len([c for c in self.sends(uid) if "04/03" in c["params"]["text"]]), 1)

    def test_digest_off(self):
        uid = next(_users)
        ana = S.Chat(self.stack, uid, lang="en")
        ana.say("/digest 7:30")
        self.assertEqual(self.stack.sql("SELECT at_time::text FROM reminders.digest WHERE user_id = %s", uid),
                         [("07:30:00",)])
        self.remind("2030-01-21T06:20:00Z")     # builds the 07:30 (06:30 UTC) digest ahead of time
        self.assertEqual(self.sends(uid), [])
        r = ana.say("/digest off")
        self.assertTrue(r and r[0]["text"])
        self.assertEqual(self.stack.sql("SELECT enabled FROM reminders.digest WHERE user_id = %s", uid), [(False,)])
        self.remind("2030-01-21T06:30:00Z")
        self.assertEqual(self.sends(uid), [], "a digest built before it was turned off still went out")
