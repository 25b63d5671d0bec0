# test_make_run.py: `make run`'s stack (scripts/run-local.sh) comes up, answers, and leaves nothing behind. See LICENSE.
import http.client
import json
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

import stack as S

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def processes_mentioning(text):
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % d, "rb") as f:
                if text.encode() in f.read():
                    found.append(int(d))
        except OSError:
            pass
    return found


class MakeRun(unittest.TestCase):
    def test_up_answers_and_stops_clean(self):
        rundir = tempfile.mkdtemp(prefix="msb-run-")
        os.chmod(rundir, 0o755)  # PostgreSQL runs as its own user when we are root
        port = S.free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MSB_")}
        env.update({"MSB_RUN_DIR": rundir, "MSB_HTTP_PORT": str(port), "MSB_FCGI_WORKERS": "2"})
        p = subprocess.Popen(["sh", "scripts/run-local.sh"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            line = b""
            deadline = time.time() + 90
            while not line.startswith(b"webhook:") and time.time() < deadline:
                r, _, _ = select.select([p.stdout], [], [], 1)
                if r:
                    line = p.stdout.readline()
                    if not line:
                        break
            self.assertEqual(line.decode().strip(), "webhook: http://127.0.0.1:%d/telegram/webhook" % port,
                             p.stderr.read1(4096) if p.poll() is not None else "")
            with open(os.path.join(rundir, "secret")) as f:
                secret = f.read().strip()
            upd = {"update_id": 77001, "message": {"message_id": 1, "date": 0,
                   "chat": {"id": 77001, "type": "private"},
                   "from": {"id": 77001, "first_name": "Ana", "language_code": "en"}, "text": "/start"}}
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("POST", "/telegram/webhook", json.dumps(upd),
                         {"X-Telegram-Bot-Api-Secret-Token": secret, "Content-Type": "application/json"})
            r = conn.getresponse()
            body = json.loads(r.read())
            self.assertEqual(r.status, 200)
            self.assertEqual(body["method"], "sendMessage")
            self.assertIn("Hi, Ana", body["text"])
        finally:
            os.kill(p.pid, signal.SIGINT)
            p.wait(timeout=60)
        time.sleep(0.5)
        self.assertEqual(processes_mentioning(rundir), [], "processes left behind")
        shutil.rmtree(rundir, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
