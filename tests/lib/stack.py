# stack.py: starts the real stack for integration tests and drives it. See LICENSE.
#
# PostgreSQL (private cluster, unix socket, tests/lib/pg.sh) + the Bot API stand-in (a thread)
# + <bindir>/mystudentbot-fcgi -s SOCK -w 2 + nginx on a free loopback port (nginx/local.conf.in).
# <bindir> is $MSB_BIN (default bin/; tests/run.sh uses build/asan/bin).
# Stack(cgi=True): the same binary as plain CGI under fcgiwrap (nginx -> fcgiwrap -> one
# mystudentbot-fcgi process per request), its settings in an MSB_CONFIG file nginx passes.
# Stack(tls=True): nginx listens with TLS 1.2+ only, on a self-signed certificate made with openssl
# at start (self.cert, self.key; CN and subjectAltName 127.0.0.1); post()/Chat verify against it.
#
#   import stack as S
#   def setUpModule():    S.up(__name__)      # one stack per test module
#   def tearDownModule(): S.down()            # fails if a sanitizer complained in any log
#   class T(S.StackTestCase):                 # self.stack; the stand-in is reset before each test
#       def test_hi(self):
#           ana = S.Chat(self.stack, 1001, lang="es")
#           r = ana.say("/start")             # replies to Ana's chat made during that request
#           self.assertTrue(r[0]["text"])
#           self.assertEqual(self.stack.sql("SELECT lang FROM core.users WHERE user_id = %s", 1001), [("es",)])
#
# Standalone, for poking at it by hand: /usr/bin/python3 tests/lib/stack.py  (Ctrl-C stops all).
import atexit
import http.client
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
import botapi_standin  # noqa: E402

import psycopg2  # noqa: E402

PG_SH = os.path.join(HERE, "pg.sh")
GENCONF = os.path.join(ROOT, "nginx", "genconf.sh")
SANITIZER_MARKS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer")
DEFAULT_SECRET = "test-secret_0123456789"
_DEFAULT = object()   # "the stack's own secret" in post()
_live = []           # stacks not yet stopped, for atexit and signals
_update_ids = itertools.count(int(time.time()) % 100000 * 10000 + 1)


def next_update_id():
    return next(_update_ids)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _sh(*args, **kw):
    return subprocess.run(["sh", *args], check=True, capture_output=True, text=True, **kw)


class StackError(Exception):
    pass


