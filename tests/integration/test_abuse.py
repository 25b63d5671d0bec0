# test_abuse.py: the per-user flood limit, and a user's data exported (/exportar) and deleted
# (/borrar_mis_datos) — issue 8 "Abuse and privacy". See LICENSE.
import concurrent.futures
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import stack as S  # noqa: E402

FLOOD = 10  # MSB_FLOOD_PER_MINUTE for this module's stack


def setUpModule():
    S.up(__name__, env={"MSB_FLOOD_PER_MINUTE": str(FLOOD)})


def tearDownModule():
    S.down()


_users = iter(range(7_000_001, 8_000_000))


def new_chat(stack, lang="es", first_name="Ana"):
    return S.Chat(stack, next(_users), lang=lang, first_name=first_name, settle=0.05)


def texts(replies):
    return [r["text"] or "" for r in replies]


class FloodTest(S.StackTestCase):
    def wait_for_fresh_minute_window(self):
        """The limit counts per calendar minute: start early in one so the burst stays inside it."""
        sec = float(self.stack.sql("SELECT extract(second FROM clock_timestamp())")[0][0])
        if sec > 45:
            time.sleep(61 - sec)

    def test_flooding_user_is_slowed_once_told_and_others_are_served(self):
        self.wait_for_fresh_minute_window()
        flooder = new_chat(self.stack, "es")
        other = new_chat(self.stack, "en", "Bob")
        n_flood = FLOOD * 4

        def flood_one(i):
            upd = flooder.update(message=flooder.message("/ayuda"))
            return upd["update_id"], self.stack.post(upd)

        def other_one(i):
            upd = other.update(message=other.message("/help"))
            return upd["update_id"], self.stack.post(upd)

        t0 = time.time()
        with concurrent.futures.ThreadPoolExecutor(8) as ex:
            fl = list(ex.map(flood_one, range(n_flood)))
            ot = list(ex.map(other_one, range(FLOOD)))
        elapsed = time.time() - t0
        self.assertLess(elapsed, 45, "the burst took too long to test a per-minute window")
        # Every update is accepted (200: Telegram must not retry) and recorded once.
        for uid, (status, _) in fl + ot:
            self.assertEqual(status, 200)
        ids = [uid for uid, _ in fl + ot]
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.updates WHERE update_id = ANY(%s)", ids),
                         [(len(ids),)])
        time.sleep(0.3)

        def replies_to(chat, bodies):
            out = []
            for _, (status, body) in bodies:
                if body.strip() and body.strip() != b"{}":
                    obj = json.loads(body)
                    if obj.get("method"):
                        out.append(obj.get("text") or "")
            for c in self.stack.standin.calls():
                if c["method"] == "sendMessage" and c["params"].get("chat_id") == chat.chat_id:
                    out.append(c["params"].get("text") or "")
            return out

        fr = replies_to(flooder, fl)
        orr = replies_to(other, ot)
        flood_msgs = [t for t in fr if "rápido" in t]
        help_msgs = [t for t in fr if "rápido" not in t]
        self.assertEqual(len(flood_msgs), 1, "the flooder must be told exactly once: %r" % fr)
        self.assertEqual(len(help_msgs), FLOOD, "only %d of the flood may be acted on, got %d" % (FLOOD, len(help_msgs)))
        # The other user, at the same time, is served normally: every message answered.
        self.assertEqual(len(orr), FLOOD)
        self.assertFalse([t for t in orr if "too fast" in t])
        self.assertEqual(self.stack.sql("SELECT flood_hits FROM core.users WHERE user_id = %s", flooder.user_id),
                         [(n_flood,)])

    def test_flooded_button_presses_are_still_answered(self):
        self.wait_for_fresh_minute_window()
        c = new_chat(self.stack, "es")
        for _ in range(FLOOD + 1):
            c.say("/ayuda")
        r = c.press("p:no:%d" % c.user_id)
        self.assertTrue([x for x in r if x["method"] == "answerCallbackQuery"],
                        "a button pressed during a flood must still be answered")
        self.assertFalse([x for x in r if x["method"] == "editMessageText"], "a flooded press was acted on")


