# test_tasks.py: tasks through the whole stack (issue 5). See LICENSE.
#
# Real updates through nginx and the FastCGI program; assertions on tasks.*,
# reminders.queue and the Bot API stand-in's calls. The bot runs on the real
# clock, so dates are computed from today in Europe/Madrid (the users' zone).
# Users 5xxxxx.
import datetime as dt
import html.parser
import json
import re
import unittest
from zoneinfo import ZoneInfo

import stack as S

MAD = ZoneInfo("Europe/Madrid")
UTC = dt.timezone.utc
ES_WD = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"]
ES_MON = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"]
EN_WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EN_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

NOW = dt.datetime.now(MAD)
TODAY = NOW.date()


def days(n):
    return TODAY + dt.timedelta(days=n)


def next_weekday(wd):
    """The next such weekday after today (0 = Monday), as the contract reads "el jueves"."""
    d = (wd - TODAY.weekday()) % 7
    return days(d or 7)


def next_date(month, day):
    """The next month/day on or after today."""
    d = dt.date(TODAY.year, month, day)
    return d if d >= TODAY else dt.date(TODAY.year + 1, month, day)


def next_day_of_month(day):
    d = TODAY
    while d.day != day:
        d += dt.timedelta(days=1)
    return d


def end_of_month():
    d = TODAY
    while (d + dt.timedelta(days=1)).month == d.month:
        d += dt.timedelta(days=1)
    return d


def fmt(lang, d, hm=None):
    """The date as the bot writes it: "vie 4 dic 2026" / "Fri, Dec 4, 2026"."""
    if lang == "es":
        s = "%s %d %s %d" % (ES_WD[d.weekday()], d.day, ES_MON[d.month - 1], d.year)
        return s + (" a las %s" % hm if hm else "")
    s = "%s, %s %d, %d" % (EN_WD[d.weekday()], EN_MON[d.month - 1], d.day, d.year)
    return s + (" at %s" % hm if hm else "")


def local_instant(d, hm):
    h, m = map(int, hm.split(":"))
    return dt.datetime(d.year, d.month, d.day, h, m, tzinfo=MAD)


def utc_str(t):
    return t.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def day_before(t):
    """The same wall-clock time one local day earlier (a 1-day lead)."""
    d = t.date() - dt.timedelta(days=1)
    return dt.datetime(d.year, d.month, d.day, t.hour, t.minute, tzinfo=MAD)


# What the parser is expected to read (CONTRACT.md section 5) for every sentence these tests say.
# Add sentences: (lang, text, title words the stored title must hold, due date, due time or None).
IN3H = (NOW + dt.timedelta(hours=3)).replace(second=0, microsecond=0)
ADDS = [
    ("es", "Hacer hito 1 de CC para el 10/10/2100", "Hacer hito 1 de CC", dt.date(2100, 10, 10), None),
    ("es", "estudiar tema 4 de Bioestadística para el 9 de diciembre", "estudiar tema 4 de Bioestadística",
     next_date(12, 9), None),
    ("es", "la práctica 1 de Sistemas Operativos se entrega el jueves 18:00", "práctica 1",
     next_weekday(3), "18:00"),
    ("es", "hay q mandar el TFG mañana antes de las 14h", "TFG", days(1), "14:00"),
    ("es", "examen de Termodinámica el 8 de enero", "examen de Termodinámica", next_date(1, 8), None),
    ("es", "Proyecto 3 de PSI el 7", "Proyecto 3 de PSI", next_day_of_month(7), None),
    ("es", "entregar la memoria dentro de 5 días", "entregar la memoria", days(5), None),
    ("es", "Pagar matrícula 350€ antes del 15/12", "Pagar matrícula", next_date(12, 15), None),
    ("es", "repasar apuntes pasado mañana a las 9h", "repasar apuntes", days(2), "09:00"),
    ("es", "informe de prácticas el lunes a las 17:30", "informe de prácticas", next_weekday(0), "17:30"),
    ("en", "Linear Algebra homework due tuesday 9am", "Linear Algebra homework", next_weekday(1), "09:00"),
    ("en", "paper review in 5 days", "paper review", days(5), None),
    ("en", "History essay deadline 03/04", "History essay", next_date(3, 4), None),
    ("en", "Submit lab report by 12/15/2100 at 5pm", "Submit lab report", dt.date(2100, 12, 15), "17:00"),
    ("en", "finish the essay tomorrow at noon", "finish the essay", days(1), "12:00"),
    ("en", "read chapter 3 by next monday", "read chapter 3", next_weekday(0), None),
    ("en", "finish group project by the end of the month", "finish group project", end_of_month(), None),
]