class Stack:
    """The whole path of one update, started for real. Attributes: bindir, out (log dir),
    run (temp dir: pg data and sockets), dburl, env (what the programs get), url (nginx base),
    webhook_url, secret, token, standin (botapi_standin.StandIn)."""

    def __init__(self, name="stack", bindir=None, workers=2, env=None, secret=DEFAULT_SECRET,
                 token=botapi_standin.DEFAULT_TOKEN, wrapper=None, cgi=False, tls=False):
        self.name = name.replace(".", "_")
        b = bindir or os.environ.get("MSB_BIN") or "bin"
        self.bindir = b if os.path.isabs(b) else os.path.join(ROOT, b)
        self.workers = workers
        self.secret = secret
        self.token = token
        self.extra_env = dict(env or {})
        # a command the FastCGI program runs under, e.g. ["valgrind", "--leak-check=full", ...]
        self.wrapper = list(wrapper or os.environ.get("MSB_TEST_FCGI_WRAPPER", "").split())
        self.cgi = cgi
        self.tls = tls
        self.out = os.path.join(ROOT, "tests", "out", self.name)
        self.run = None
        self.standin = None
        self.fcgi = None
        self.nginx = None
        self._db = None
        self._pg_up = False
        self._lock = threading.Lock()

    # --- start and stop ---
    def start(self):
        t0 = time.time()
        _live.append(self)
        _install_signal_handlers()
        for p in ("mystudentbot-fcgi", "mystudentbot", "mystudentbot-remind"):
            if not os.access(os.path.join(self.bindir, p), os.X_OK):
                raise StackError("%s/%s missing: build it first (make / make asan)" % (self.bindir, p))
        shutil.rmtree(self.out, ignore_errors=True)
        os.makedirs(self.out)
        self.run = tempfile.mkdtemp(prefix="msb-")  # short: unix socket paths are limited to 107 bytes
        os.chmod(self.run, 0o755)
        self.pgdata = os.path.join(self.run, "pg")
        self.pgsock = os.path.join(self.run, "pgsock")
        self.pglog = os.path.join(self.run, "postgres.log")
        self.sock = os.path.join(self.run, "fcgi.sock")
        self.dburl = "host=%s dbname=mystudentbot" % self.pgsock
        try:
            self.start_postgres()
            _sh(PG_SH, "createdb", self.pgsock, "mystudentbot")
            self.standin = botapi_standin.StandIn(self.token).start()
            self.env = self._program_env()
            rc, out, err = self.cli("migrate")
            if rc != 0:
                raise StackError("mystudentbot migrate failed (%d): %s%s" % (rc, out, err))
            self.start_fcgi()
            self.start_nginx()
        except BaseException:
            self.stop(check=False)
            raise
        self.started_in = time.time() - t0
        return self

    def _program_env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("MSB_")}
        env.update({
            "MSB_DATABASE_URL": self.dburl,
            "MSB_BOT_TOKEN": self.token,
            "MSB_WEBHOOK_SECRET": self.secret,
            "MSB_TELEGRAM_API": self.standin.url,
            "MSB_TZ": "Europe/Madrid",
            "MSB_LANG": "es",
            "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0"),
            "UBSAN_OPTIONS": os.environ.get("UBSAN_OPTIONS", "print_stacktrace=1"),
        })
        env.update(self.extra_env)
        return env

    def start_postgres(self):
        _sh(PG_SH, "start", self.pgdata, self.pgsock, self.pglog)
        self._pg_up = True

    def stop_postgres(self):
        self._close_db()
        _sh(PG_SH, "stop", self.pgdata)
        self._pg_up = False

    def restart_postgres(self):
        self.stop_postgres()
        self.start_postgres()

    def start_fcgi(self):
        if os.path.exists(self.sock):
            os.unlink(self.sock)
        log = open(os.path.join(self.out, "fcgi.log"), "ab")
        prog = os.path.join(self.bindir, "mystudentbot-fcgi")
        if self.cgi:
            # fcgiwrap runs the program once per request as CGI (FCGX_IsCGI); -p allows no other.
            # The CGI gets only what nginx passes, so the settings travel in an MSB_CONFIG file.
            self.cgi_config = os.path.join(self.run, "cgi.conf")
            with open(self.cgi_config, "w") as f:
                os.fchmod(f.fileno(), 0o600)
                for k, v in sorted(self.env.items()):
                    if k.startswith("MSB_"):
                        f.write("%s=%s\n" % (k, v))
            cmd = ["fcgiwrap", "-c", str(self.workers), "-s", "unix:" + self.sock, "-p", prog]
        else:
            cmd = self.wrapper + [prog, "-s", self.sock, "-w", str(self.workers)]
        self.fcgi = subprocess.Popen(cmd, env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                     start_new_session=True)
        log.close()
        deadline = time.time() + (120 if self.wrapper else 15)
        while not os.path.exists(self.sock):
            if self.fcgi.poll() is not None:
                raise StackError("mystudentbot-fcgi exited with %s; see %s/fcgi.log" % (self.fcgi.returncode, self.out))
            if time.time() > deadline:
                raise StackError("mystudentbot-fcgi made no socket in time; see %s/fcgi.log" % self.out)
            time.sleep(0.02)

    def stop_fcgi(self):
        if self.fcgi is not None:
            _stop_group(self.fcgi, grace=60 if self.wrapper else 10)
            self.fcgi = None

    def restart_fcgi(self):
        self.stop_fcgi()
        self.start_fcgi()

    def fcgi_pids(self):
        """The FastCGI master and its workers (the process group), master first."""
        if self.fcgi is None:
            return []
        pids = [self.fcgi.pid]
        for d in os.listdir("/proc"):
            if d.isdigit() and int(d) != self.fcgi.pid:
                try:
                    if os.getpgid(int(d)) == self.fcgi.pid:
                        pids.append(int(d))
                except OSError:
                    pass
        return pids

    def start_nginx(self):
        self.port = free_port()
        ndir = os.path.join(self.out, "nginx")
        _sh(GENCONF, ndir, str(self.port), self.sock)
        if self.cgi:
            self._cgi_nginx_conf(os.path.join(ndir, "nginx.conf"))
        if self.tls:
            self._tls_nginx_conf(os.path.join(ndir, "nginx.conf"))
        with open(os.path.join(ndir, "stderr.log"), "ab") as err:
            self.nginx = subprocess.Popen(
                ["nginx", "-p", ndir, "-c", os.path.join(ndir, "nginx.conf"), "-e", os.path.join(ndir, "error.log")],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        self.url = "%s://127.0.0.1:%d" % ("https" if self.tls else "http", self.port)
        self.webhook_url = self.url + "/telegram/webhook"
        deadline = time.time() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                break
            except OSError:
                if self.nginx.poll() is not None or time.time() > deadline:
                    raise StackError("nginx did not start; see %s" % ndir)
                time.sleep(0.02)

    def _cgi_nginx_conf(self, conf):
        """The generated config, with what fcgiwrap needs in every FastCGI location: the script to
        run (SCRIPT_FILENAME) and the settings file for it."""
        prog = os.path.join(self.bindir, "mystudentbot-fcgi")
        with open(conf) as f:
            text = f.read()
        inc = "include /etc/nginx/fastcgi_params;"
        extra = "%s\n\t\t\tfastcgi_param SCRIPT_FILENAME %s;\n\t\t\tfastcgi_param MSB_CONFIG %s;" % (
            inc, prog, self.cgi_config)
        if inc not in text:
            raise StackError("nginx/local.conf.in no longer has %r: update Stack._cgi_nginx_conf" % inc)
        with open(conf, "w") as f:
            f.write(text.replace(inc, extra))

    def make_certificate(self, directory, cn="127.0.0.1"):
        """A self-signed certificate as an operator makes one for setWebhook (docs/deploy.md):
        returns (cert.pem, key.pem) paths."""
        cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-sha256", "-nodes", "-days", "2",
                        "-keyout", key, "-out", cert, "-subj", "/CN=%s" % cn,
                        "-addext", "subjectAltName=%s:%s" % ("IP" if re.match(r"^[0-9.]+$", cn) else "DNS", cn)],
                       check=True, capture_output=True)
        return cert, key

    def _tls_nginx_conf(self, conf):
        """The generated config, listening with TLS (as nginx/mystudentbot.conf does on 443/8443)."""
        self.cert, self.key = self.make_certificate(self.run)
        with open(conf) as f:
            text = f.read()
        listen = "listen 127.0.0.1:%d;" % self.port
        if listen not in text:
            raise StackError("nginx/local.conf.in no longer has %r: update Stack._tls_nginx_conf" % listen)
        text = text.replace(listen, "listen 127.0.0.1:%d ssl;\n\t\tssl_certificate %s;\n\t\tssl_certificate_key %s;"
                            "\n\t\tssl_protocols TLSv1.2 TLSv1.3;" % (self.port, self.cert, self.key))
        with open(conf, "w") as f:
            f.write(text)

    def ssl_context(self):
        """Verifies nginx's certificate as Telegram would: only against the uploaded one."""
        import ssl
        return ssl.create_default_context(cafile=self.cert)

    def stop(self, check=True):
        """Stops everything; with check, raises if a sanitizer wrote to any log."""
        with self._lock:
            self._close_db()
            if self.nginx is not None:
                _stop_group(self.nginx)
                self.nginx = None
            self.stop_fcgi()
            if self.standin is not None:
                self.standin.stop()
            if self.run is not None:
                try:
                    _sh(PG_SH, "stop", self.pgdata)
                except subprocess.CalledProcessError:
                    pass
                if os.path.exists(self.pglog):
                    shutil.copy(self.pglog, os.path.join(self.out, "postgres.log"))
                shutil.rmtree(self.run, ignore_errors=True)
                self.run = None
            if self in _live:
                _live.remove(self)
        if check:
            bad = self.sanitizer_reports()
            if bad:
                raise AssertionError("sanitizer reports in %s:\n%s" % (self.out, "\n".join(bad)))

    def sanitizer_reports(self):
        out = []
        for f in ("fcgi.log", "programs.log"):
            p = os.path.join(self.out, f)
            if os.path.exists(p):
                with open(p, errors="replace") as fh:
                    for line in fh:
                        if any(m in line for m in SANITIZER_MARKS):
                            out.append("%s: %s" % (f, line.rstrip()))
        return out

    # --- helpers for tests ---
    def _close_db(self):
        if self._db is not None:
            try:
                self._db.close()
            except Exception:
                pass
            self._db = None

    def sql(self, query, *params):
        """Runs one statement (autocommit); returns its rows as tuples ([] when none)."""
        for attempt in (0, 1):
            try:
                if self._db is None or self._db.closed:
                    self._db = psycopg2.connect(self.dburl)
                    self._db.autocommit = True
                with self._db.cursor() as cur:
                    cur.execute(query, params or None)
                    return cur.fetchall() if cur.description else []
            except (psycopg2.OperationalError, psycopg2.InterfaceError):
                self._close_db()
                if attempt:
                    raise

    def post(self, body, secret=_DEFAULT, method="POST", headers=None, path="/telegram/webhook",
             timeout=60):
        """Sends body (bytes, str or a dict/list as JSON) through nginx. secret=None sends no
        secret header; the default is the stack's secret. Returns (status, body bytes)."""
        status, _, data = self.request(body, secret, method, headers, path, timeout)
        return status, data

    def request(self, body=None, secret=_DEFAULT, method="POST", headers=None, path="/telegram/webhook",
                timeout=60):
        """Like post, but returns (status, headers dict lowercased, body bytes)."""
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        h = {"Content-Type": "application/json"} if body is not None else {}
        if secret is _DEFAULT:
            secret = self.secret
        if secret is not None:
            h["X-Telegram-Bot-Api-Secret-Token"] = secret
        h.update(headers or {})
        if self.tls:
            conn = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=timeout, context=self.ssl_context())
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()

    def get(self, path, headers=None):
        """GET through nginx: (status, headers, body)."""
        return self.request(None, secret=None, method="GET", headers=headers, path=path)

    def _program(self, prog, args, env=None, input=None, timeout=120):
        e = dict(self.env)
        e.update(env or {})
        r = subprocess.run([os.path.join(self.bindir, prog), *map(str, args)], env=e, input=input,
                           capture_output=True, text=True, timeout=timeout)
        with open(os.path.join(self.out, "programs.log"), "a") as log:
            log.write("$ %s %s -> %d\n%s%s" % (prog, " ".join(map(str, args)), r.returncode, r.stdout, r.stderr))
        return r.returncode, r.stdout, r.stderr

    def run_remind(self, *args, env=None, timeout=120):
        """Runs <bindir>/mystudentbot-remind ARGS with the stack's env: (rc, stdout, stderr)."""
        return self._program("mystudentbot-remind", args, env, None, timeout)

    def cli(self, *args, env=None, input=None, timeout=120):
        """Runs <bindir>/mystudentbot ARGS with the stack's env: (rc, stdout, stderr)."""
        return self._program("mystudentbot", args, env, input, timeout)