class PrivacyTest(S.StackTestCase):
    @classmethod
    def setUpClass(cls):
        # A table of a module that forgot ON DELETE CASCADE (and a view, which is not exported).
        st = S.current
        st.sql("CREATE SCHEMA IF NOT EXISTS zz_test")
        st.sql("CREATE TABLE IF NOT EXISTS zz_test.notes (id serial PRIMARY KEY, user_id bigint NOT NULL,"
               " note text, n integer, ok boolean, amount numeric(12,2), at timestamptz DEFAULT now())")
        st.sql("CREATE OR REPLACE VIEW zz_test.notes_view AS SELECT * FROM zz_test.notes")

    def seed(self, chat, note):
        chat.say("/start")
        # Rows in every module, made the way a student makes them.
        chat.say("Hacer hito 1 de CC para el 10/10/2100")
        chat.say("Bus 5€ semana")
        chat.say("Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6")
        self.stack.sql("INSERT INTO zz_test.notes (user_id, note, n, ok, amount) VALUES (%s, %s, 7, true, 5.50)",
                       chat.user_id, note)
        self.stack.sql("INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html)"
                       " VALUES (%s, 'test', %s, now() + interval '1 day', now() + interval '2 days', %s)",
                       chat.user_id, chat.user_id, "Entrega " + note)

    def user_rows(self, user_id):
        """{schema.table: rows of user_id} over every base table with a user_id column."""
        tables = self.stack.sql(
            "SELECT c.table_schema, c.table_name FROM information_schema.columns c"
            " JOIN information_schema.tables t USING (table_schema, table_name)"
            " WHERE c.column_name = 'user_id' AND t.table_type = 'BASE TABLE'"
            "   AND c.table_schema NOT IN ('pg_catalog', 'information_schema')")
        out = {}
        for schema, table in tables:
            n = self.stack.sql('SELECT count(*) FROM "%s"."%s" WHERE user_id = %%s' % (schema, table), user_id)[0][0]
            out["%s.%s" % (schema, table)] = n
        return out

    def test_every_user_table_cascades_from_core_users(self):
        # Each module's migration must declare user_id REFERENCES core.users ON DELETE CASCADE.
        rows = self.stack.sql(
            "SELECT c.table_schema || '.' || c.table_name FROM information_schema.columns c"
            " JOIN information_schema.tables t USING (table_schema, table_name)"
            " WHERE c.column_name = 'user_id' AND t.table_type = 'BASE TABLE'"
            "   AND c.table_schema NOT IN ('pg_catalog', 'information_schema', 'zz_test')"
            "   AND (c.table_schema, c.table_name) <> ('core', 'users')"
            "   AND NOT EXISTS (SELECT 1 FROM pg_constraint k"
            "        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)"
            "       WHERE k.contype = 'f' AND k.confdeltype = 'c' AND a.attname = 'user_id'"
            "         AND k.confrelid = 'core.users'::regclass"
            "         AND k.conrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass)")
        self.assertEqual(rows, [], "tables with user_id but no ON DELETE CASCADE to core.users")

    def test_export_sends_every_table_of_the_user_as_json(self):
        ana = new_chat(self.stack, "es")
        bob = new_chat(self.stack, "en", "Bob")
        self.seed(ana, 'nota <b>"de" Ana</b> ñ 😀')
        self.seed(bob, "secret of Bob")
        r = ana.say("/exportar")
        docs = [x for x in r if x["method"] == "sendDocument"]
        self.assertEqual(len(docs), 1, r)
        f = docs[0]["files"]["document"]
        self.assertEqual(f["content_type"], "application/json")
        self.assertTrue(f["filename"].endswith(".json"))
        raw = f["bytes"]
        self.assertNotIn(b"secret of Bob", raw)
        doc = json.loads(raw)
        self.assertEqual(doc["user_id"], ana.user_id)
        tables = doc["tables"]
        self.assertEqual([row["user_id"] for row in tables["core.users"]], [ana.user_id])
        self.assertEqual(tables["core.users"][0]["first_name"], "Ana")
        self.assertIn("zz_test.notes", tables)
        self.assertNotIn("zz_test.notes_view", tables)
        note = tables["zz_test.notes"][0]
        self.assertEqual(note["note"], 'nota <b>"de" Ana</b> ñ 😀')
        self.assertEqual((note["n"], note["ok"], note["amount"]), (7, True, "5.50"))
        self.assertEqual(len([r for r in tables["reminders.queue"] if r["kind"] == "test"]), 1)
        for t in ("tasks.tasks", "expenses.expenses", "academic.classes"):
            self.assertGreaterEqual(len(tables.get(t, [])), 1, "%s missing from the export" % t)
        self.assertEqual(tables["tasks.tasks"][0]["title"], "Hacer hito 1 de CC")
        # every table with the user's rows is there, with all of them
        for name, n in self.user_rows(ana.user_id).items():
            self.assertEqual(len(tables.get(name, [])), n, name)
        for rows in tables.values():
            for row in rows:
                self.assertEqual(row["user_id"], ana.user_id)
        total = sum(len(v) for v in tables.values())
        self.assertIn(str(total), docs[0]["text"])

    def test_export_in_english(self):
        en = new_chat(self.stack, "en", "Lucy")
        r = en.say("/export")
        docs = [x for x in r if x["method"] == "sendDocument"]
        self.assertEqual(len(docs), 1)
        self.assertIn("data", docs[0]["text"])
        self.assertIn("core.users", json.loads(docs[0]["files"]["document"]["bytes"])["tables"])

    def confirmation(self, chat, command):
        r = chat.say(command)
        self.assertEqual(len(r), 1, r)
        btns = S.buttons(r[0])
        self.assertEqual(len(btns), 2, btns)
        return r[0], dict((data.split(":")[1], data) for _, data in btns)

    def test_delete_asks_first_and_cancel_keeps_everything(self):
        ana = new_chat(self.stack, "es")
        self.seed(ana, "keep me")
        before = self.user_rows(ana.user_id)
        msg, btn = self.confirmation(ana, "/borrar_mis_datos")
        self.assertIn("borrar", msg["text"])
        self.assertEqual(self.user_rows(ana.user_id), before, "asking deleted something")
        r = ana.press(btn["no"], message_id=5)
        self.assertTrue([x for x in r if x["method"] == "answerCallbackQuery"])
        self.assertTrue([x for x in r if x["method"] == "editMessageText" and x["params"].get("message_id") == 5])
        self.assertEqual(self.user_rows(ana.user_id), before)

    def test_delete_removes_every_row_of_the_user_and_nobody_elses(self):
        ana = new_chat(self.stack, "es")
        bob = new_chat(self.stack, "en", "Bob")
        self.seed(ana, "mine")
        self.seed(bob, "his")
        bob_before = self.user_rows(bob.user_id)
        mine = self.user_rows(ana.user_id)
        for t in ("core.users", "tasks.tasks", "expenses.expenses", "academic.classes", "zz_test.notes"):
            self.assertGreaterEqual(mine.get(t, 0), 1, "no row in %s to delete: %r" % (t, mine))
        _, btn = self.confirmation(ana, "/borrar_mis_datos")
        r = ana.press(btn["del"], message_id=9)
        self.assertTrue([x for x in r if x["method"] == "answerCallbackQuery"])
        edits = [x for x in r if x["method"] == "editMessageText"]
        self.assertEqual(len(edits), 1)
        self.assertIn("borrado", edits[0]["text"])
        left = {k: v for k, v in self.user_rows(ana.user_id).items() if v}
        self.assertEqual(left, {}, "rows of a deleted user remain")
        self.assertEqual(self.user_rows(bob.user_id), bob_before)
        # Writing again starts from scratch, as a new user.
        self.assertTrue(ana.say("/start"))
        self.assertEqual(self.stack.sql("SELECT count(*) FROM zz_test.notes WHERE user_id = %s", ana.user_id), [(0,)])

    def test_delete_in_english(self):
        en = new_chat(self.stack, "en", "Lucy")
        en.say("/start")
        msg, btn = self.confirmation(en, "/delete_my_data")
        self.assertIn("delete", msg["text"])
        r = en.press(btn["del"])
        self.assertIn("deleted", [x for x in r if x["method"] == "editMessageText"][0]["text"])
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.users WHERE user_id = %s", en.user_id), [(0,)])

    def test_someone_elses_delete_button_does_nothing(self):
        ana = new_chat(self.stack, "es")
        eve = new_chat(self.stack, "es", "Eve")
        self.seed(ana, "ana's")
        eve.say("/start")
        before = self.user_rows(ana.user_id)
        _, btn = self.confirmation(ana, "/borrar_mis_datos")
        # Eve forwards or forges Ana's button data.
        r = eve.press(btn["del"])
        answers = [x for x in r if x["method"] == "answerCallbackQuery"]
        self.assertEqual(len(answers), 1)
        self.assertTrue(answers[0]["params"].get("text"))
        self.assertFalse([x for x in r if x["method"] == "editMessageText"])
        self.assertEqual(self.user_rows(ana.user_id), before)
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.users WHERE user_id = %s", eve.user_id), [(1,)])
        for junk in ("p:del:", "p:del:abc", "p:zz:%d" % eve.user_id, "p:", "p:del:99999999999999999999999"):
            r = eve.press(junk)
            self.assertEqual(len([x for x in r if x["method"] == "answerCallbackQuery"]), 1, junk)
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.users WHERE user_id = %s", eve.user_id), [(1,)])


if __name__ == "__main__":
    import unittest
    unittest.main()
