# test_deploy.py: docs/deploy.md rehearsed in a sandbox: `make install DESTDIR=`, the configuration
# file from the installed sample, `mystudentbot migrate` with MSB_CONFIG alone, the program under
# spawn-fcgi, the shipped nginx server block (nginx/mystudentbot.conf) with a self-signed
# certificate made by the doc's openssl line, curl --cacert --resolve as the doc shows, the
# optional allow-list, and the crontab's command line. PostgreSQL and the Bot API stand-in come
# from the module's stack. See LICENSE.
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import stack as S  # noqa: E402

PREFIX = "/usr/local"
HOST = "bot.example.org"


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


class DeployTest(S.StackTestCase):
    @classmethod
    def setUpClass(cls):
        st = S.current
        cls.st = st
        cls.dir = tempfile.mkdtemp(prefix="msb-deploy-")
        os.chmod(cls.dir, 0o755)
        cls.stage = os.path.join(cls.dir, "stage")
        cls.procs = []
        try:
            cls._install()
            cls._configure()
            cls._spawn_fcgi()
            cls._nginx()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for p in getattr(cls, "procs", []):
            S._stop_group(p)
        pidfile = os.path.join(cls.dir, "fcgi.pid")
        if os.path.exists(pidfile):
            try:
                with open(pidfile) as f:
                    pid = int(f.read())
                os.kill(pid, signal.SIGTERM)
                for _ in range(100):
                    os.kill(pid, 0)
                    time.sleep(0.05)
            except (OSError, ValueError):
                pass
        shutil.rmtree(cls.dir, ignore_errors=True)

    # --- docs/deploy.md step 2 ---
    @classmethod
    def _install(cls):
        r = run(["make", "-s", "-C", S.ROOT, "install", "DESTDIR=" + cls.stage, "PREFIX=" + PREFIX])
        if r.returncode != 0:
            raise AssertionError("make install failed: %s%s" % (r.stdout, r.stderr))
        cls.root = cls.stage + PREFIX
        cls.bin = os.path.join(cls.root, "bin")
        cls.share = os.path.join(cls.root, "share", "mystudentbot")

    # --- step 5: the configuration file from the sample; nothing in the environment ---
    @classmethod
    def _configure(cls):
        st = cls.st
        cls.conf = os.path.join(cls.root, "etc", "mystudentbot.conf")
        with open(os.path.join(cls.root, "etc", "mystudentbot.conf.sample")) as f:
            text = f.read()
        want = {"MSB_DATABASE_URL": st.dburl, "MSB_BOT_TOKEN": st.token, "MSB_WEBHOOK_SECRET": st.secret,
                "MSB_TELEGRAM_API": st.standin.url, "MSB_TZ": "Europe/Madrid", "MSB_LANG": "es"}
        for k, v in want.items():
            text, n = re.subn(r"(?m)^#? ?%s=.*$" % k, "%s=%s" % (k, v), text)
            if n == 0:
                text += "%s=%s\n" % (k, v)
        with open(cls.conf, "w") as f:
            f.write(text)
        os.chmod(cls.conf, 0o600)
        cls.env = {k: v for k, v in os.environ.items() if not k.startswith("MSB_")}
        cls.env["MSB_CONFIG"] = cls.conf

    # --- step 6b: spawn-fcgi ---
    @classmethod
    def _spawn_fcgi(cls):
        cls.sock = os.path.join(cls.dir, "fcgi.sock")
        cmd = ["spawn-fcgi", "-s", cls.sock, "-M", "0660", "-F", "1", "-P", os.path.join(cls.dir, "fcgi.pid"),
               "--", "/usr/bin/env", "MSB_CONFIG=" + cls.conf, os.path.join(cls.bin, "mystudentbot-fcgi"), "-w", "2"]
        r = run(cmd, env=cls.env)
        if r.returncode != 0:
            raise AssertionError("spawn-fcgi failed: %s%s" % (r.stdout, r.stderr))
        cls.spawn_out = r.stdout + r.stderr

    # --- steps 7 and 8: certificate and the shipped server block ---
    @classmethod
    def _nginx(cls, allow_list=False):
        cls.cert, cls.key = cls.st.make_certificate(cls.dir, cn=HOST) if not hasattr(cls, "cert") else (cls.cert, cls.key)
        ndir = os.path.join(cls.dir, "nginx")
        os.makedirs(os.path.join(ndir, "tmp"), exist_ok=True)
        shutil.copy("/etc/nginx/fastcgi_params", ndir)
        if not hasattr(cls, "port"):
            cls.port = S.free_port()
        with open(os.path.join(cls.share, "nginx", "mystudentbot.conf")) as f:
            site = f.read()
        site = site.replace("listen 443 ssl http2;", "listen 127.0.0.1:%d ssl http2;" % cls.port)
        site = re.sub(r"(?m)^\s*listen \[::\]:443.*$", "", site)
        site = re.sub(r"ssl_certificate\s+\S+;", "ssl_certificate %s;" % cls.cert, site)
        site = re.sub(r"ssl_certificate_key\s+\S+;", "ssl_certificate_key %s;" % cls.key, site)
        site = site.replace("unix:/run/mystudentbot/fcgi.sock", "unix:" + cls.sock)
        site = site.replace("/var/log/nginx/mystudentbot.access.log", os.path.join(ndir, "access.log"))
        if allow_list:
            for line in ("allow 149.154.160.0/20;", "allow 91.108.4.0/22;", "deny all;"):
                site = site.replace("#" + line, line)
        for needed in ("server_name %s;" % HOST, "ssl %s" % "http2", "unix:" + cls.sock):
            if needed not in site:
                raise AssertionError("nginx/mystudentbot.conf changed shape: %r not found" % needed)
        with open(os.path.join(ndir, "mystudentbot.conf"), "w") as f:
            f.write(site)
        user = "user %s;\n" % run(["id", "-un"]).stdout.strip() if os.getuid() == 0 else ""
        conf = ("%sworker_processes 1;\ndaemon off;\npid %s/nginx.pid;\nerror_log %s/error.log info;\n"
                "events { worker_connections 256; }\n"
                "http {\n access_log off;\n client_body_temp_path %s/tmp/body;\n fastcgi_temp_path %s/tmp/fcgi;\n"
                " proxy_temp_path %s/tmp/proxy;\n scgi_temp_path %s/tmp/scgi;\n uwsgi_temp_path %s/tmp/uwsgi;\n"
                " include mystudentbot.conf;\n}\n") % ((user,) + (ndir,) * 7)
        with open(os.path.join(ndir, "nginx.conf"), "w") as f:
            f.write(conf)
        t = run(["nginx", "-t", "-p", ndir, "-c", os.path.join(ndir, "nginx.conf"), "-e", os.path.join(ndir, "error.log")])
        if t.returncode != 0:
            raise AssertionError("nginx -t: %s" % t.stderr)
        if getattr(cls, "nginx", None) is not None:
            os.kill(cls.nginx.pid, signal.SIGHUP)
            time.sleep(0.5)
            return
        cls.nginx = subprocess.Popen(["nginx", "-p", ndir, "-c", os.path.join(ndir, "nginx.conf"),
                                      "-e", os.path.join(ndir, "error.log")],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        cls.procs.append(cls.nginx)
        deadline = time.time() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", cls.port), 0.2).close()
                break
            except OSError:
                if time.time() > deadline or cls.nginx.poll() is not None:
                    raise AssertionError("nginx did not start")
                time.sleep(0.05)

    def curl(self, update, secret=None, method="POST"):
        """The doc's curl line: --cacert the certificate, --resolve the name to loopback."""
        cmd = ["curl", "-sS", "--max-time", "30", "-o", "-", "-w", "\n%{http_code}",
               "--cacert", self.cert, "--resolve", "%s:%d:127.0.0.1" % (HOST, self.port),
               "-H", "X-Telegram-Bot-Api-Secret-Token: %s" % (secret or self.st.secret),
               "-H", "Content-Type: application/json", "-X", method]
        if update is not None:
            cmd += ["-d", json.dumps(update)]
        r = run(cmd + ["https://%s:%d/telegram/webhook" % (HOST, self.port)])
        self.assertEqual(r.returncode, 0, r.stderr)
        body, _, code = r.stdout.rpartition("\n")
        return int(code), body

    def start_update(self, user_id):
        return {"update_id": S.next_update_id(), "message": {
            "message_id": 1, "date": 0, "chat": {"id": user_id, "type": "private"},
            "from": {"id": user_id, "first_name": "Ana", "language_code": "es"}, "text": "/start"}}

    # 1. migrate, with nothing but MSB_CONFIG
    def test_1_migrate_with_the_config_file(self):
        r = run([os.path.join(self.bin, "mystudentbot"), "migrate"], env=self.env)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertNotIn(self.st.token, r.stdout + r.stderr)
        self.assertNotIn(self.st.secret, r.stdout + r.stderr)

    # 2. the webhook through the shipped server block, over TLS, as the doc's curl shows
    def test_2_https_webhook_answers_200_with_the_greeting(self):
        code, body = self.curl(self.start_update(42_000_001))
        self.assertEqual(code, 200, body)
        obj = json.loads(body)
        self.assertEqual((obj["method"], obj["chat_id"]), ("sendMessage", 42_000_001))
        self.assertIn("Ana", obj["text"])
        self.assertEqual(self.curl(self.start_update(42_000_002), secret="wrong")[0], 403)
        self.assertEqual(self.curl(None, method="GET")[0], 405)

    def test_3_spawn_fcgi_started_one_master_that_keeps_workers(self):
        with open(os.path.join(self.dir, "fcgi.pid")) as f:
            pid = int(f.read())
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            self.assertIn(b"mystudentbot-fcgi", f.read())
        kids = []
        for d in os.listdir("/proc"):
            try:
                with open("/proc/%s/stat" % d) as f:
                    if d.isdigit() and f.read().rsplit(")", 1)[1].split()[1] == str(pid):
                        kids.append(d)
            except OSError:
                pass
        self.assertEqual(len(kids), 2, "-w 2 under spawn-fcgi -F 1")

    # 3. the crontab line, run once as cron would (paths moved into the sandbox)
    def test_4_crontab_line_runs_the_reminders(self):
        with open(os.path.join(self.share, "cron", "crontab")) as f:
            lines = [l for l in f.read().splitlines() if l.strip() and not l.startswith("#")]
        env = dict(self.env)
        cmd = None
        for l in lines:
            m = re.match(r"^([A-Z_]+)=(.*)$", l)
            if m:
                env[m.group(1)] = m.group(2)
            else:
                fields = l.split(None, 5)
                self.assertEqual(fields[:5], ["*"] * 5, "not every minute: %r" % l)
                cmd = fields[5]
        self.assertIsNotNone(cmd)
        self.assertEqual(env.get("MSB_CONFIG"), PREFIX + "/etc/mystudentbot.conf")
        env["MSB_CONFIG"] = self.conf
        cmd = cmd.replace(PREFIX + "/bin/", self.bin + "/").replace("/tmp/mystudentbot-remind.lock",
                                                                      os.path.join(self.dir, "remind.lock"))
        r = run(["sh", "-c", cmd], env=env, timeout=90)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    # 4. the optional allow-list: loopback is not Telegram, so it gets 403 from nginx itself
    def test_5_allow_list_refuses_other_addresses(self):
        before = self.st.sql("SELECT count(*) FROM core.updates")[0][0]
        type(self)._nginx(allow_list=True)
        try:
            code, body = self.curl(self.start_update(42_000_003))
            self.assertEqual(code, 403)
            self.assertIn("nginx", body)  # refused by nginx, before the program
            self.assertEqual(self.st.sql("SELECT count(*) FROM core.updates")[0][0], before)
        finally:
            type(self)._nginx(allow_list=False)
        self.assertEqual(self.curl(self.start_update(42_000_004))[0], 200)


if __name__ == "__main__":
    import unittest
    unittest.main()