def _add_parse(text, title, d, hm):
    r = {"intent": "task.add", "title": title, "due_date": d.isoformat()}
    if hm:
        r["due_time"] = hm
    return r


PARSES = {(lang, text): _add_parse(text, title, d, hm) for lang, text, title, d, hm in ADDS}
PARSES[("es", "la práctica 1 de Sistemas Operativos se entrega el jueves 18:00")]["title"] = \
    "la práctica 1 de Sistemas Operativos se entrega"
PARSES[("es", "hay q mandar el TFG mañana antes de las 14h")]["title"] = "hay q mandar el TFG"
for (lang, text), sub in {("es", "Hacer hito 1 de CC para el 10/10/2100"): "CC",
                          ("es", "estudiar tema 4 de Bioestadística para el 9 de diciembre"): "Bioestadística",
                          ("es", "examen de Termodinámica el 8 de enero"): "Termodinámica",
                          ("es", "Proyecto 3 de PSI el 7"): "PSI",
                          ("en", "Linear Algebra homework due tuesday 9am"): "Linear Algebra"}.items():
    PARSES[(lang, text)]["subject"] = sub

HTML_TITLE = 'Leer <b>cap. 2</b> & *negrita* _x_ `code` [a](b) <script>alert("x")</script> &amp;'


def parse(lang, text, **r):
    PARSES[(lang, text)] = r


parse("es", "Hacer hito 1 de CC para el 20/10/2100", intent="task.add", title="Hacer hito 1 de CC",
      due_date="2100-10-20", subject="CC")
parse("es", "Entrega CC pr1 para el 10/10/2100", intent="task.add", title="Entrega CC pr1",
      due_date="2100-10-10", subject="CC")
parse("es", "Lectura de historia para el 11/10/2100", intent="task.add", title="Lectura de historia",
      due_date="2100-10-11")
parse("es", "Hito 2 de CC para el 12/10/2100 a las 10:00", intent="task.add", title="Hito 2 de CC",
      due_date="2100-10-12", due_time="10:00", subject="CC")
parse("es", "Leer <b>cap. 2</b> & *negrita* _x_ `code` para el 10/10/2100", intent="task.add",
      title="Leer <b>cap. 2</b> & *negrita* _x_ `code`", due_date="2100-10-10")
parse("es", "entregar el acta el 01/02/2020", intent="task.add", title="entregar el acta", due_date="2020-02-01")
parse("es", "pagar la fianza el 02/02/2020", intent="task.add", title="pagar la fianza", due_date="2020-02-02")
parse("es", "entrega del TFM el 28/03/2027 a las 10:00", intent="task.add", title="entrega del TFM",
      due_date="2027-03-28", due_time="10:00")
parse("es", "entrega del TFG el 31/10/2027 a las 10:00", intent="task.add", title="entrega del TFG",
      due_date="2027-10-31", due_time="10:00")
parse("es", "entregar ejercicio dentro de 3 horas", intent="task.add", title="entregar ejercicio",
      due_date=IN3H.date().isoformat(), due_time=IN3H.strftime("%H:%M"))
parse("es", "tareas", intent="task.list")
parse("es", "qué me queda", intent="task.list")
parse("es", "tareas de CC", intent="task.list")
parse("en", "what's due this week", intent="task.list", until=(TODAY + dt.timedelta(days=6 - TODAY.weekday())).isoformat())
parse("es", "hecho 2", intent="task.done", ref="2")
parse("es", "he terminado la lectura de historia", intent="task.done", ref="lectura de historia")
parse("es", "ya terminé el hito 1", intent="task.done", ref="hito 1")
parse("en", "done 1", intent="task.done", ref="1")
parse("es", "cambia la 1 al 12/10/2100", intent="task.edit", ref="1", due_date="2100-10-12")
parse("es", "borra la 2", intent="task.delete", ref="2")
parse("es", "cambia la fecha al 20/10/2100", intent="task.edit", ref="fecha", due_date="2100-10-20")
parse("en", "move it to 10/25/2100", intent="task.edit", due_date="2100-10-25")
parse("es", "deshacer", intent="undo")
parse("es", "recuérdame las tareas 3 horas antes", intent="reminder.set", target="tasks", minutes=180)
parse("en", "remind me 3 hours before deadlines", intent="reminder.set", target="tasks", minutes=180)
parse("es", "avísame 3 días antes del hito 1", intent="reminder.set", target="tasks", minutes=4320, ref="hito 1")
parse("es", "no me recuerdes las tareas", intent="reminder.off", target="tasks")


