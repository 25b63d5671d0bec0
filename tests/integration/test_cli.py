# test_cli.py: mystudentbot, the operator's tool, against the stack and the Bot API stand-in. See LICENSE.
import json
import os
import signal
import subprocess
import tempfile
import time
import unittest

import stack as S


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


class Cli(S.StackTestCase):
    def test_migrate_is_idempotent(self):
        rc, out, err = self.stack.cli("migrate")
        self.assertEqual(rc, 0, err)
        self.assertIn("0 applied", out)
        names = [r[0] for r in self.stack.sql("SELECT name FROM core.schema_migrations ORDER BY name")]
        self.assertEqual(names, sorted(os.path.basename(f)[:-4] for f in os.listdir("sql") if f.endswith(".sql")))

    def test_bad_configuration_exits_2_with_one_line(self):
        for env in ({"MSB_LANG": "fr"}, {"MSB_TZ": "Mars/Olympus"}, {"MSB_CONFIG": "/nonexistent/msb.conf"},
                    {"MSB_TELEGRAM_API": "ftp://x"}):
            rc, out, err = self.stack.cli("migrate", env=env)
            self.assertEqual(rc, 2, env)
            self.assertEqual(len(err.strip().splitlines()), 1, err)
        rc, _, err = self.stack.cli("webhook", "info", env={"MSB_BOT_TOKEN": ""})
        self.assertEqual(rc, 2)
        self.assertIn("MSB_BOT_TOKEN", err)

    def test_secret_and_token_never_echoed(self):
        rc, _, err = self.stack.cli("migrate", env={"MSB_WEBHOOK_SECRET": "bad secret VERYSECRET42"})
        self.assertEqual(rc, 2)
        self.assertNotIn("VERYSECRET42", err)
        rc, _, err = self.stack.cli("webhook", "info", env={"MSB_BOT_TOKEN": "12:TOKEN/with/slash"})
        self.assertEqual(rc, 2)
        self.assertNotIn("TOKEN/with", err)

    def test_config_file_and_environment_over_it(self):
        with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as f:
            f.write("# comment\nMSB_LANG=en\nMSB_DATABASE_URL=%s\n" % self.stack.dburl)
        try:
            env = {"MSB_CONFIG": f.name, "MSB_LANG": "", "MSB_DATABASE_URL": ""}
            rc, out, err = self.stack.cli("migrate", env=env)
            self.assertEqual(rc, 0, err)
            rc, out, err = self.stack.cli("migrate", env=dict(env, MSB_DATABASE_URL="host=/nonexistent"))
            self.assertEqual(rc, 1)  # the environment's (bad) URL won over the file's
        finally:
            os.unlink(f.name)

    def test_webhook_set_info_delete(self):
        st = self.stack.standin
        rc, out, err = self.stack.cli("webhook", "set", "https://bot.example.org/telegram/webhook",
                                      "--max-connections", "4", "--drop-pending")
        self.assertEqual(rc, 0, err)
        p = st.calls("setWebhook")[-1]["params"]
        self.assertEqual(p["url"], "https://bot.example.org/telegram/webhook")
        self.assertEqual(p["secret_token"], self.stack.secret)
        self.assertEqual(sorted(p["allowed_updates"]), ["callback_query", "message", "my_chat_member"])
        self.assertEqual(p["max_connections"], 4)
        self.assertIs(p["drop_pending_updates"], True)
        rc, out, err = self.stack.cli("webhook", "info")
        self.assertEqual(rc, 0, err)
        self.assertIn("bot.example.org", out)
        rc, out, err = self.stack.cli("webhook", "delete")
        self.assertEqual(rc, 0, err)
        self.assertTrue(st.calls("deleteWebhook"))
        rc, _, _ = self.stack.cli("webhook", "set")
        self.assertEqual(rc, 2)

    def test_webhook_set_with_self_signed_certificate(self):
        pem = b"-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n"
        with tempfile.NamedTemporaryFile(suffix=".pem", delete=False) as f:
            f.write(pem)
        try:
            rc, out, err = self.stack.cli("webhook", "set", "https://203.0.113.5:8443/telegram/webhook",
                                          "--certificate", f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(rc, 0, err)
        call = self.stack.standin.calls("setWebhook")[-1]
        self.assertEqual(call["files"]["certificate"]["bytes"], pem)
        self.assertEqual(call["params"]["secret_token"], self.stack.secret)

    def test_commands_set_in_both_languages(self):
        before = len(self.stack.standin.calls("setMyCommands"))
        rc, out, err = self.stack.cli("commands", "set")
        self.assertEqual(rc, 0, err)
        calls = self.stack.standin.calls("setMyCommands")[before:]
        by_lang = {c["params"].get("language_code"): c["params"]["commands"] for c in calls}
        self.assertIn("horario", [c["command"] for c in by_lang["es"]])
        self.assertIn("timetable", [c["command"] for c in by_lang["en"]])
        self.assertIn(None, by_lang)  # the default list
        for cmds in by_lang.values():
            for c in cmds:
                self.assertTrue(c["description"] and not c["description"].startswith("core.cmd."), c)

    def test_parse_needs_no_database_nor_token(self):
        rc, out, err = self.stack.cli("parse", "--now", "2026-11-28T10:00", "--lang", "es", "--",
                                      "Bus 5€ semana", env={"MSB_BOT_TOKEN": "", "MSB_DATABASE_URL": "host=/nowhere"})
        self.assertEqual(rc, 0, err)
        self.assertEqual(len(out.strip().splitlines()), 1)
        got = json.loads(out)
        self.assertEqual((got["intent"], got["amount"], got["every"]), ("expense.add", "5.00", "week"))
        rc, _, _ = self.stack.cli("parse", "--lang", "fr", "--", "hola")
        self.assertEqual(rc, 2)
        for env in ({"MSB_CONFIG": "/nonexistent/msb.conf"}, {"MSB_LANG": "fr"}, {"MSB_TZ": "Mars/Olympus"}):
            rc, _, err = self.stack.cli("parse", "--", "hola", env=env)
            self.assertEqual((rc, len(err.strip().splitlines())), (2, 1), env)

    def test_chat_on_the_console(self):
        rc, out, err = self.stack.cli("chat", "--user", "310001", "--lang", "es",
                                      input="/start\nBus 5€ semana\n!3\n", env={"MSB_BOT_TOKEN": ""})
        self.assertEqual(rc, 0, err)
        self.assertIn("bot> ¡Hola", out)
        self.assertIn("[!3", out)  # the expense's buttons, numbered
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.users WHERE user_id = 310001")[0][0], 1)

    def test_poll_feeds_the_dispatcher(self):
        st = self.stack.standin
        chat = S.Chat(self.stack, 310002, lang="en")
        upd = chat.update(message=chat.message("/start"))
        st.queue_update(upd)
        p = subprocess.Popen([os.path.join(self.stack.bindir, "mystudentbot"), "poll"], env=self.stack.env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.time() + 20
            sent = []
            while time.time() < deadline and not sent:
                sent = [c for c in st.calls("sendMessage") if c["params"].get("chat_id") == 310002]
                time.sleep(0.1)
            self.assertTrue(sent, "poll sent no reply")
            self.assertIn("Hi", sent[0]["params"]["text"])
            self.assertEqual(self.stack.sql("SELECT count(*) FROM core.updates WHERE update_id = %s",
                                            upd["update_id"])[0][0], 1)
        finally:
            p.send_signal(signal.SIGTERM)
            out, err = p.communicate(timeout=20)
        self.assertEqual(p.returncode, 0, err)


if __name__ == "__main__":
    unittest.main()
