# test_run_local.py: `make run` (scripts/run-local.sh) per CONTRACT.md section 1: it prints the
# webhook line, serves /start, and SIGINT/SIGTERM leave no process behind. See LICENSE.
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import stack as S  # noqa: E402

ROOT = S.ROOT


def descendants(pid):
    """pid and every process below it (by parent links)."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/stat" % d) as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def mentioning(text):
    """Processes whose command line contains text."""
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open("/proc/%s/cmdline" % d, "rb") as f:
                    if text.encode() in f.read():
                        out.append(int(d))
            except OSError:
                pass
    return out


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


class RunLocalTest(unittest.TestCase):
    def setUp(self):
        self.var = tempfile.mkdtemp(prefix="msb-rl-")
        os.chmod(self.var, 0o755)
        self.addCleanup(shutil.rmtree, self.var, True)
        self.out = os.path.join(ROOT, "tests", "out", "run_local")
        os.makedirs(self.out, exist_ok=True)

    def start(self, tag, **extra):
        port = S.free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MSB_")}
        env.update(MSB_RUN_DIR=self.var, MSB_HTTP_PORT=str(port),
                   MSB_BIN=os.environ.get("MSB_BIN", "bin"), **extra)
        self.errpath = os.path.join(self.out, tag + ".stderr")
        err = open(self.errpath, "w")
        p = subprocess.Popen(["sh", "scripts/run-local.sh"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=err, start_new_session=True)
        err.close()

        def kill_if_left():
            p.stdout.close()
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()
            for q in mentioning(self.var):
                os.kill(q, signal.SIGKILL)
        self.addCleanup(kill_if_left)
        line = p.stdout.readline().decode()
        if not line:
            p.wait(30)
        with open(self.errpath) as f:
            err_text = f.read()
        self.assertEqual(line, "webhook: http://127.0.0.1:%d/telegram/webhook\n" % port, "stderr: " + err_text[-2000:])
        return p, line.split()[1]

    def post(self, url, secret, text="/start"):
        upd = {"update_id": S.next_update_id(),
               "message": {"message_id": 1, "date": int(time.time()), "text": text,
                           "from": {"id": 4242, "is_bot": False, "first_name": "Ana", "language_code": "es"},
                           "chat": {"id": 4242, "type": "private", "first_name": "Ana"},
                           "entities": [{"offset": 0, "length": len(text), "type": "bot_command"}]}}
        req = urllib.request.Request(url, data=json.dumps(upd).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "X-Telegram-Bot-Api-Secret-Token": secret})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def greeting_seen(self, body):
        """The greeting, in the answer's body or as a call recorded by the local stand-in."""
        if body.strip():
            obj = json.loads(body)
            if obj.get("text"):
                return True
        with open(self.errpath) as f:
            api = [w for w in f.read().split() if w.startswith("http://127.0.0.1:") and "_control" not in w]
        self.assertTrue(api, "no stand-in URL on stderr")
        with urllib.request.urlopen(api[0].rstrip(",") + "/_control/calls", timeout=10) as r:
            calls = json.loads(r.read())["result"]
        return any(c["params"].get("chat_id") == 4242 and c["params"].get("text") for c in calls)

    def stop_and_check(self, p, how):
        procs = set(descendants(p.pid)) | set(mentioning(self.var))
        self.assertGreaterEqual(len(procs), 5, "expected PostgreSQL, fcgi, nginx, the stand-in, the reminders")
        if how == "INT":
            os.killpg(p.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
        else:
            p.send_signal(signal.SIGTERM)
        p.wait(60)
        self.assertEqual(p.stdout.read(), b"", "more than the one webhook line on stdout")
        deadline = time.time() + 10
        while time.time() < deadline and any(alive(q) for q in procs):
            time.sleep(0.1)
        left = [q for q in procs if alive(q)] + [q for q in mentioning(self.var) if alive(q)]
        self.assertEqual(left, [], "processes left behind after SIG%s" % how)

    def test_serves_and_stops_cleanly(self):
        p, url = self.start("first")
        with open(os.path.join(self.var, "secret")) as f:
            secret = f.read().strip()
        self.assertRegex(secret, r"^[A-Za-z0-9_-]{16,256}$")
        status, body = self.post(url, secret)
        self.assertEqual(status, 200)
        self.assertTrue(self.greeting_seen(body), "no greeting for /start")
        self.assertIn(self.post(url, "wrong")[0], (401, 403))
        self.stop_and_check(p, "TERM")
        # a second start reuses the cluster and the secret, and Ctrl-C stops it
        p, url = self.start("second")
        with open(os.path.join(self.var, "secret")) as f:
            self.assertEqual(f.read().strip(), secret)
        self.assertEqual(self.post(url, secret, "/help")[0], 200)
        self.stop_and_check(p, "INT")

    def standin(self):
        si = S.botapi_standin.StandIn().start()
        self.addCleanup(si.stop)
        return si

    def test_public_url_registers_the_webhook(self):
        si = self.standin()
        p, _ = self.start("public", MSB_BOT_TOKEN=si.token, MSB_TELEGRAM_API=si.url,
                          MSB_PUBLIC_URL="https://bot.example.org/")
        calls = si.wait_calls("setWebhook", 1, timeout=30)
        self.assertEqual(len(calls), 1, "no setWebhook")
        with open(os.path.join(self.var, "secret")) as f:
            secret = f.read().strip()
        params = calls[0]["params"]
        self.assertEqual(params.get("url"), "https://bot.example.org/telegram/webhook")
        self.assertEqual(params.get("secret_token"), secret)
        self.assertEqual(si.calls("getUpdates"), [])
        self.stop_and_check(p, "TERM")

    def test_token_without_public_url_polls(self):
        si = self.standin()
        si.queue_update({"update_id": 900001, "message": {
            "message_id": 1, "date": int(time.time()), "text": "/start",
            "from": {"id": 4343, "is_bot": False, "first_name": "Ana", "language_code": "en"},
            "chat": {"id": 4343, "type": "private", "first_name": "Ana"},
            "entities": [{"offset": 0, "length": 6, "type": "bot_command"}]}})
        p, _ = self.start("poll", MSB_BOT_TOKEN=si.token, MSB_TELEGRAM_API=si.url)
        deadline = time.time() + 30
        while time.time() < deadline and not [c for c in si.calls("sendMessage") if c["params"].get("chat_id") == 4343]:
            time.sleep(0.1)
        sent = [c for c in si.calls("sendMessage") if c["params"].get("chat_id") == 4343]
        self.assertEqual(len(sent), 1, "the polled /start was not answered exactly once")
        self.assertTrue(sent[0]["params"].get("text"))
        self.assertTrue(si.calls("getUpdates"))
        self.assertEqual(si.calls("setWebhook"), [])
        self.stop_and_check(p, "INT")


if __name__ == "__main__":
    unittest.main()