def _stop_group(p, grace=10):
    """SIGTERM to the process group of p, SIGKILL after grace seconds; waits for it."""
    try:
        os.killpg(p.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        p.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait(5)
    # workers left in the group after the master went away
    deadline = time.time() + grace
    while time.time() < deadline:
        try:
            os.killpg(p.pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def stop_all():
    for s in list(_live):
        try:
            s.stop(check=False)
        except Exception as e:  # keep stopping the others
            print("stack: stopping %s: %s" % (s.name, e), file=sys.stderr)


atexit.register(stop_all)
_handlers_installed = False


def _install_signal_handlers():
    global _handlers_installed
    if _handlers_installed or threading.current_thread() is not threading.main_thread():
        return
    _handlers_installed = True

    def on_signal(sig, frame):
        stop_all()
        signal.signal(sig, signal.SIG_DFL)
        os.kill(os.getpid(), sig)
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    # SIGINT raises KeyboardInterrupt; atexit stops the stacks then.


# --- one stack per test module ---
current = None


def up(name="stack", **kw):
    """Starts the module's stack (setUpModule)."""
    global current
    current = Stack(name, **kw).start()
    return current


def down():
    """Stops it (tearDownModule); raises on sanitizer reports."""
    global current
    s, current = current, None
    if s is not None:
        s.stop()


class StackTestCase(unittest.TestCase):
    """self.stack is the module's stack; the stand-in starts each test empty."""

    def setUp(self):
        if current is None:
            raise StackError("no stack: call stack.up() in setUpModule")
        self.stack = current
        self.stack.standin.reset()


# --- a user talking to the bot ---
def _decode(v):
    if isinstance(v, str) and v[:1] in "{[":
        try:
            return json.loads(v)
        except ValueError:
            pass
    return v


def buttons(reply):
    """[(text, callback_data or url)] of an inline keyboard: reply is a reply dict or a reply_markup."""
    rm = reply.get("reply_markup", reply) if isinstance(reply, dict) else None
    rm = _decode(rm)
    if not isinstance(rm, dict):
        return []
    out = []
    for row in rm.get("inline_keyboard", []):
        for b in row:
            out.append((b.get("text"), b.get("callback_data", b.get("url"))))
    return out


class Chat:
    """A private chat of user_id with the bot. say/press/send_document post a real Update through
    nginx and return the replies to this chat made while it was handled: the method in the HTTP
    response body first (if any), then the stand-in's calls. Each reply is a dict: method, chat_id,
    text (text or caption), reply_markup (decoded), files, params (all of them), via ("body"/"api")."""

    def __init__(self, stack, user_id, lang="es", first_name="Ana", chat_id=None, username=None,
                 settle=float(os.environ.get("MSB_TEST_SETTLE", "0.05"))):
        self.stack = stack
        self.user_id = int(user_id)
        self.chat_id = int(chat_id if chat_id is not None else user_id)
        self.lang = lang
        self.first_name = first_name
        self.username = username
        self.settle = settle
        self.last_update_id = None
        self.last_status = None
        self.last_body = None
        self._message_ids = itertools.count(1)

    def sender(self):
        u = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        if self.username:
            u["username"] = self.username
        if self.lang:
            u["language_code"] = self.lang
        return u

    def chat(self):
        return {"id": self.chat_id, "first_name": self.first_name, "type": "private"}

    def message(self, text=None, **extra):
        m = {"message_id": next(self._message_ids), "from": self.sender(), "chat": self.chat(),
             "date": int(time.time())}
        if text is not None:
            m["text"] = text
            if text.startswith("/"):
                m["entities"] = [{"offset": 0, "length": len(text.split()[0]), "type": "bot_command"}]
        m.update(extra)
        return m

    def update(self, **payload):
        """A fresh Update dict with the next update_id and payload (message=..., ...)."""
        u = {"update_id": next_update_id()}
        u.update(payload)
        return u

    def send(self, update, expect=200):
        """Posts an Update dict; returns the replies to this chat."""
        st = self.stack
        self.last_update_id = update.get("update_id")
        since = st.standin.last_seq()
        status, body = st.post(update)
        self.last_status, self.last_body = status, body
        if expect is not None and status != expect:
            raise AssertionError("update %s: HTTP %d, expected %d; body %r" % (
                self.last_update_id, status, expect, body[:300]))
        replies = []
        if status == 200 and body.strip():
            try:
                obj = json.loads(body)
            except ValueError:
                raise AssertionError("update %s: 200 with a body that is not JSON: %r" % (
                    self.last_update_id, body[:300]))
            if isinstance(obj, dict) and obj.get("method"):
                replies.append(self._reply(obj["method"], obj, {}, "body"))
        replies.extend(self._api_replies(since, update))
        return replies

    def _api_replies(self, since, update):
        """The stand-in calls since seq, once they stopped coming for self.settle seconds."""
        si = self.stack.standin
        last, quiet_since, deadline = si.last_seq(), time.time(), time.time() + 5
        while time.time() < deadline:
            time.sleep(0.02)
            now = si.last_seq()
            busy = any(c["status"] is None for c in si.calls(since=since))
            if now != last or busy:
                last, quiet_since = now, time.time()
            elif time.time() - quiet_since >= self.settle:
                break
        cq = update.get("callback_query", {}).get("id")
        out = []
        for c in si.calls(since=since):
            p = c["params"]
            if p.get("chat_id") == self.chat_id or (cq is not None and p.get("callback_query_id") == cq):
                out.append(self._reply(c["method"], p, c["files"], "api", c))
        return out

    def _reply(self, method, params, files, via, call=None):
        text = params.get("text", params.get("caption"))
        return {"method": method, "chat_id": _int_or(params.get("chat_id")), "text": text,
                "reply_markup": _decode(params.get("reply_markup")), "files": files, "params": params,
                "via": via, "status": call["status"] if call else None}

    def say(self, text, expect=200, **extra):
        """A text message from this user; returns the replies."""
        return self.send(self.update(message=self.message(text, **extra)), expect)

    def press(self, callback_data, message_id=None, expect=200, message_text="…"):
        """Presses an inline button (a callback_query on message_id); returns the replies."""
        mid = message_id if message_id is not None else 1
        cq = {"id": "cq%d" % next_update_id(), "from": self.sender(), "chat_instance": "ci%d" % self.chat_id,
              "data": callback_data,
              "message": {"message_id": mid, "from": botapi_standin.BOT_USER, "chat": self.chat(),
                          "date": int(time.time()), "text": message_text}}
        return self.send(self.update(callback_query=cq), expect)

    def send_document(self, file_name, data, mime, caption=None, expect=200):
        """Registers the file in the stand-in, then sends a message with that document."""
        if isinstance(data, str):
            data = data.encode()
        fid = "BQACAgQAAxkBAAI%d" % next_update_id()
        self.stack.standin.add_file(fid, data, "documents/" + file_name)
        doc = {"file_name": file_name, "mime_type": mime, "file_id": fid, "file_unique_id": "U" + fid[-10:],
               "file_size": len(data)}
        extra = {"document": doc}
        if caption is not None:
            extra["caption"] = caption
        return self.send(self.update(message=self.message(None, **extra)), expect)

    def member(self, status="kicked", expect=200):
        """A my_chat_member update: the user blocked ("kicked") or unblocked ("member") the bot."""
        old = "member" if status == "kicked" else "kicked"
        mcm = {"chat": self.chat(), "from": self.sender(), "date": int(time.time()),
               "old_chat_member": {"user": botapi_standin.BOT_USER, "status": old},
               "new_chat_member": {"user": botapi_standin.BOT_USER, "status": status}}
        return self.send(self.update(my_chat_member=mcm), expect)


def _int_or(v):
    try:
        return int(v)
    except (TypeError, ValueError):
        return v


def main():
    import argparse
    import shlex
    ap = argparse.ArgumentParser(description="the MyStudentBot stack, until SIGINT/SIGTERM")
    ap.add_argument("--name", default=os.environ.get("MSB_STACK_NAME", "manual"))
    ap.add_argument("--workers", type=int, default=2, help="mystudentbot-fcgi -w")
    ap.add_argument("--env-file", help="write KEY='value' lines (sh) here once the stack is up")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="extra env for the programs")
    ap.add_argument("--cgi", action="store_true", help="mystudentbot-fcgi as plain CGI under fcgiwrap")
    ap.add_argument("--tls", action="store_true", help="nginx with TLS on a self-signed certificate")
    args = ap.parse_args()
    extra = dict(kv.split("=", 1) for kv in args.set)
    s = Stack(args.name, workers=args.workers, env=extra, cgi=args.cgi, tls=args.tls).start()
    info = {"MSB_DATABASE_URL": s.dburl, "MSB_WEBHOOK_SECRET": s.secret, "MSB_BOT_TOKEN": s.token,
            "MSB_TELEGRAM_API": s.standin.url, "STACK_URL": s.url, "STACK_WEBHOOK_URL": s.webhook_url,
            "STACK_PGSOCK": s.pgsock, "STACK_FCGI_PID": str(s.fcgi.pid), "STACK_OUT": s.out,
            "STACK_PID": str(os.getpid())}
    if args.env_file:
        with open(args.env_file + ".tmp", "w") as f:
            for k, v in info.items():
                f.write("%s=%s\n" % (k, shlex.quote(v)))
        os.rename(args.env_file + ".tmp", args.env_file)
    print("stack up in %.1fs" % s.started_in)
    print("webhook:   %s   (secret %s)" % (s.webhook_url, s.secret))
    print("stand-in:  %s   (token %s)" % (s.standin.url, s.token))
    print("database:  psql '%s'" % s.dburl)
    print("logs:      %s" % s.out)
    print("Ctrl-C stops everything.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    s.stop()


if __name__ == "__main__":
    main()
