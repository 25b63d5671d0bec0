# test_https.py: the webhook over HTTPS, as Telegram calls it: nginx with TLS 1.2+ on a self-signed
# certificate made by openssl in the test, verified with curl --cacert and Python's ssl; the same
# certificate uploaded with `mystudentbot webhook set URL --certificate`. See LICENSE.
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import stack as S  # noqa: E402


def setUpModule():
    S.up(__name__, tls=True)


def tearDownModule():
    S.down()


_users = iter(range(9_000_001, 9_500_000))


class HttpsTest(S.StackTestCase):
    def curl(self, update, *extra, secret=None):
        body = json.dumps(update)
        cmd = ["curl", "-sS", "-o", "-", "-w", "\n%{http_code}", "--max-time", "30",
               "-H", "Content-Type: application/json",
               "-H", "X-Telegram-Bot-Api-Secret-Token: %s" % (secret or self.stack.secret),
               "--data-binary", body, *extra, self.stack.webhook_url]
        r = subprocess.run(cmd, capture_output=True, text=True)
        out, _, code = r.stdout.rpartition("\n")
        return r.returncode, int(code or 0), out, r.stderr

    def test_curl_with_cacert_gets_200_and_the_reply(self):
        self.assertTrue(self.stack.webhook_url.startswith("https://"))
        ana = S.Chat(self.stack, next(_users), lang="es")
        upd = ana.update(message=ana.message("/start"))
        rc, code, body, err = self.curl(upd, "--cacert", self.stack.cert)
        self.assertEqual((rc, code), (0, 200), err)
        obj = json.loads(body)
        self.assertEqual(obj.get("method"), "sendMessage")
        self.assertEqual(int(obj["chat_id"]), ana.chat_id)
        self.assertIn("Ana", obj["text"])
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.updates WHERE update_id = %s",
                                        upd["update_id"]), [(1,)])

    def test_curl_refuses_an_unknown_certificate(self):
        ana = S.Chat(self.stack, next(_users))
        upd = ana.update(message=ana.message("/start"))
        rc, code, _, _ = self.curl(upd)  # the system CAs do not know a self-signed certificate
        self.assertEqual(rc, 60)
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.updates WHERE update_id = %s",
                                        upd["update_id"]), [(0,)])

    def test_tls_1_2_and_1_3_only(self):
        ana = S.Chat(self.stack, next(_users))
        for v in ("--tlsv1.2", "--tlsv1.3"):
            upd = ana.update(message=ana.message("/start"))
            rc, code, _, err = self.curl(upd, "--cacert", self.stack.cert, v, "--tls-max", v[6:])
            self.assertEqual((rc, code), (0, 200), "%s: %s" % (v, err))
        upd = ana.update(message=ana.message("/start"))
        rc, code, _, _ = self.curl(upd, "--cacert", self.stack.cert, "--tlsv1.0", "--tls-max", "1.1")
        self.assertNotEqual(rc, 0, "TLS 1.1 was accepted")

    def test_python_ssl_chat_and_wrong_secret(self):
        ana = S.Chat(self.stack, next(_users), lang="en")
        r = ana.say("/help")  # post() verifies against self.stack.cert (ssl cafile)
        self.assertEqual(ana.last_status, 200)
        self.assertTrue(r)
        upd = ana.update(message=ana.message("/start"))
        self.assertEqual(self.stack.post(upd, secret="nope")[0], 403)

    def test_plain_http_on_the_tls_port_is_not_served(self):
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.stack.port, timeout=10)
        conn.request("POST", "/telegram/webhook", body=b"{}", headers={
            "X-Telegram-Bot-Api-Secret-Token": self.stack.secret})
        self.assertEqual(conn.getresponse().status, 400)  # nginx: plain HTTP sent to HTTPS port
        conn.close()

    def test_webhook_set_uploads_the_certificate(self):
        url = self.stack.webhook_url
        rc, out, err = self.stack.cli("webhook", "set", url, "--certificate", self.stack.cert)
        self.assertEqual(rc, 0, out + err)
        calls = self.stack.standin.calls("setWebhook")
        self.assertEqual(len(calls), 1)
        c = calls[0]
        self.assertEqual(c["params"].get("url"), url)
        self.assertEqual(c["params"].get("secret_token"), self.stack.secret)
        self.assertIn("message", c["params"].get("allowed_updates"))
        with open(self.stack.cert, "rb") as f:
            self.assertEqual(c["files"]["certificate"]["bytes"], f.read())
        self.assertNotIn(self.stack.secret, out + err)


if __name__ == "__main__":
    import unittest
    unittest.main()
