# test_webhook.py: every row of CONTRACT.md section 4, through nginx -> mystudentbot-fcgi -> PostgreSQL.
# See LICENSE.
import json
import os
import sys
import threading
import time
import http.client

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import stack as S  # noqa: E402

ES_WORDS = ("hola", "¡", " de ", " tus ", " tu ", "puedo", "bienvenid", " para ", "ayud")
EN_WORDS = ("hello", "hi ", "hi,", "hi!", "welcome", " you", " your ", " the ", " can ", "help")


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


_users = iter(range(5_000_001, 6_000_000))


def new_chat(stack, lang="es", first_name="Ana"):
    return S.Chat(stack, next(_users), lang=lang, first_name=first_name)


class WebhookTest(S.StackTestCase):
    def stored(self, update_id):
        return self.stack.sql("SELECT count(*) FROM core.updates WHERE update_id = %s", update_id)[0][0]

    def assert_still_serving(self):
        c = new_chat(self.stack)
        r = c.say("/start")
        self.assertEqual(c.last_status, 200)
        self.assertTrue(r, "no reply to /start after the bad request")
        self.assertEqual(self.stored(c.last_update_id), 1)

    def message_update(self, chat, text):
        return chat.update(message=chat.message(text))

    def fcgi_log(self):
        with open(os.path.join(self.stack.out, "fcgi.log"), errors="replace") as f:
            return f.read()

    # --- row 1: a valid update with the right secret ---
    def test_valid_update_gets_200_a_reply_and_is_recorded(self):
        ana = new_chat(self.stack, "es")
        replies = ana.say("/start")
        self.assertEqual(ana.last_status, 200)
        self.assertGreaterEqual(len(replies), 1, "no reply, neither in the body nor through the Bot API")
        self.assertTrue(all(r["chat_id"] == ana.chat_id for r in replies))
        self.assertTrue(replies[0]["text"], "the first reply has no text")
        self.assertEqual(self.stored(ana.last_update_id), 1)
        self.assertEqual(self.stack.sql("SELECT chat_id, active FROM core.users WHERE user_id = %s", ana.user_id),
                         [(ana.chat_id, True)])

    def test_a_sender_that_cannot_be_stored_gets_sorry_and_no_retry(self):
        """When upserting the sender fails for a reason that would repeat (here a constraint added for
        one user id), the update is still recorded and answered with an apology: 200, so Telegram does
        not retry it for a day, and the worker goes on serving."""
        ana = new_chat(self.stack, "es")
        self.stack.sql("ALTER TABLE core.users ADD CONSTRAINT test_refuse CHECK (user_id <> %s)" % int(ana.user_id))
        try:
            r = ana.say("hola")
        finally:
            self.stack.sql("ALTER TABLE core.users DROP CONSTRAINT test_refuse")
        self.assertEqual(ana.last_status, 200)
        self.assertIn("Algo ha fallado", " ".join(x["text"] or "" for x in r))
        self.assertEqual(self.stored(ana.last_update_id), 1)
        self.assert_still_serving()

    def test_reply_in_the_body_is_json_with_a_method(self):
        ana = new_chat(self.stack, "es")
        upd = self.message_update(ana, "/start")
        status, headers, body = self.stack.request(upd)
        self.assertEqual(status, 200)
        if body.strip():
            self.assertIn("application/json", headers.get("content-type", ""))
            obj = json.loads(body)
            self.assertIsInstance(obj, dict)
            self.assertIn("method", obj)
            self.assertEqual(int(obj["chat_id"]), ana.chat_id)
        else:  # the reply went through the Bot API instead
            calls = self.stack.standin.wait_calls("sendMessage", 1, timeout=5)
            self.assertTrue(any(c["params"].get("chat_id") == ana.chat_id for c in calls))

    def test_bot_api_calls_use_the_token(self):
        ana = new_chat(self.stack, "es")
        ana.say("/start")
        ana.say("/help")
        for c in self.stack.standin.calls():
            self.assertTrue(c["token_ok"], "Bot API call %s with a wrong token" % c["method"])

    def test_update_of_another_kind_is_accepted_and_stored(self):
        upd = {"update_id": S.next_update_id(),
               "channel_post": {"message_id": 3, "date": int(time.time()), "text": "hola",
                                "chat": {"id": -1001234567890, "type": "channel", "title": "C"}}}
        status, _ = self.stack.post(upd)
        self.assertEqual(status, 200)
        self.assertEqual(self.stored(upd["update_id"]), 1)
        time.sleep(0.2)
        self.assertEqual([c["method"] for c in self.stack.standin.calls() if c["method"].startswith("send")], [])

    def test_update_ids_are_64_bit(self):
        ana = new_chat(self.stack, "en")
        big = 2 ** 62 + 12345
        upd = {"update_id": big, "message": ana.message("/start")}
        replies = ana.send(upd)
        self.assertTrue(replies)
        self.assertEqual(self.stored(big), 1)
        self.assertEqual(self.stored(big % 2 ** 32), 0)

    def test_user_ids_are_64_bit(self):
        big = S.Chat(self.stack, 2 ** 40 + 7, lang="es")
        self.assertTrue(big.say("/start"))
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.users WHERE user_id = %s", 2 ** 40 + 7), [(1,)])

    # --- row 2: the same update_id again ---
    def test_duplicate_update_id_is_200_and_nothing_twice(self):
        ana = new_chat(self.stack, "es")
        upd = self.message_update(ana, "/start")
        first = ana.send(upd)
        self.assertTrue(first)
        users_before = self.stack.sql("SELECT user_id, updated_at, flood_hits FROM core.users WHERE user_id = %s", ana.user_id)
        again = ana.send(upd)
        self.assertEqual(ana.last_status, 200)
        self.assertEqual(again, [], "a retried update was answered again")
        self.assertEqual(self.stored(upd["update_id"]), 1)
        self.assertEqual(self.stack.sql("SELECT user_id, updated_at, flood_hits FROM core.users WHERE user_id = %s", ana.user_id),
                         users_before)

    def test_concurrent_duplicates_are_handled_once(self):
        # the replies one handling of "/help" makes, from a user in the same state
        ref = new_chat(self.stack, "es")
        ref.say("/start")
        expected = len(ref.say("/help"))
        self.assertGreaterEqual(expected, 1)
        ana = new_chat(self.stack, "es")
        ana.say("/start")
        self.stack.standin.reset()
        upd = self.message_update(ana, "/help")
        body = json.dumps(upd).encode()
        results = []

        def post():
            results.append(self.stack.post(body))
        threads = [threading.Thread(target=post) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(sorted(s for s, _ in results), [200] * 8)
        in_bodies = sum(1 for _, b in results if b.strip() and json.loads(b).get("method"))
        time.sleep(0.5)
        sends = [c for c in self.stack.standin.calls() if c["params"].get("chat_id") == ana.chat_id]
        self.assertEqual(in_bodies + len(sends), expected, "8 concurrent copies were not answered exactly once")
        self.assertEqual(self.stored(upd["update_id"]), 1)

    # --- row 3: missing or wrong secret ---
    def refused(self, secret, marker):
        ana = new_chat(self.stack, "es")
        upd = self.message_update(ana, "/start " + marker)
        status, _ = self.stack.post(upd, secret=secret)
        self.assertIn(status, (401, 403))
        time.sleep(0.2)
        self.assertEqual(self.stored(upd["update_id"]), 0)
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.users WHERE user_id = %s", ana.user_id), [(0,)])
        self.assertEqual(self.stack.standin.calls(), [])
        self.assertNotIn(marker, self.fcgi_log())
        with open(os.path.join(self.stack.out, "nginx", "error.log"), errors="replace") as f:
            self.assertNotIn(marker, f.read())

    def test_missing_secret_is_refused(self):
        self.refused(None, "MARKERmissing1")

    def test_wrong_secret_is_refused(self):
        self.refused("not-the-secret", "MARKERwrong2")

    def test_secret_prefix_or_longer_is_refused(self):
        self.refused(self.stack.secret[:-1], "MARKERprefix3")
        self.refused(self.stack.secret + "x", "MARKERlonger4")
        self.refused("", "MARKERempty5")

    def test_logs_never_hold_the_token_the_secret_or_the_text(self):
        ana = new_chat(self.stack, "es")
        ana.say("texto secreto MARKERtext6 que no se registra")
        log = self.fcgi_log()
        self.assertNotIn("MARKERtext6", log)
        self.assertNotIn(self.stack.secret, log)
        self.assertNotIn(self.stack.token, log)

    # --- row 4: not POST ---
    def test_other_methods_get_405(self):
        ana = new_chat(self.stack, "es")
        for m in ("GET", "PUT", "DELETE", "PATCH", "HEAD"):
            upd = self.message_update(ana, "/start")
            status, _ = self.stack.post(upd if m not in ("GET", "HEAD") else None, method=m)
            self.assertEqual(status, 405, m)
            self.assertEqual(self.stored(upd["update_id"]), 0)

    # --- row 5: not JSON, or not an Update ---
    def test_not_json_or_not_an_update_gets_400(self):
        bad = [b"", b"hola", b"{", b'{"update_id": 1', b"[1, 2, 3]", b'"update"', b"null", b"42",
               b"{}", b'{"message": {"text": "hi"}}', b'{"update_id": "12"}', b'{"update_id": 1.5}',
               b'{"update_id": null}', b'{"update_id": 1} trailing', b"\xff\xfe\x00garbage"]
        for body in bad:
            status, _ = self.stack.post(body)
            self.assertEqual(status, 400, body[:40])
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.updates WHERE update_id IN (1, 12)"), [(0,)])
        self.assert_still_serving()

    def test_deeply_nested_json_gets_400_and_still_serves(self):
        for body in (b"[" * 10000 + b"]" * 10000,
                     b'{"a":' * 10000 + b"1" + b"}" * 10000,
                     b'{"update_id": 77, "x": ' + b"[" * 10000 + b"]" * 10000 + b"}",
                     b"[" * 100000):
            status, _ = self.stack.post(body)
            self.assertEqual(status, 400, body[:30])
        self.assertEqual(self.stored(77), 0)
        self.assert_still_serving()

    def test_fcgi_workers_survive_bad_bodies(self):
        before = set(self.stack.fcgi_pids())
        for _ in range(4):
            self.stack.post(b"[" * 10000)
            self.stack.post(b"\x00\x01not json")
        self.assert_still_serving()
        self.assertEqual(set(self.stack.fcgi_pids()), before, "a FastCGI worker died on a bad body")

    # --- row 6: body over 1 MiB ---
    def test_body_over_1_mib_gets_413(self):
        ana = new_chat(self.stack, "es")
        for size in (2 * 1024 * 1024, 1024 * 1024 + 1):
            upd = self.message_update(ana, "x")
            upd["message"]["text"] = "x" * size
            status, _ = self.stack.post(upd)
            self.assertEqual(status, 413, size)
            self.assertEqual(self.stored(upd["update_id"]), 0)
        self.assert_still_serving()

    def test_chunked_body_over_1_mib_gets_413(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.stack.port, timeout=30)
        chunk = b"[" * 65536
        conn.putrequest("POST", "/telegram/webhook")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("X-Telegram-Bot-Api-Secret-Token", self.stack.secret)
        conn.endheaders()
        try:
            for _ in range(40):  # 2.5 MiB
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            conn.send(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # nginx may answer and close before the end
        status = conn.getresponse().status
        conn.close()
        self.assertEqual(status, 413)
        self.assert_still_serving()

    def test_body_just_under_1_mib_is_served(self):
        ana = new_chat(self.stack, "es")
        upd = self.message_update(ana, "/start")
        upd["padding_ignored_field"] = "p" * 1000000
        self.assertLess(len(json.dumps(upd)), 1024 * 1024)
        replies = ana.send(upd)
        self.assertEqual(ana.last_status, 200)
        self.assertTrue(replies)
        self.assertEqual(self.stored(upd["update_id"]), 1)

    # --- row 7: database down ---
    def test_database_down_gets_503_then_recovers(self):
        ana = new_chat(self.stack, "es")
        ana.say("/start")
        pids = set(self.stack.fcgi_pids())
        upd = self.message_update(ana, "/help")
        self.stack.stop_postgres()
        try:
            for _ in range(3):  # every worker notices, none dies
                status, _ = self.stack.post(upd)
                self.assertEqual(status, 503)
            fresh = self.message_update(new_chat(self.stack), "/start")
            self.assertEqual(self.stack.post(fresh)[0], 503)
        finally:
            self.stack.start_postgres()
        self.assertEqual(set(self.stack.fcgi_pids()), pids, "a FastCGI worker died while the database was down")
        self.assertEqual(self.stored(upd["update_id"]), 0)
        self.stack.standin.reset()
        # Telegram retries the same update: now it is handled, once.
        replies = ana.send(upd)
        self.assertEqual(ana.last_status, 200)
        self.assertTrue(replies, "the retried update got no reply after the database came back")
        self.assertEqual(self.stored(upd["update_id"]), 1)
        # and every worker reconnected
        for _ in range(6):
            self.assert_still_serving()

    def test_database_restart_between_requests(self):
        self.assert_still_serving()
        self.stack.restart_postgres()
        # the first request after a restart may find a dead connection: it must reconnect, not fail
        for _ in range(4):
            self.assert_still_serving()

    # --- /start in the user's language ---
    def test_start_greets_in_spanish_and_english(self):
        es = new_chat(self.stack, "es", "Lucía")
        en = new_chat(self.stack, "en", "Lucy")
        r_es = es.say("/start")
        r_en = en.say("/start")
        t_es = " ".join(r["text"] or "" for r in r_es)
        t_en = " ".join(r["text"] or "" for r in r_en)
        self.assertTrue(t_es.strip())
        self.assertTrue(t_en.strip())
        self.assertNotEqual(t_es, t_en.replace("Lucy", "Lucía"))
        self.assertTrue(any(w in (" " + t_es.lower()) for w in ES_WORDS), "not Spanish: %r" % t_es)
        self.assertTrue(any(w in (" " + t_en.lower()) for w in EN_WORDS), "not English: %r" % t_en)
        self.assertEqual(self.stack.sql("SELECT lang FROM core.users WHERE user_id = %s", es.user_id), [("es",)])
        self.assertEqual(self.stack.sql("SELECT lang FROM core.users WHERE user_id = %s", en.user_id), [("en",)])

    def test_start_with_regional_or_unknown_language(self):
        gb = new_chat(self.stack, "en-GB")
        fr = new_chat(self.stack, "fr")  # not a catalog: MSB_LANG (es) in the stack
        self.assertTrue(gb.say("/start"))
        self.assertTrue(fr.say("/start"))
        self.assertEqual(self.stack.sql("SELECT lang FROM core.users WHERE user_id = %s", gb.user_id), [("en",)])
        self.assertEqual(self.stack.sql("SELECT lang FROM core.users WHERE user_id = %s", fr.user_id), [("es",)])


class CalendarRouteTest(S.StackTestCase):
    """The calendar location (CONTRACT.md section 4): 404 for anything but a valid token's feed."""

    def test_unknown_or_malformed_tokens_get_404(self):
        for path in ("/calendar/abcdefABCDEF012345_-.ics", "/calendar/x.ics", "/calendar/a.b.ics",
                     "/calendar/", "/calendar/abc.ics/x", "/calendar/abc", "/calendar/%2e%2e/etc.ics"):
            status, _, _ = self.stack.get(path)
            self.assertEqual(status, 404, path)

    def test_calendar_is_get_only(self):
        status, _ = self.stack.post(b"", path="/calendar/abc.ics")
        self.assertEqual(status, 405)

    def test_other_paths_get_404_and_nothing_is_stored(self):
        before = self.stack.sql("SELECT count(*) FROM core.updates")
        upd = {"update_id": S.next_update_id(), "message": {"message_id": 1, "date": 1, "text": "/start",
               "from": {"id": 7, "is_bot": False, "first_name": "X"}, "chat": {"id": 7, "type": "private"}}}
        for path in ("/telegram/webhook/", "/telegram/webhookx", "/telegram", "/"):
            status, _ = self.stack.post(upd, path=path)
            self.assertEqual(status, 404, path)
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.updates"), before)


if __name__ == "__main__":
    import unittest
    unittest.main()