class HTMLCheck(html.parser.HTMLParser):
    """Telegram's HTML: only its tags, balanced; collects the text as a user sees it."""
    ALLOWED = {"b", "i", "u", "s", "a", "code", "pre", "strong", "em", "tg-spoiler", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.bad = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.ALLOWED:
            self.bad.append(tag)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.bad.append("/" + tag)

    def handle_data(self, data):
        self.text.append(data)


def visible(htmltext):
    p = HTMLCheck()
    p.feed(htmltext)
    p.close()
    if p.bad or p.stack:
        raise AssertionError("broken Telegram HTML %r in %r" % (p.bad or p.stack, htmltext[:200]))
    return "".join(p.text)


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


class Tasks(S.StackTestCase):
    def chat(self, uid, lang="es"):
        return S.Chat(self.stack, uid, lang=lang)

    def messages(self, replies):
        """The messages in the order the user sees them: the method in the webhook response
        body runs after the Bot API calls made while handling (lib/bot/deliver.c)."""
        m = [r for r in replies if r["method"] == "sendMessage"]
        return [r for r in m if r["via"] != "body"] + [r for r in m if r["via"] == "body"]

    def text(self, replies):
        return "\n".join(r["text"] or "" for r in self.messages(replies))

    def rows(self, uid):
        return self.stack.sql(
            "SELECT id, title, to_char(due_at AT TIME ZONE 'Europe/Madrid', 'YYYY-MM-DD HH24:MI'),"
            " has_time, status, subject FROM tasks.tasks WHERE user_id = %s ORDER BY id", uid)

    def task(self, uid, tid):
        return self.stack.sql("SELECT status, to_char(due_at AT TIME ZONE 'Europe/Madrid', 'YYYY-MM-DD HH24:MI')"
                              " FROM tasks.tasks WHERE user_id = %s AND id = %s", uid, tid)[0]

    def reminders(self, uid, tid):
        return [r[0] for r in self.stack.sql(
            "SELECT to_char(due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM reminders.queue"
            " WHERE user_id = %s AND kind = 'task' AND ref_id = %s AND status = 'pending' ORDER BY due_at",
            uid, tid)]

    def button(self, replies, prefix):
        for r in replies:
            for _, data in S.buttons(r):
                if data and data.startswith(prefix):
                    return data
        self.fail("no %s button in %r" % (prefix, replies))

    def answered(self, replies):
        return [r for r in replies if r["method"] == "answerCallbackQuery"]

    def add(self, chat, text):
        r = chat.say(text)
        self.assertTrue(self.messages(r), text)
        return r, self.rows(chat.user_id)[-1]

    # --- adding ---
    def test_add_phrasings(self):
        chats = {"es": self.chat(500001, "es"), "en": self.chat(500002, "en")}
        for lang, text, words, d, hm in ADDS:
            with self.subTest(text=text):
                r, (tid, title, due, has_time, status, _) = self.add(chats[lang], text)
                self.assertIn(words.lower(), title.lower())
                self.assertNotIn(d.isoformat(), title)
                self.assertEqual(due, "%s %s" % (d.isoformat(), hm or "23:59"))
                self.assertEqual(has_time, hm is not None)
                self.assertEqual(status, "pending")
                shown = visible(self.text(r))
                self.assertIn(title, shown)
                self.assertIn(fmt(lang, d, hm), shown)
                datas = [b[1] for b in S.buttons(self.messages(r)[0])]
                for prefix in ("t:done:%d" % tid, "t:date:%d" % tid, "t:del:%d" % tid, "t:undo:"):
                    self.assertTrue(any(x.startswith(prefix) for x in datas), (prefix, datas))
        self.assertEqual(len(self.rows(500001)) + len(self.rows(500002)), len(ADDS))
        self.assertEqual(self.rows(500001)[0][5], "CC")

    def test_past_date_is_questioned(self):
        c = self.chat(500010)
        r, (tid, _, due, _, status, _) = self.add(c, "entregar el acta el 01/02/2020")
        self.assertEqual((status, due), ("draft", "2020-02-01 23:59"))
        self.assertIn(fmt("es", dt.date(2020, 2, 1)), self.text(r))
        self.assertEqual(self.button(r, "t:keep:"), "t:keep:%d" % tid)
        self.assertEqual(self.button(r, "t:drop:"), "t:drop:%d" % tid)
        self.assertIn("No tienes tareas", self.text(c.say("tareas")))   # a draft is not a task yet
        r = c.press("t:keep:%d" % tid)
        self.assertEqual(len(self.answered(r)), 1)
        self.assertEqual(self.task(500010, tid)[0], "pending")
        self.assertEqual(self.reminders(500010, tid), [])                # its lead times are all past
        r, (tid2, _, _, _, status, _) = self.add(c, "pagar la fianza el 02/02/2020")
        c.press("t:drop:%d" % tid2)
        self.assertEqual(self.task(500010, tid2)[0], "deleted")
        self.assertEqual(len(self.answered(c.press("t:keep:%d" % tid2))), 1)   # answered twice: no change
        self.assertEqual(self.task(500010, tid2)[0], "deleted")

    def test_old_deleted_and_drafts_pruned(self):
        c = self.chat(500011)
        c.say("/start")
        self.stack.sql("INSERT INTO tasks.tasks (user_id, title, due_at, has_time, status, updated_at, created_at)"
                       " VALUES (%s, 'borrada hace mucho', now(), false, 'deleted', now() - interval '40 days', now()),"
                       " (%s, 'borrada ayer', now(), false, 'deleted', now() - interval '1 day', now()),"
                       " (%s, 'borrador viejo', now(), false, 'draft', now(), now() - interval '2 days')",
                       500011, 500011, 500011)
        self.add(c, "Hacer hito 1 de CC para el 10/10/2100")
        self.assertEqual(sorted(r[1] for r in self.rows(500011)), ["Hacer hito 1 de CC", "borrada ayer"])

    # --- listing ---
    def insert(self, uid, title, due_sql, subject=None):
        return self.stack.sql("INSERT INTO tasks.tasks (user_id, title, subject, due_at, has_time)"
                              " VALUES (%s, %s, %s, " + due_sql + ", true) RETURNING id", uid, title, subject)[0][0]

    def test_list_marks_order_and_filter(self):
        c = self.chat(500020)
        c.say("/start")
        self.insert(500020, "Futura de CC", "now() + interval '10 days'", "CC")
        self.insert(500020, "Vencida", "now() - interval '2 days'")
        self.insert(500020, "Para hoy",
                    "((now() AT TIME ZONE 'Europe/Madrid')::date + time '23:59') AT TIME ZONE 'Europe/Madrid'")
        for ask in ("tareas", "qué me queda", "/tareas"):
            r = self.messages(c.say(ask))
            self.assertEqual(len(r), 1, ask)
            lines = visible(r[0]["text"]).split("\n")[1:]
            self.assertEqual(len(lines), 3)
            self.assertTrue(lines[0].startswith("1. Vencida") and "vencida" in lines[0].split("—")[1], lines)
            self.assertTrue(lines[1].startswith("2. Para hoy") and "hoy" in lines[1].split("—")[1], lines)
            self.assertTrue(lines[2].startswith("3. Futura de CC"), lines)
            self.assertNotIn("vencida", lines[2].split("—")[1])
            self.assertNotIn("hoy", lines[2].split("—")[1])
        lines = visible(self.text(c.say("tareas de CC"))).split("\n")[1:]
        self.assertEqual(lines, [l for l in lines if "CC" in l])
        self.assertEqual(len(lines), 1)

    def test_list_this_week_en(self):
        c = self.chat(500021, "en")
        c.say("/start")
        self.insert(500021, "Soon", "now() + interval '1 minute'")
        self.insert(500021, "Far away", "now() + interval '30 days'")
        shown = visible(self.text(c.say("what's due this week")))
        self.assertIn("1. Soon", shown)
        self.assertNotIn("Far away", shown)
        self.assertIn("Pending tasks", shown)

    def test_200_tasks_split(self):
        c = self.chat(500030)
        c.say("/start")
        self.stack.sql("INSERT INTO tasks.tasks (user_id, title, due_at, has_time)"
                       " SELECT %s, 'Tarea ' || g || ' <con> & un título largo para llenar los mensajes ' || repeat('x', g %% 40),"
                       " now() + g * interval '1 hour', true FROM generate_series(1, 200) g", 500030)
        r = self.messages(c.say("tareas"))
        self.assertGreaterEqual(len(r), 4)
        nums = []
        for m in r:
            self.assertLessEqual(len(m["text"].encode("utf-16-le")) // 2, 4096)
            self.assertEqual(m["status"] if m["via"] == "api" else 200, 200)
            for line in visible(m["text"]).split("\n"):
                mo = re.match(r"(\d+)\. Tarea (\d+) <con> & un", line)
                if mo:
                    self.assertEqual(mo.group(1), mo.group(2))
                    nums.append(int(mo.group(1)))
        self.assertEqual(nums, list(range(1, 201)))

    def test_list_capped_at_300(self):
        c = self.chat(500031)
        c.say("/start")
        self.stack.sql("INSERT INTO tasks.tasks (user_id, title, due_at, has_time)"
                       " SELECT %s, 'T' || g, now() + g * interval '1 hour', true FROM generate_series(1, 320) g", 500031)
        r = self.messages(c.say("tareas"))
        shown = visible("\n".join(m["text"] for m in r))
        self.assertIn("(320)", shown.split("\n")[0])
        nums = [int(x) for x in re.findall(r"^(\d+)\. T\d+ ", shown, re.M)]
        self.assertEqual(nums, list(range(1, 301)))
        self.assertTrue(shown.rstrip().split("\n")[-1].startswith("… y 20 más"), shown[-200:])

    # --- done, undo, change, delete ---
    def three(self, c):
        for t in ("Entrega CC pr1 para el 10/10/2100", "Lectura de historia para el 11/10/2100",
                  "Hito 2 de CC para el 12/10/2100 a las 10:00"):
            self.add(c, t)
        return [row[0] for row in self.rows(c.user_id)]

    def test_done_by_number_words_and_button(self):
        c = self.chat(500040)
        a, b, h = self.three(c)
        self.assertEqual(len(self.reminders(500040, b)), 2)
        c.say("tareas")
        r = c.say("hecho 2")
        self.assertIn("Lectura de historia", visible(self.text(r)))
        self.assertEqual(self.task(500040, b)[0], "done")
        self.assertEqual(self.reminders(500040, b), [])
        r = c.press("t:done:%d" % h)
        self.assertEqual(len(self.answered(r)), 1)
        self.assertEqual(self.task(500040, h)[0], "done")
        self.assertEqual(self.reminders(500040, h), [])
        undo = self.button(r, "t:undo:")
        r = c.press(undo)
        self.assertEqual(self.task(500040, h)[0], "pending")
        self.assertEqual(len(self.reminders(500040, h)), 2)
        self.assertIn("Hito 2 de CC", visible(self.text(r)))
        c.press(undo)                                            # one undo per confirmation
        self.assertEqual(self.task(500040, h)[0], "pending")
        self.assertEqual(self.task(500040, a)[0], "pending")

    def test_queued_reminders_follow_language_and_zone(self):
        """After /language or /timezone, a task's queued reminders speak the new language and show
        the due time in the new zone (they were rendered when the task was saved)."""
        c = self.chat(500095)
        self.add(c, "Entregar la memoria para el 10/10/2100 a las 18:00")
        texts = lambda: [r[0] for r in self.stack.sql(
            "SELECT text_html FROM reminders.queue WHERE user_id = %s AND kind = 'task' AND status = 'pending'", 500095)]
        self.assertTrue(texts() and all("18:00" in t for t in texts()), texts())
        # a snoozed one and one due a moment ago (not sent yet): both must survive, at their moments
        tid = self.rows(500095)[-1][0]
        self.stack.sql("INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html)"
                       " SELECT user_id, kind, ref_id, now() + interval '1 hour', expires_at, text_html"
                       " FROM reminders.queue WHERE user_id = %s AND kind = 'task' LIMIT 1", 500095)
        self.stack.sql("INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html)"
                       " SELECT user_id, kind, ref_id, now() - interval '20 seconds', expires_at, text_html"
                       " FROM reminders.queue WHERE user_id = %s AND kind = 'task' LIMIT 1", 500095)
        moments = lambda: self.stack.sql("SELECT due_at FROM reminders.queue WHERE user_id = %s AND ref_id = %s"
                                         " AND status = 'pending' ORDER BY due_at", 500095, tid)
        before, due_before = texts(), moments()
        c.say("/language en")
        after = texts()
        self.assertEqual(moments(), due_before, "a language change moved or dropped queued reminders")
        self.assertEqual(len(after), len(before))
        self.assertNotEqual(after, before, "the reminders still speak Spanish")
        self.assertTrue(all("Oct" in t for t in after), after)
        c.say("/timezone Europe/London")
        self.assertTrue(all("17:00" in t for t in texts()), texts())   # 18:00 in Madrid is 17:00 in London

    def test_done_by_words_and_en_number(self):
        c = self.chat(500041)
        self.add(c, "Hacer hito 1 de CC para el 20/10/2100")   # due after Hito 2: not number 1 of a list
        self.add(c, "Hito 2 de CC para el 12/10/2100 a las 10:00")
        self.add(c, "Lectura de historia para el 11/10/2100")
        ids = [row[0] for row in self.rows(500041)]
        r = c.say("he terminado la lectura de historia")
        self.assertIn("Lectura de historia", visible(self.text(r)))
        self.assertEqual([self.task(500041, i)[0] for i in ids], ["pending", "pending", "done"])
        r = c.say("ya terminé el hito 1")
        self.assertIn("Hacer hito 1 de CC", visible(self.text(r)))
        self.assertEqual([self.task(500041, i)[0] for i in ids], ["done", "pending", "done"])
        r = c.say("deshacer")
        self.assertEqual(self.task(500041, ids[0])[0], "pending")
        self.assertIn("Hacer hito 1 de CC", visible(self.text(r)))
        self.assertIn("No hay nada que deshacer", self.text(c.say("deshacer")))   # the latest change, once
        self.assertEqual([self.task(500041, i)[0] for i in ids], ["pending", "pending", "done"])
        e = self.chat(500042, "en")
        self.add(e, "paper review in 5 days")
        r = e.say("done 1")
        self.assertIn("Done", self.text(r))
        self.assertEqual(self.rows(500042)[0][4], "done")

    def test_change_date_moves_reminders(self):
        c = self.chat(500050)
        r, (tid, *_rest) = self.add(c, "Hacer hito 1 de CC para el 10/10/2100")
        due = local_instant(dt.date(2100, 10, 10), "23:59")
        before = [utc_str(day_before(due)), utc_str(due - dt.timedelta(hours=2))]
        self.assertEqual(self.reminders(500050, tid), before)
        r = c.say("cambia la 1 al 12/10/2100")
        self.assertEqual(self.task(500050, tid), ("pending", "2100-10-12 23:59"))
        due2 = local_instant(dt.date(2100, 10, 12), "23:59")
        self.assertEqual(self.reminders(500050, tid), [utc_str(day_before(due2)), utc_str(due2 - dt.timedelta(hours=2))])
        self.assertIn(fmt("es", dt.date(2100, 10, 12)), self.text(r))
        c.press(self.button(r, "t:undo:"))
        self.assertEqual(self.task(500050, tid), ("pending", "2100-10-10 23:59"))
        self.assertEqual(self.reminders(500050, tid), before)
        r = c.press("t:date:%d" % tid)
        self.assertEqual(len(self.answered(r)), 1)
        r = c.press(self.button(r, "t:p7:"))
        self.assertEqual(self.task(500050, tid), ("pending", "2100-10-17 23:59"))
        self.assertEqual(len(self.reminders(500050, tid)), 2)
        # "Change date", then the date in words: the task the button named.
        self.add(c, "Lectura de historia para el 11/10/2100")
        c.press("t:date:%d" % tid)
        r = c.say("cambia la fecha al 20/10/2100")
        self.assertEqual(self.task(500050, tid), ("pending", "2100-10-20 23:59"))
        self.assertIn(fmt("es", dt.date(2100, 10, 20)), self.text(r))
        e = self.chat(500051, "en")
        r, (etid, *_rest) = self.add(e, "Submit lab report by 12/15/2100 at 5pm")
        e.press("t:date:%d" % etid)
        r = e.say("move it to 10/25/2100")
        self.assertEqual(self.task(500051, etid), ("pending", "2100-10-25 17:00"))   # the time it had
        self.assertIn(fmt("en", dt.date(2100, 10, 25), "17:00"), self.text(r))

    def test_delete(self):
        c = self.chat(500060)
        a, b, h = self.three(c)
        c.say("tareas")
        r = c.say("borra la 2")
        self.assertEqual(self.task(500060, b)[0], "deleted")
        self.assertEqual(self.reminders(500060, b), [])
        self.assertNotIn("Lectura de historia", self.text(c.say("tareas")))
        c.press(self.button(r, "t:undo:"))
        self.assertEqual(self.task(500060, b)[0], "pending")
        self.assertEqual(len(self.reminders(500060, b)), 2)
        r = c.press("t:del:%d" % a)
        self.assertEqual(len(self.answered(r)), 1)
        self.assertEqual(self.task(500060, a)[0], "deleted")

    def test_html_title_intact(self):
        c = self.chat(500070)
        text = "Leer <b>cap. 2</b> & *negrita* _x_ `code` para el 10/10/2100"
        rc, out, err = self.stack.cli("parse", "--lang", "es", "--tz", "Europe/Madrid", "--", text)
        self.assertEqual(rc, 0, err)
        said = json.loads(out)["title"]              # whatever words the parser kept, stored as they are
        r, (tid, title, *_rest) = self.add(c, text)
        self.assertEqual(title, said)
        self.assertIn(title, visible(self.text(r)))
        # A title full of markup, stored as is: shown as text everywhere, never as markup.
        c.press("t:del:%d" % tid)
        nasty = self.insert(500070, HTML_TITLE, "now() + interval '3 days'")
        lst = self.text(c.say("tareas"))
        self.assertIn(HTML_TITLE, visible(lst))
        self.assertNotIn("<script>", lst)
        r = c.press("t:done:%d" % nasty)
        self.assertIn(HTML_TITLE, visible(self.text(r)))
        c.press(self.button(r, "t:undo:"))
        texts = [q for (q,) in self.stack.sql("SELECT text_html FROM reminders.queue WHERE ref_id = %s"
                                                " AND status = 'pending'", nasty)]
        self.assertEqual(len(texts), 2)
        for q in texts:
            self.assertIn(HTML_TITLE, visible(q))

    def test_forged_callbacks_refused(self):
        owner, other = self.chat(500080), self.chat(500081)
        r, (tid, *_rest) = self.add(owner, "Hacer hito 1 de CC para el 10/10/2100")
        undo = self.button(r, "t:undo:")
        other.say("/start")
        before = (self.rows(500080), self.reminders(500080, tid))
        for data in ("t:done:%d" % tid, "t:del:%d" % tid, "t:date:%d" % tid, "t:p1:%d" % tid,
                     "t:keep:%d" % tid, "t:drop:%d" % tid, undo, "t:done:abc", "t:nope:%d" % tid, "t:"):
            with self.subTest(data=data):
                r = other.press(data)
                self.assertEqual(len(self.answered(r)), 1)
                self.assertIn("no es tuya", self.answered(r)[0]["params"].get("text", ""))
                self.assertNotIn("Hacer hito", self.text(r))
        self.assertEqual((self.rows(500080), self.reminders(500080, tid)), before)
        self.assertEqual(self.stack.sql("SELECT count(*) FROM tasks.undo WHERE user_id = 500080 AND used_at IS NULL"),
                         [(1,)])

    # --- the other modules' views: agenda (day section) and calendar feed (feed source) ---
    def test_agenda_and_feed_show_deadlines(self):
        c = self.chat(500100)
        r, (tid, *_rest) = self.add(c, "Hito 2 de CC para el 12/10/2100 a las 10:00")
        agenda = visible(self.text(c.say("qué tengo el 12/10/2100")))
        self.assertIn("Entregas", agenda)
        self.assertIn("• Hito 2 de CC · 10:00", agenda)
        self.assertNotIn("Hito 2 de CC", visible(self.text(c.say("qué tengo el 11/10/2100"))))
        url = re.search(r"/calendar/[0-9A-Za-z_-]+\.ics", self.text(c.say("/calendario")))
        self.assertIsNotNone(url)
        status, _, body = self.stack.get(url.group(0))
        self.assertEqual(status, 200)
        ics = body.decode() if isinstance(body, bytes) else body
        self.assertIn("UID:task-%d@mystudentbot" % tid, ics)
        self.assertIn("SUMMARY:Hito 2 de CC", ics)
        self.assertTrue("DTSTART;TZID=Europe/Madrid:21001012T100000" in ics or "DTSTART:21001012T080000Z" in ics)
        c.press("t:done:%d" % tid)
        ics = self.stack.get(url.group(0))[2]
        self.assertNotIn("task-%d@" % tid, ics.decode() if isinstance(ics, bytes) else ics)

    # --- reminders ---
    def test_reminders_at_dst_changes(self):
        c = self.chat(500090)
        r, (spring, *_rest) = self.add(c, "entrega del TFM el 28/03/2027 a las 10:00")
        # 10:00 CEST = 08:00 UTC; a day before is 10:00 CET = 09:00 UTC, 23 hours earlier.
        self.assertEqual(self.reminders(500090, spring), ["2027-03-27 09:00", "2027-03-28 06:00"])
        r, (autumn, *_rest) = self.add(c, "entrega del TFG el 31/10/2027 a las 10:00")
        # 10:00 CET = 09:00 UTC; a day before is 10:00 CEST = 08:00 UTC, 25 hours earlier.
        self.assertEqual(self.reminders(500090, autumn), ["2027-10-30 08:00", "2027-10-31 07:00"])
        self.assertEqual(self.stack.sql(
            "SELECT DISTINCT to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM reminders.queue"
            " WHERE ref_id = %s", spring), [("2027-03-28 08:00",)])

    def test_reminder_sent_by_the_cron_run(self):
        c = self.chat(500094)
        r, (tid, *_rest) = self.add(c, "Hito 2 de CC para el 12/10/2100 a las 10:00")
        self.assertEqual(self.reminders(500094, tid), ["2100-10-11 08:00", "2100-10-12 06:00"])
        self.stack.standin.reset()
        rc, out, err = self.stack.run_remind("--now", "2100-10-11T08:00:30Z")
        self.assertEqual(rc, 0, err)
        sent = [x["params"] for x in self.stack.standin.calls("sendMessage")
                if str(x["params"].get("chat_id")) == "500094"]
        self.assertEqual(len(sent), 1)
        self.assertIn("Hito 2 de CC", visible(sent[0]["text"]))
        self.assertIn(fmt("es", dt.date(2100, 10, 12), "10:00"), sent[0]["text"])
        self.assertEqual(self.reminders(500094, tid), ["2100-10-12 06:00"])

    def test_lead_already_past_not_scheduled(self):
        c = self.chat(500091)
        r, (tid, _, due, *_rest) = self.add(c, "entregar ejercicio dentro de 3 horas")
        due = dt.datetime.strptime(due, "%Y-%m-%d %H:%M").replace(tzinfo=MAD)
        self.assertTrue(IN3H <= due <= IN3H + dt.timedelta(minutes=5), due)   # the minute may turn meanwhile
        self.assertEqual(self.reminders(500091, tid), [utc_str(due - dt.timedelta(hours=2))])

    def test_default_and_own_lead_times(self):
        c = self.chat(500092)
        a, b, h = self.three(c)
        r = c.say("recuérdame las tareas 3 horas antes")
        self.assertIn("3 horas", self.text(r))
        self.assertEqual(self.stack.sql("SELECT leads FROM tasks.settings WHERE user_id = 500092"), [([180],)])
        due_h = local_instant(dt.date(2100, 10, 12), "10:00")
        self.assertEqual(self.reminders(500092, h), [utc_str(due_h - dt.timedelta(hours=3))])
        r = c.say("avísame 3 días antes del hito 1")   # no "hito 1" here: said so, nothing changes
        self.assertEqual(self.reminders(500092, h), [utc_str(due_h - dt.timedelta(hours=3))])
        self.add(c, "Hacer hito 1 de CC para el 10/10/2100")
        hito1 = self.rows(500092)[-1][0]
        due1 = local_instant(dt.date(2100, 10, 10), "23:59")
        self.assertEqual(self.reminders(500092, hito1), [utc_str(due1 - dt.timedelta(hours=3))])
        r = c.say("avísame 3 días antes del hito 1")
        self.assertEqual(self.reminders(500092, hito1), [utc_str(due1.replace(day=7))])
        self.assertEqual(self.reminders(500092, h), [utc_str(due_h - dt.timedelta(hours=3))])
        c.press(self.button(r, "t:undo:"))
        self.assertEqual(self.reminders(500092, hito1), [utc_str(due1 - dt.timedelta(hours=3))])
        c.say("recuérdame el hito 1 2 días antes")   # the task named before the lead time
        self.assertEqual(self.reminders(500092, hito1), [utc_str(due1.replace(day=8))])
        self.assertEqual(self.reminders(500092, h), [utc_str(due_h - dt.timedelta(hours=3))])
        c.say("no me recuerdes las tareas")
        self.assertEqual(self.stack.sql("SELECT count(*) FROM reminders.queue WHERE user_id = 500092"
                                        " AND status = 'pending'"), [(0,)])
        e = self.chat(500093, "en")
        r, (tid, *_rest) = self.add(e, "Submit lab report by 12/15/2100 at 5pm")
        self.assertIn("3 hours", self.text(e.say("remind me 3 hours before deadlines")))
        due = local_instant(dt.date(2100, 12, 15), "17:00")
        self.assertEqual(self.reminders(500093, tid), [utc_str(due - dt.timedelta(hours=3))])


if __name__ == "__main__":
    unittest.main()
