# test_standin.py: the Bot API stand-in itself, since every other test believes it. See LICENSE.
import json
import os
import sys
import time
import unittest
import urllib.error
import urllib.request
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import botapi_standin as B  # noqa: E402


class StandInTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.s = B.StandIn().start()
        cls.api = "%s/bot%s/" % (cls.s.url, cls.s.token)

    @classmethod
    def tearDownClass(cls):
        cls.s.stop()

    def setUp(self):
        self.s.reset()

    def call(self, method, body=b"", ctype="application/json", base=None):
        if isinstance(body, dict):
            body = json.dumps(body).encode()
        req = urllib.request.Request((base or self.api) + method, data=body, headers={"Content-Type": ctype})
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def test_json_call_is_recorded_and_answered_with_a_message(self):
        st, ans = self.call("sendMessage", {"chat_id": 42, "text": "hola",
                                            "reply_markup": {"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}})
        self.assertEqual(st, 200)
        self.assertTrue(ans["ok"])
        self.assertEqual(ans["result"]["chat"]["id"], 42)
        self.assertIsInstance(ans["result"]["message_id"], int)
        (c,) = self.s.calls("sendMessage")
        self.assertTrue(c["token_ok"])
        self.assertEqual(c["params"]["text"], "hola")
        self.assertEqual(c["params"]["reply_markup"]["inline_keyboard"][0][0]["callback_data"], "a")

    def test_multipart_with_a_file(self):
        b = uuid.uuid4().hex
        png = b"\x89PNG\r\n\x1a\nbinary\x00\xff"
        body = (("--%s\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n42\r\n"
                 "--%s\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\n007\r\n"
                 "--%s\r\nContent-Disposition: form-data; name=\"reply_markup\"\r\n\r\n{\"inline_keyboard\":[]}\r\n"
                 "--%s\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"chart.png\"\r\n"
                 "Content-Type: image/png\r\n\r\n") % (b, b, b, b)).encode() + png + ("\r\n--%s--\r\n" % b).encode()
        st, ans = self.call("sendPhoto", body, "multipart/form-data; boundary=" + b)
        self.assertEqual(st, 200, ans)
        (c,) = self.s.calls("sendPhoto")
        self.assertEqual(c["params"]["chat_id"], 42)
        self.assertEqual(c["params"]["caption"], "007")  # captions stay strings
        self.assertEqual(c["params"]["reply_markup"], {"inline_keyboard": []})
        self.assertEqual(c["files"]["photo"], {"filename": "chart.png", "content_type": "image/png", "bytes": png})

    def test_wrong_token_is_401_and_recorded(self):
        st, ans = self.call("getMe", base="%s/bot1:wrong/" % self.s.url)
        self.assertEqual((st, ans["error_code"]), (401, 401))
        self.assertEqual([c["token_ok"] for c in self.s.calls()], [False])

    def test_fail_429_403_500_for_count_calls(self):
        self.s.fail("sendMessage", 429, count=2, retry_after=7)
        self.s.fail("sendPhoto", 403)
        self.s.fail("*", 500)
        for _ in range(2):
            st, ans = self.call("sendMessage", {"chat_id": 1, "text": "x"})
            self.assertEqual(st, 429)
            self.assertEqual(ans["parameters"]["retry_after"], 7)
        self.assertEqual(self.call("sendMessage", {"chat_id": 1, "text": "x"})[0], 500)  # the "*" rule
        self.assertEqual(self.call("sendMessage", {"chat_id": 1, "text": "x"})[0], 200)
        st, ans = self.call("sendPhoto", {"chat_id": 1, "photo": "id"})
        self.assertEqual((st, ans["description"]), (403, "Forbidden: bot was blocked by the user"))
        self.assertEqual([c["status"] for c in self.s.calls()], [429, 429, 500, 200, 403])

    def test_delay(self):
        self.s.delay("getMe", 0.4)
        t = time.time()
        self.call("getMe")
        self.assertGreaterEqual(time.time() - t, 0.4)
        t = time.time()
        self.call("getMe")
        self.assertLess(time.time() - t, 0.3)

    def test_get_file_and_download(self):
        self.s.add_file("F1", b"a;b\n1;2\n", "documents/x.csv")
        st, ans = self.call("getFile", {"file_id": "F1"})
        self.assertEqual((st, ans["result"]["file_path"]), (200, "documents/x.csv"))
        with urllib.request.urlopen("%s/file/bot%s/documents/x.csv" % (self.s.url, self.s.token)) as r:
            self.assertEqual(r.read(), b"a;b\n1;2\n")
        self.assertEqual(self.call("getFile", {"file_id": "nope"})[0], 400)

    def test_control_over_http(self):
        c = B.StandInClient(self.s.url)
        c.fail("sendMessage", 429, retry_after=3)
        c.add_file("F2", b"xyz", "documents/y.txt")
        self.assertEqual(self.call("sendMessage", {"chat_id": 5, "text": "t"})[0], 429)
        self.assertEqual(self.call("getFile", {"file_id": "F2"})[0], 200)
        calls = c.calls("sendMessage")
        self.assertEqual([(x["params"]["chat_id"], x["status"]) for x in calls], [(5, 429)])
        stats = c.stats()
        self.assertEqual(stats["calls"], 2)
        self.assertEqual(sum(stats["per_second"].values()), 2)
        c.reset()
        self.assertEqual(c.calls(), [])

    def test_urlencoded_and_query_string(self):
        self.call("answerCallbackQuery", b"callback_query_id=123&text=ok&show_alert=true",
                  "application/x-www-form-urlencoded")
        (c,) = self.s.calls("answerCallbackQuery")
        self.assertEqual(c["params"], {"callback_query_id": "123", "text": "ok", "show_alert": True})


if __name__ == "__main__":
    unittest.main()
