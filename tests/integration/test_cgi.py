# test_cgi.py: the same mystudentbot-fcgi binary as plain CGI, under fcgiwrap (a host that offers
# only CGI): nginx -> fcgiwrap -> one mystudentbot-fcgi per request (FCGX_IsCGI). See LICENSE.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import stack as S  # noqa: E402


def setUpModule():
    S.up(__name__, cgi=True)


def tearDownModule():
    S.down()


_users = iter(range(8_000_001, 9_000_000))


class CgiTest(S.StackTestCase):
    def stored(self, update_id):
        return self.stack.sql("SELECT count(*) FROM core.updates WHERE update_id = %s", update_id)[0][0]

    def test_it_really_is_cgi(self):
        comms = set()
        for pid in self.stack.fcgi_pids():
            try:
                with open("/proc/%d/comm" % pid) as f:
                    comms.add(f.read().strip())
            except OSError:
                pass
        self.assertEqual(comms, {"fcgiwrap"}, "only fcgiwrap should be resident between requests")

    def test_start_gets_200_and_the_reply(self):
        ana = S.Chat(self.stack, next(_users), lang="es")
        replies = ana.say("/start")
        self.assertEqual(ana.last_status, 200)
        self.assertTrue(replies, "no reply, neither in the body nor through the Bot API")
        self.assertIn("Ana", replies[0]["text"])
        self.assertEqual(replies[0]["chat_id"], ana.chat_id)
        self.assertEqual(self.stored(ana.last_update_id), 1)
        self.assertEqual(self.stack.sql("SELECT lang FROM core.users WHERE user_id = %s", ana.user_id), [("es",)])

    def test_english_and_a_second_reply_through_the_bot_api(self):
        bob = S.Chat(self.stack, next(_users), lang="en", first_name="Bob")
        r = bob.say("/help")
        self.assertEqual(bob.last_status, 200)
        self.assertTrue(r and "understand" in r[0]["text"], r)

    def test_wrong_or_missing_secret_is_403_and_nothing_stored(self):
        ana = S.Chat(self.stack, next(_users))
        upd = ana.update(message=ana.message("/start"))
        for secret in ("wrong-secret", None, self.stack.secret + "x", ""):
            status, _ = self.stack.post(upd, secret=secret)
            self.assertEqual(status, 403, "secret %r" % secret)
        self.assertEqual(self.stored(upd["update_id"]), 0)
        self.assertEqual(self.stack.standin.calls(), [])

    def test_duplicate_and_bad_json(self):
        ana = S.Chat(self.stack, next(_users))
        upd = ana.update(message=ana.message("/start"))
        self.assertTrue(ana.send(upd))
        self.assertEqual(ana.send(upd), [])
        self.assertEqual(self.stored(upd["update_id"]), 1)
        self.assertEqual(self.stack.post(b"{not json")[0], 400)
        self.assertEqual(self.stack.post({"no_update_id": 1})[0], 400)


if __name__ == "__main__":
    import unittest
    unittest.main()
