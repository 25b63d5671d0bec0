# test_academic.py: classes, timetable, agenda, term, warnings, .ics import and the calendar feed (issue 4).
# See LICENSE.
#
# Real updates through nginx and the FastCGI program; assertions on academic.*, reminders.queue and the
# Bot API stand-in's calls. The bot runs on the real clock, so days are computed from today in
# Europe/Madrid (the users' zone). Users 4xxxxx.
import base64
import datetime as dt
import html
import os
import re
import unittest
from zoneinfo import ZoneInfo

import stack as S

MAD = ZoneInfo("Europe/Madrid")
UTC = dt.timezone.utc
HERE = os.path.dirname(os.path.abspath(__file__))
ICS = os.path.join(os.path.dirname(HERE), "data", "timetable.ics")
ES_DAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábados", "domingos"]
EN_DAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]


def today():
    return dt.datetime.now(MAD).date()


def ddmm(d):
    return "%02d/%02d" % (d.day, d.month)


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


def file_bytes(f):
    return f["bytes"] if "bytes" in f else base64.b64decode(f["data_b64"])


class Academic(S.StackTestCase):
    def classes(self, uid):
        return self.stack.sql(
            "SELECT s.code, c.weekday, to_char(c.start_time, 'HH24:MI'), to_char(c.end_time, 'HH24:MI'),"
            " coalesce(c.room, ''), c.every_weeks FROM academic.classes c"
            " JOIN academic.subjects s ON s.id = c.subject_id WHERE c.user_id = %s"
            " ORDER BY c.weekday, c.start_time, s.code", uid)

    def one(self, replies, method="sendMessage"):
        got = [r for r in replies if r["method"] == method]
        self.assertTrue(got, "no %s among %r" % (method, [(r["method"], r["text"]) for r in replies]))
        return got[0]

    def data(self, replies, prefix):
        for r in replies:
            for _, d in S.buttons(r):
                if d and d.startswith(prefix):
                    return d
        self.fail("no button %s* in %r" % (prefix, replies))

    def answered(self, replies):
        return [r for r in replies if r["method"] == "answerCallbackQuery"]

    # --- adding ---
    PHRASES = [
        ("es", "Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6", [("CC", 1, "10:30", "12:30", "1.6", 1)]),
        ("es", "CC lunes 10:30-12:30 aula 1.6", [("CC", 1, "10:30", "12:30", "1.6", 1)]),
        ("es", "Clase de Álgebra los martes y jueves de 9 a 11 en el aula 0.3",
         [("Álgebra", 2, "09:00", "11:00", "0.3", 1), ("Álgebra", 4, "09:00", "11:00", "0.3", 1)]),
        ("es", "Estadística los jueves de 12:00 a 14:00 en el aula 3.1",
         [("Estadística", 4, "12:00", "14:00", "3.1", 1)]),
        ("es", "Sistemas Operativos el miércoles de 8:30 a 10:30",
         [("Sistemas Operativos", 3, "08:30", "10:30", "", 1)]),
        ("es", "Tengo clase de Redes los viernes de 15 a 17 en el aula 2.2", [("Redes", 5, "15:00", "17:00", "2.2", 1)]),
        ("es", "clase de Inglés el sábado de 10 a 12 en el aula 1.1", [("Inglés", 6, "10:00", "12:00", "1.1", 1)]),
        ("es", "Redes cada dos semanas los viernes de 12 a 14 en el aula 2.2",
         [("Redes", 5, "12:00", "14:00", "2.2", 2)]),
        ("es", "los martes y jueves de 9 a 11 Álgebra en el 0.3",
         [("Álgebra", 2, "09:00", "11:00", "0.3", 1), ("Álgebra", 4, "09:00", "11:00", "0.3", 1)]),
        ("es", "CC cada dos semanas los viernes de 10 a 12", [("CC", 5, "10:00", "12:00", "", 2)]),
        ("en", "Databases on Tuesdays from 9 to 11 in room 0.3", [("Databases", 2, "09:00", "11:00", "0.3", 1)]),
        ("en", "Class of AI on Mondays and Wednesdays 1-3pm in room 2.1",
         [("AI", 1, "13:00", "15:00", "2.1", 1), ("AI", 3, "13:00", "15:00", "2.1", 1)]),
        ("en", "Statistics every Thursday 10:00-12:00 room 1.1", [("Statistics", 4, "10:00", "12:00", "1.1", 1)]),
        ("en", "Physics class on Monday at 12 for 2 hours in room 3.3", [("Physics", 1, "12:00", "14:00", "3.3", 1)]),
        ("en", "CC every other week on Fridays from 12 to 14", [("CC", 5, "12:00", "14:00", "", 2)]),
    ]

    def test_add_phrasings(self):
        for i, (lang, text, want) in enumerate(self.PHRASES):
            uid = 400100 + i
            with self.subTest(text=text):
                r = self.one(S.Chat(self.stack, uid, lang=lang).say(text))
                self.assertIn("Clase añadida" if lang == "es" else "Class added", r["text"])
                self.assertIn("<b>%s</b>" % html.escape(want[0][0]), r["text"])
                # The first class says that warnings are on, and how long before.
                self.assertIn("30 minutos" if lang == "es" else "30 minutes", r["text"])
                self.assertEqual(self.classes(uid), want)
                self.assertEqual(self.stack.sql("SELECT warn_on, warn_minutes FROM academic.settings"
                                                " WHERE user_id = %s", uid), [(True, 30)])

    def test_subject_code_and_full_name(self):
        ana = S.Chat(self.stack, 400218)
        ana.say("Clase de Cloud Computing (CC) los lunes de 10:30 a 12:30 en el aula 1.6")
        self.assertEqual(self.stack.sql("SELECT code, name FROM academic.subjects WHERE user_id = %s", 400218),
                         [("CC", "Cloud Computing")])
        ana.say("Cloud Computing los miércoles de 9 a 11 en el aula 1.6")	# by its full name
        ana.say("CC los viernes de 9 a 11 en el aula 1.6")			# by its code
        self.assertEqual(self.stack.sql("SELECT count(*) FROM academic.subjects WHERE user_id = %s", 400218), [(1,)])
        self.assertEqual([c[0] for c in self.classes(400218)], ["CC", "CC", "CC"])
        r = self.one(ana.say("borra la clase de Cloud Computing"))		# three of them: which one?
        self.assertEqual(len([d for _, d in S.buttons(r) if d.startswith("ac:d:")]), 3)
        self.assertEqual(len(self.classes(400218)), 3)

    def test_theory_or_lab(self):
        ana = S.Chat(self.stack, 400219)
        r = self.one(ana.say("CC teoría los lunes de 9 a 10 en el aula 1.6"))
        self.assertIn("teoría", r["text"])
        r = self.one(ana.say("Prácticas de Redes los martes de 15 a 17 en el laboratorio 2.2"))
        self.assertIn("prácticas", r["text"])
        self.assertEqual(self.stack.sql("SELECT c.kind FROM academic.classes c WHERE c.user_id = %s"
                                        " ORDER BY c.weekday", 400219), [("theory",), ("lab",)])
        self.assertIn("aula 1.6, teoría", self.one(ana.say("/clases"))["text"])

    def test_incomplete_and_overlap_and_duplicate(self):
        ana = S.Chat(self.stack, 400200)
        r = self.one(ana.say("Clase de CC los lunes a las 10:30"))		# no end: asks for it
        self.assertIn("¿Hasta qué hora?", r["text"])
        r = self.one(ana.say("Clase de CC los lunes de 12:30 a 10:30"))	# ends before it starts
        self.assertIn("¿Hasta qué hora?", r["text"])
        self.assertEqual(self.classes(400200), [])
        r = self.one(ana.say("Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6"))
        r = self.one(ana.say("SO lunes 11:30-13:30 aula 3.2"))
        self.assertIn("Se solapa con <b>CC</b>", r["text"])
        self.assertNotIn("30 minutos antes", r["text"])		# said with the first class only
        r = self.one(ana.say("CC lunes 10:30-12:30 aula 1.6"))
        self.assertIn("Ya tenías esa clase", r["text"])
        self.assertEqual(len(self.classes(400200)), 2)

    # --- buttons ---
    def test_undo_change_and_list_buttons(self):
        ana = S.Chat(self.stack, 400201)
        r = self.one(ana.say("Clase de Álgebra los martes y jueves de 9 a 11 en el aula 0.3"))
        undo = self.data([r], "ac:u:")
        self.data([r], "ac:c:")
        self.data([r], "ac:l")
        self.assertEqual(len(self.classes(400201)), 2)
        rs = ana.press(undo)
        self.assertEqual(len(self.answered(rs)), 1)
        self.assertIn("Deshecho", self.one(rs, "editMessageText")["text"])
        self.assertEqual(self.classes(400201), [])
        self.assertEqual(self.stack.sql("SELECT count(*) FROM academic.subjects WHERE user_id = %s", 400201), [(0,)])
        # Pressed again: nothing left to undo, still answered.
        rs = ana.press(undo)
        self.assertEqual(len(self.answered(rs)), 1)
        self.assertEqual([r for r in rs if r["method"] == "editMessageText"], [])
        # Change: removes it and asks for the corrected class.
        r = self.one(ana.say("Clase de Álgebra los martes de 9 a 11 en el aula 0.3"))
        rs = ana.press(self.data([r], "ac:c:"))
        self.assertIn("Escríbela de nuevo", self.one(rs, "editMessageText")["text"])
        self.assertEqual(self.classes(400201), [])
        self.one(ana.say("Clase de Álgebra los martes de 10 a 12 en el aula 0.4"))
        rs = ana.press("ac:l")
        self.assertEqual(len(self.answered(rs)), 1)
        self.assertIn("10:00–12:00", self.one(rs)["text"])

    def test_list_and_delete(self):
        ana = S.Chat(self.stack, 400202)
        self.assertIn("Aún no tienes clases", self.one(ana.say("/clases"))["text"])
        ana.say("Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6")
        ana.say("Física el viernes de 16 a 18 en el aula 2.4")
        ana.say("Estadística los jueves de 12:00 a 14:00 en el aula 3.1")
        r = self.one(ana.say("/clases"))
        self.assertRegex(r["text"], r"1\. <b>CC</b>, lunes, 10:30–12:30, aula 1\.6")
        self.assertRegex(r["text"], r"2\. <b>Estadística</b>")
        self.assertRegex(r["text"], r"3\. <b>Física</b>")
        cc_id = self.stack.sql("SELECT c.id FROM academic.classes c JOIN academic.subjects s ON s.id = c.subject_id"
                               " WHERE c.user_id = %s AND s.code = 'CC'", 400202)[0][0]
        self.assertIn("ac:d:%d" % cc_id, [d for _, d in S.buttons(r)])
        rs = ana.press("ac:d:%d" % cc_id)
        self.assertEqual(self.answered(rs)[0]["params"].get("text"), "Borrada")
        edited = self.one(rs, "editMessageText")["text"]
        self.assertNotIn("CC", edited)
        self.assertIn("Física", edited)
        self.assertEqual([c[0] for c in self.classes(400202)], ["Estadística", "Física"])
        # Change from the list: that class goes, and the bot asks for the corrected one.
        r = self.one(ana.say("/clases"))
        fis = self.stack.sql("SELECT c.id FROM academic.classes c JOIN academic.subjects s ON s.id = c.subject_id"
                             " WHERE c.user_id = %s AND s.code = 'Física'", 400202)[0][0]
        self.assertIn("ac:e:%d" % fis, [d for _, d in S.buttons(r)])
        rs = ana.press("ac:e:%d" % fis)
        self.assertIn("Escríbela de nuevo", self.one(rs, "editMessageText")["text"])
        self.one(ana.say("Física el viernes de 17 a 19 en el aula 2.4"))
        self.assertEqual(self.classes(400202)[-1], ("Física", 5, "17:00", "19:00", "2.4", 1))
        r = self.one(ana.say("borra la clase 1"))			# by its number in /clases
        self.assertIn("Clase borrada", r["text"])
        self.assertIn("Estadística", r["text"])
        r = self.one(ana.say("borra la clase de Física"))		# by its subject
        self.assertIn("Clase borrada", r["text"])
        self.assertEqual(self.classes(400202), [])
        en = S.Chat(self.stack, 400213, lang="en")
        en.say("Databases on Tuesdays from 9 to 11 in room 0.3")
        r = self.one(en.say("list my classes"))
        self.assertIn("Your classes", r["text"])
        self.assertIn("room 0.3", r["text"])

    def test_forged_callback_data_refused(self):
        ana, ben = S.Chat(self.stack, 400203), S.Chat(self.stack, 400204, lang="en")
        ana.say("Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6")
        cid, batch = self.stack.sql("SELECT id, batch_id FROM academic.classes WHERE user_id = %s", 400203)[0]
        before = self.classes(400203)
        for data in ("ac:d:%d" % cid, "ac:e:%d" % cid, "ac:u:%d" % batch, "ac:c:%d" % batch, "ac:d:abc", "ac:d:",
                     "ac:u:-1", "ac:e",
                     "ac:d:%d0" % cid, "ac:zz", "ac:", "ac:d:99999999999999999999999"):
            with self.subTest(data=data):
                rs = ben.press(data)
                self.assertEqual(len(self.answered(rs)), 1, rs)
                self.assertEqual([r for r in rs if r["method"] == "editMessageText"], [])
        self.assertEqual(self.classes(400203), before)
        self.assertIn("no classes yet", self.one(ben.say("/clases"))["text"])
        self.assertIn("no classes yet", self.one(ben.say("/horario"))["text"])	# no picture of Ana's week

    # --- term, days off, agenda ---
    def test_term_and_day_off(self):
        ana = S.Chat(self.stack, 400205)
        d = today() + dt.timedelta(days=10)
        ana.say("Clase de CC los %s de 10:30 a 12:30 en el aula 1.6" % ES_DAYS[d.weekday()])
        r = self.one(ana.say("el %s no hay clase" % ddmm(d)))
        self.assertIn("no hay clase", r["text"])
        self.assertEqual(self.stack.sql("SELECT day FROM academic.days_off WHERE user_id = %s", 400205), [(d,)])
        r = self.one(ana.say("qué tengo el %s" % ddmm(d)))
        self.assertIn("Ese día no hay clase", r["text"])
        self.assertNotIn("CC", r["text"])
        week_after = d + dt.timedelta(days=7)
        r = self.one(ana.say("qué tengo el %s" % ddmm(week_after)))
        self.assertIn("10:30–12:30 <b>CC</b> · aula 1.6", r["text"])
        # The term ends before that: no class then.
        end = d + dt.timedelta(days=3)
        r = self.one(ana.say("el cuatrimestre acaba el %s" % ddmm(end)))
        self.assertIn("Cuatrimestre", r["text"])
        self.assertEqual(self.stack.sql("SELECT starts_on, ends_on FROM academic.terms WHERE user_id = %s", 400205),
                         [(None, end)])
        r = self.one(ana.say("qué tengo el %s" % ddmm(week_after)))
        self.assertNotIn("CC", r["text"])
        self.assertIn("nada a la vista", r["text"])

    def test_term_both_ends(self):
        ana = S.Chat(self.stack, 400214)
        r = self.one(ana.say("el cuatrimestre empieza el 14/09 y acaba el 22/01"))
        start, end = self.stack.sql("SELECT starts_on, ends_on FROM academic.terms WHERE user_id = %s", 400214)[0]
        self.assertEqual((start.month, start.day, end.month, end.day), (9, 14, 1, 22))
        self.assertTrue(start < end <= start + dt.timedelta(days=366), (start, end))
        self.assertIn("Cuatrimestre", r["text"])

    def test_agenda_in_order(self):
        t = today() + dt.timedelta(days=1)
        ana = S.Chat(self.stack, 400206)
        ana.say("Física los %s de 16 a 18 en el aula 2.4" % ES_DAYS[t.weekday()])
        ana.say("Clase de CC los %s de 10:30 a 12:30 en el aula 1.6" % ES_DAYS[t.weekday()])
        r = self.one(ana.say("¿qué tengo mañana?"))
        text = r["text"]
        self.assertIn("Clases", text)
        self.assertIn("10:30–12:30 <b>CC</b> · aula 1.6", text)
        self.assertIn("16:00–18:00 <b>Física</b> · aula 2.4", text)
        self.assertLess(text.index("CC"), text.index("Física"))
        ben = S.Chat(self.stack, 400207, lang="en")
        ben.say("CC on %s from 10:30 to 12:30 in room 1.6" % EN_DAYS[t.weekday()])
        r = self.one(ben.say("what do I have tomorrow"))
        self.assertIn("10:30–12:30 <b>CC</b> · room 1.6", r["text"])
        # Another day: nothing.
        r = self.one(ben.say("what do I have on %s" % (t + dt.timedelta(days=1)).strftime("%m/%d")))
        self.assertIn("nothing on", r["text"])

    def test_agenda_for_a_week_or_up_to_a_day(self):
        """"¿qué tengo esta semana?" shows each day left of this week with something on, under its own
        heading; "la semana que viene" all of next week; "hasta el DD/MM" from today to that day."""
        t = today()
        ana = S.Chat(self.stack, 400220)
        ana.say("CC los lunes, martes, miércoles, jueves y viernes de 9 a 10 en el aula 1.6")
        heads = lambda text: re.findall(r"📅 <b>([^<]+)</b>", text)
        left = [t + dt.timedelta(days=i) for i in range(7 - t.weekday())]   # today .. Sunday
        text = self.one(ana.say("¿qué tengo esta semana?"))["text"]
        self.assertEqual(len(heads(text)), sum(1 for d in left if d.weekday() < 5), text)
        self.assertEqual(text.count("09:00–10:00 <b>CC</b>"), sum(1 for d in left if d.weekday() < 5))
        text = self.one(ana.say("¿qué tengo la semana que viene?"))["text"]
        monday = t + dt.timedelta(days=7 - t.weekday())
        self.assertEqual(heads(text)[0], "lunes %d/%d" % (monday.day, monday.month), text)
        self.assertEqual(len(heads(text)), 5, text)
        end = t + dt.timedelta(days=9)
        text = self.one(ana.say("¿qué tengo hasta el %s?" % ddmm(end)))["text"]
        days = [t + dt.timedelta(days=i) for i in range(10)]
        self.assertEqual(len(heads(text)), sum(1 for d in days if d.weekday() < 5), text)
        ben = S.Chat(self.stack, 400221, lang="en")
        r = self.one(ben.say("what's on next week?"))
        self.assertIn("nothing on", r["text"])
        self.assertIn("From Monday", r["text"])

    def test_agenda_and_feed_show_other_modules(self):
        """The agenda walks every day section and the feed every feed source: tasks appear without
        the academic module calling them."""
        d = today() + dt.timedelta(days=4)
        ana = S.Chat(self.stack, 400216)
        ana.say("Clase de CC los %s de 10:30 a 12:30 en el aula 1.6" % ES_DAYS[d.weekday()])
        ana.say("Entregar práctica de CC para el %s" % ddmm(d))
        self.assertEqual(self.stack.sql("SELECT count(*) FROM tasks.tasks WHERE user_id = %s", 400216), [(1,)])
        text = self.one(ana.say("qué tengo el %s" % ddmm(d)))["text"]
        self.assertIn("10:30–12:30 <b>CC</b>", text)
        self.assertIn("Entregar práctica de CC", text)
        self.assertLess(text.index("10:30–12:30"), text.index("Entregar práctica"))	# classes first
        token = re.search(r"/calendar/([0-9a-f]+)\.ics", self.one(ana.say("/calendario"))["text"]).group(1)
        status, _, body = self.stack.get("/calendar/%s.ics" % token)
        self.assertEqual(status, 200)
        text = re.sub(r"\r\n[ \t]", "", body.decode() if isinstance(body, bytes) else body)
        self.assertEqual(text.count("BEGIN:VEVENT"), 2)
        self.assertIn("SUMMARY:CC\r\n", text)
        self.assertIn("Entregar práctica de CC", text)

    # --- timetable ---
    def test_timetable_png(self):
        ana = S.Chat(self.stack, 400208)
        for text in ("Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6",
                     "Clase de Álgebra los martes y jueves de 9 a 11 en el aula 0.3",
                     "Redes cada dos semanas los viernes de 12 a 14 en el aula 2.2",
                     "Sistemas Operativos el miércoles de 8:30 a 10:30",
                     "clase de Inglés el sábado de 10 a 12 en el aula 1.1"):
            ana.say(text)
        rs = ana.say("/horario")
        photo = self.one(rs, "sendPhoto")
        png = file_bytes(photo["files"]["photo"])
        self.assertEqual(png[:8], b"\x89PNG\r\n\x1a\n")
        self.assertTrue(10_000 < len(png) < 1_000_000, len(png))
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        self.assertEqual(width, 1080)
        self.assertTrue(500 <= height <= 2500 and width + height <= 10000, (width, height))
        # The text version rides in the caption: every class with its room, for screen readers.
        cap = photo["text"]
        self.assertLessEqual(len(cap), 1024)
        for want in ("<b>Lunes</b>", "10:30–12:30 CC · 1.6", "09:00–11:00 Álgebra · 0.3", "<b>Sábado</b>",
                     "Redes · 2.2 (cada dos semanas)", "08:30–10:30 Sistemas Operativos\n"):
            self.assertIn(want, cap)
        # "horario" in words does the same.
        self.one(ana.say("muéstrame el horario"), "sendPhoto")

    # --- class warnings ---
    def remind_at(self, local):
        """Runs the reminder binary as if it were local Madrid wall clock "local"; returns its messages."""
        since = self.stack.standin.last_seq()
        at = local.replace(tzinfo=MAD).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        rc, out, err = self.stack.run_remind("--now", at)
        self.assertEqual(rc, 0, err)
        return [c for c in self.stack.standin.calls("sendMessage", since=since)]

    def test_warning_default_and_setting(self):
        t = today() + dt.timedelta(days=1)
        ana = S.Chat(self.stack, 400209)
        ana.say("Clase de CC los %s de 10:30 a 12:30 en el aula 1.6" % ES_DAYS[t.weekday()])
        sent = self.remind_at(dt.datetime.combine(t, dt.time(10, 0)))
        mine = [c for c in sent if int(c["params"]["chat_id"]) == 400209]
        self.assertEqual([c["params"]["text"] for c in mine], ["Tienes clase de CC en el aula 1.6 en 30 minutos"])
        r = self.one(ana.say("avísame 15 minutos antes de clase"))
        self.assertIn("15 minutos", r["text"])
        self.assertEqual(self.stack.sql("SELECT warn_on, warn_minutes FROM academic.settings WHERE user_id = %s",
                                        400209), [(True, 15)])
        t2 = t + dt.timedelta(days=7)
        self.assertEqual([c for c in self.remind_at(dt.datetime.combine(t2, dt.time(10, 0)))
                          if int(c["params"]["chat_id"]) == 400209], [])
        mine = [c for c in self.remind_at(dt.datetime.combine(t2, dt.time(10, 15)))
                if int(c["params"]["chat_id"]) == 400209]
        self.assertEqual([c["params"]["text"] for c in mine], ["Tienes clase de CC en el aula 1.6 en 15 minutos"])
        r = self.one(ana.say("no me avises de las clases"))
        self.assertIn("no te avisaré", r["text"])
        self.assertEqual(self.stack.sql("SELECT warn_on FROM academic.settings WHERE user_id = %s", 400209), [(False,)])
        t3 = t + dt.timedelta(days=14)
        self.assertEqual([c for c in self.remind_at(dt.datetime.combine(t3, dt.time(10, 15)))
                          if int(c["params"]["chat_id"]) == 400209], [])

    def test_warnings_off_before_first_class(self):
        ana = S.Chat(self.stack, 400220)
        self.one(ana.say("no me avises de las clases"))
        r = self.one(ana.say("Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6"))
        self.assertNotIn("Te avisaré", r["text"])
        self.assertEqual(self.stack.sql("SELECT warn_on FROM academic.settings WHERE user_id = %s", 400220),
                         [(False,)])

    def test_warning_english(self):
        t = today() + dt.timedelta(days=2)
        ben = S.Chat(self.stack, 400210, lang="en")
        ben.say("CC on %s from 10:30 to 12:30 in room 1.6" % EN_DAYS[t.weekday()])
        r = self.one(ben.say("warn me 1 hour before class"))
        self.assertIn("60 minutes", r["text"])
        mine = [c for c in self.remind_at(dt.datetime.combine(t, dt.time(9, 30)))
                if int(c["params"]["chat_id"]) == 400210]
        self.assertEqual([c["params"]["text"] for c in mine], ["You have CC in room 1.6 in 1 hour"])

    # --- .ics import ---
    def test_ics_import_and_undo(self):
        ana = S.Chat(self.stack, 400211)
        with open(ICS, "rb") as f:
            data = f.read()
        rs = ana.send_document("horario.ics", data, "text/calendar")
        r = self.one(rs)
        self.assertIn("He importado 5 clases:", r["text"])
        self.assertIn("<b>Redes</b>, miércoles, 15:00–17:00, aula Lab 2 (cada dos semanas)", r["text"])
        self.assertIn("1 eventos que no son clases semanales", r["text"])
        self.assertEqual(len(self.stack.standin.calls("getFile")), 1)
        self.assertEqual(self.classes(400211), [
            ("CC", 1, "10:30", "12:30", "1.6", 1), ("Álgebra", 2, "09:00", "11:00", "0.3", 1),
            ("Redes", 3, "15:00", "17:00", "Lab 2", 2), ("Álgebra", 4, "09:00", "11:00", "0.3", 1),
            ("Estadística", 5, "12:00", "14:00", "2.1", 1)])
        # Importing the same file again adds nothing.
        r = self.one(ana.send_document("horario.ics", data, "text/calendar"))
        self.assertIn("Ya tenías", r["text"])
        rs = ana.press(self.data([self.one(rs)], "ac:u:"))
        self.assertEqual(len(self.answered(rs)), 1)
        self.assertEqual(self.classes(400211), [])

    def test_ics_many_classes_stay_within_telegram_limits(self):
        ev = []
        for i in range(120):
            day = dt.date(2026, 9, 14) + dt.timedelta(days=i % 6)
            h = 8 + (i // 6) % 12
            ev.append("BEGIN:VEVENT\r\nUID:%d@x\r\nDTSTAMP:20260901T080000Z\r\n"
                      "DTSTART;TZID=Europe/Madrid:%sT%02d0000\r\nDTEND;TZID=Europe/Madrid:%sT%02d5000\r\n"
                      "RRULE:FREQ=WEEKLY\r\nSUMMARY:Asignatura con un nombre largo número %d\r\n"
                      "LOCATION:Edificio principal\\, aula %d\r\nEND:VEVENT\r\n"
                      % (i, day.strftime("%Y%m%d"), h, day.strftime("%Y%m%d"), h, i, i))
        ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//ES\r\n" + "".join(ev) + "END:VCALENDAR\r\n"
        ana = S.Chat(self.stack, 400217)
        r = self.one(ana.send_document("grande.ics", ics, "text/calendar"))
        self.assertIn("He importado 120 clases:", r["text"])
        self.assertLess(len(r["text"]), 4096)
        self.assertEqual(len(self.classes(400217)), 120)
        self.assertIn("Edificio principal, aula 7", [c[4] for c in self.classes(400217)])
        r = self.one(ana.say("/clases"))
        self.assertLess(len(r["text"]), 4096)
        self.assertLessEqual(len(S.buttons(r)), 100)
        rs = ana.say("/horario")
        photo = self.one(rs, "sendPhoto")
        self.assertLessEqual(len(photo["text"]), 1024)
        self.assertTrue(all(len(x["text"] or "") < 4096 for x in rs))
        self.assertEqual(file_bytes(photo["files"]["photo"])[:4], b"\x89PNG")

    def test_ics_refused(self):
        ana = S.Chat(self.stack, 400215)
        r = self.one(ana.send_document("notas.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "application/pdf"))
        self.assertIn("no es un calendario", r["text"])
        self.stack.standin.reset()
        big = b"BEGIN:VCALENDAR\r\n" + b"X-PAD:" + b"x" * (1024 * 1024) + b"\r\nEND:VCALENDAR\r\n"
        r = self.one(ana.send_document("grande.ics", big, "text/calendar"))
        self.assertIn("demasiado grande", r["text"])
        self.assertIn("1 MiB", r["text"])
        self.assertEqual(self.stack.standin.calls("getFile"), [])
        self.assertEqual(self.classes(400215), [])

    # --- the private calendar feed ---
    def test_calendar_feed(self):
        ana = S.Chat(self.stack, 400212)
        ana.say("Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6")
        ana.say("Sistemas Operativos el miércoles de 8:30 a 10:30")
        r = self.one(ana.say("/calendario"))
        m = re.search(r"/calendar/([0-9a-f]+)\.ics", r["text"])
        self.assertIsNotNone(m, r["text"])
        token = m.group(1)
        self.assertGreaterEqual(len(token) * 4, 128)
        self.assertEqual(self.stack.sql("SELECT feed_token FROM academic.settings WHERE user_id = %s", 400212),
                         [(token,)])
        # Asking again gives the same link.
        self.assertIn(token, self.one(ana.say("/calendario"))["text"])
        status, headers, body = self.stack.get("/calendar/%s.ics" % token)
        self.assertEqual(status, 200)
        ctype = {k.lower(): v for k, v in dict(headers).items()}.get("content-type", "")
        self.assertTrue(ctype.startswith("text/calendar"), ctype)
        text = body.decode() if isinstance(body, bytes) else body
        unfolded = re.sub(r"\r\n[ \t]", "", text)
        self.assertTrue(unfolded.startswith("BEGIN:VCALENDAR\r\n") and unfolded.endswith("END:VCALENDAR\r\n"))
        self.assertEqual(unfolded.count("BEGIN:VEVENT"), 2)
        self.assertIn("SUMMARY:CC\r\n", unfolded)
        self.assertIn("LOCATION:1.6\r\n", unfolded)
        self.assertIn("SUMMARY:Sistemas Operativos\r\n", unfolded)
        self.assertRegex(unfolded, r"DTSTART;TZID=Europe/Madrid:\d{8}T103000\r\n")
        self.assertIn("RRULE:FREQ=WEEKLY", unfolded)
        self.assertIn("TZID:Europe/Madrid\r\n", unfolded)
        # Wrong tokens: 404.
        for bad in ("0" * 40, token[:-1] + ("0" if token[-1] != "0" else "1"), "abc"):
            self.assertEqual(self.stack.get("/calendar/%s.ics" % bad)[0], 404, bad)
        # "/calendario nuevo" replaces it: the old link stops working.
        r = self.one(ana.say("/calendario nuevo"))
        new = re.search(r"/calendar/([0-9a-f]+)\.ics", r["text"]).group(1)
        self.assertNotEqual(new, token)
        self.assertEqual(self.stack.get("/calendar/%s.ics" % token)[0], 404)
        self.assertEqual(self.stack.get("/calendar/%s.ics" % new)[0], 200)


if __name__ == "__main__":
    unittest.main()
