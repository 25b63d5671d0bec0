#!/usr/bin/python3
# botapi_standin.py: a local stand-in for the Telegram Bot API that records every call. See LICENSE.
#
# Bot API side (what the programs under test talk to, MSB_TELEGRAM_API=http://127.0.0.1:PORT):
#   POST|GET /bot<TOKEN>/<method>       JSON, multipart/form-data, urlencoded or query string
#   GET /file/bot<TOKEN>/<file_path>     bytes registered with add_file / POST /_control/file
# A wrong token answers 401 like Telegram (the call is still recorded, token_ok false).
#
# Control side (for tests; also usable with curl when run standalone):
#   GET  /_control/calls[?method=M&since=SEQ]   recorded calls, oldest first
#   POST /_control/reset                         forget calls, failures, delays, files, queued updates
#   POST /_control/fail   {"method","code","count","retry_after","description"}
#   POST /_control/delay  {"method","seconds","count"}
#   POST /_control/file   {"file_id","file_path","data_b64"}
#   POST /_control/update {...Update...}         queued for getUpdates (long polling)
#   GET  /_control/stats                         call timestamps for pacing checks
# "method" "*" matches every method; "count" 0 or negative means "until reset".
#
# Standalone:   /usr/bin/python3 tests/botapi_standin.py [--port N] [--token T]
# Imported:     s = StandIn(token).start(); s.url; s.calls("sendMessage"); s.fail(...); s.stop()
import argparse
import base64
import email.parser
import email.policy
import json
import sys
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEFAULT_TOKEN = "123456:TEST-token_for-the-standin"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "MyStudentBot", "username": "MyStudentBot"}

# Form values of these keys stay strings; the others are decoded as JSON when they parse
# (chat_id "42" -> 42, reply_markup "{...}" -> dict, disable_notification "true" -> True).
STRING_KEYS = {
    "text", "caption", "callback_query_id", "file_id", "secret_token", "url", "description",
    "short_description", "title", "name", "photo", "document", "audio", "video", "voice",
    "sticker", "animation", "thumbnail", "parse_mode", "language_code", "ip_address", "query",
    "inline_message_id", "message", "emoji", "action",
}

ERRORS = {
    400: "Bad Request: message text is empty",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    429: "Too Many Requests: retry after {retry_after}",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


def decode_value(key, value):
    if not isinstance(value, str) or key in STRING_KEYS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def parse_multipart(body, content_type):
    """Returns (params, files) of a multipart/form-data body."""
    head = ("MIME-Version: 1.0\r\nContent-Type: %s\r\n\r\n" % content_type).encode("latin-1")
    msg = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + body)
    params, files = {}, {}
    if not msg.is_multipart():
        raise ValueError("not multipart")
    for part in msg.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name is None:
            continue
        filename = part.get_filename()
        data = part.get_payload(decode=True) or b""
        if filename is not None:
            files[name] = {"filename": filename, "content_type": part.get_content_type(), "bytes": data}
        else:
            charset = part.get_content_charset() or "utf-8"
            params[name] = decode_value(name, data.decode(charset, "replace"))
    return params, files


class State:
    """Everything the stand-in remembers; all access under self.lock."""

    def __init__(self, token):
        self.token = token
        self.lock = threading.Lock()
        self.cond = threading.Condition(self.lock)
        self.reset_locked()

    def reset_locked(self):
        self.calls = []
        self.seq = 0
        self.fails = []      # [{"method", "code", "count", "retry_after", "description"}]
        self.delays = []     # [{"method", "seconds", "count"}]
        self.files = {}      # file_id -> {"file_path", "data"}
        self.updates = []    # queued for getUpdates
        self.next_message_id = 1000
        self.webhook = {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    @staticmethod
    def take(rules, method):
        """Consumes one use of the first rule matching method; returns it or None."""
        for r in rules:
            if r["method"] in (method, "*"):
                if r["count"] > 0:
                    r["count"] -= 1
                    if r["count"] == 0:
                        rules.remove(r)
                return dict(r)
        return None


class Handler(BaseHTTPRequestHandler):
    # An answer written in two pieces with Nagle on waits ~40 ms for the client's ACK.
    disable_nagle_algorithm = True
    protocol_version = "HTTP/1.1"
    server_version = "BotAPIStandIn/1.0"

    def log_message(self, fmt, *args):  # quiet: the record is the log
        pass

    @property
    def st(self):
        return self.server.state

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            out = b""
            while True:
                line = self.rfile.readline()
                n = int(line.split(b";")[0].strip() or b"0", 16)
                if n == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return out
                out += self.rfile.read(n)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def send(self, status, obj=None, body=None, ctype="application/json"):
        if body is None:
            body = json.dumps(obj).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a stopped poller, a killed worker)

    def do_GET(self):
        self.route(b"")

    def do_POST(self):
        self.route(self.read_body())

    def route(self, body):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        if path.startswith("/_control/"):
            return self.control(path[len("/_control/"):], url.query, body)
        if path.startswith("/file/bot"):
            return self.file(path[len("/file/bot"):])
        if path.startswith("/bot"):
            token, _, method = path[len("/bot"):].partition("/")
            if method:
                return self.api(token, method, url.query, body)
        self.send(404, {"ok": False, "error_code": 404, "description": "Not Found"})

    # --- the Bot API ---
    def api(self, token, method, query, body):
        ctype = self.headers.get("Content-Type", "")
        params, files = {}, {}
        try:
            for k, v in urllib.parse.parse_qsl(query, keep_blank_values=True):
                params[k] = decode_value(k, v)
            if ctype.startswith("application/json") and body:
                obj = json.loads(body)
                if not isinstance(obj, dict):
                    raise ValueError("JSON body is not an object")
                params.update({k: decode_value(k, v) if k in ("reply_markup", "entities") else v
                               for k, v in obj.items()})
            elif ctype.startswith("multipart/form-data"):
                p, files = parse_multipart(body, ctype)
                params.update(p)
            elif ctype.startswith("application/x-www-form-urlencoded") and body:
                for k, v in urllib.parse.parse_qsl(body.decode(), keep_blank_values=True):
                    params[k] = decode_value(k, v)
        except (ValueError, UnicodeDecodeError) as e:
            return self.send(400, {"ok": False, "error_code": 400,
                                   "description": "Bad Request: can't parse request body: %s" % e})
        st = self.st
        token_ok = token == st.token
        with st.lock:
            st.seq += 1
            call = {"seq": st.seq, "time": time.time(), "token_ok": token_ok, "method": method,
                    "params": params, "files": files, "content_type": ctype.split(";")[0],
                    "status": None}
            st.calls.append(call)
            st.cond.notify_all()
            delay = st.take(st.delays, method) if token_ok else None
            fail = st.take(st.fails, method) if token_ok else None
        if delay:
            time.sleep(delay["seconds"])
        if not token_ok:
            status, answer = 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        elif fail:
            status, answer = fail["code"], self.error(fail)
        else:
            status, answer = self.answer(method, params, files)
        call["status"] = status
        self.send(status, answer)

    @staticmethod
    def error(f):
        code = f["code"]
        ra = f.get("retry_after") or (5 if code == 429 else None)
        desc = f.get("description") or ERRORS.get(code, "Error").format(retry_after=ra)
        ans = {"ok": False, "error_code": code, "description": desc}
        if code == 429:
            ans["parameters"] = {"retry_after": ra}
        return ans

    def message(self, params, **extra):
        st = self.st
        with st.lock:
            st.next_message_id += 1
            mid = st.next_message_id
        chat_id = params.get("chat_id", 0)
        msg = {"message_id": mid, "from": BOT_USER, "date": int(time.time()),
               "chat": {"id": chat_id, "type": "private" if isinstance(chat_id, int) and chat_id > 0 else "group"}}
        msg.update(extra)
        return msg

    def answer(self, method, params, files):
        m = method.lower()
        st = self.st
        if m == "getme":
            return 200, {"ok": True, "result": BOT_USER}
        if m == "getfile":
            fid = params.get("file_id")
            with st.lock:
                f = st.files.get(fid)
            if f is None:
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}
            return 200, {"ok": True, "result": {"file_id": fid, "file_unique_id": "u" + str(fid)[:16],
                                                 "file_size": len(f["data"]), "file_path": f["file_path"]}}
        if m == "getupdates":
            return 200, {"ok": True, "result": self.updates(params)}
        if m == "setwebhook":
            with st.lock:
                st.webhook["url"] = params.get("url", "")
                for k in ("max_connections", "allowed_updates", "ip_address"):
                    if k in params:
                        st.webhook[k] = params[k]
            return 200, {"ok": True, "result": True, "description": "Webhook was set"}
        if m == "deletewebhook":
            with st.lock:
                st.webhook = {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
            return 200, {"ok": True, "result": True, "description": "Webhook was deleted"}
        if m == "getwebhookinfo":
            with st.lock:
                return 200, {"ok": True, "result": dict(st.webhook)}
        if m == "sendmediagroup":
            media = params.get("media") if isinstance(params.get("media"), list) else []
            return 200, {"ok": True, "result": [self.message(params) for _ in media or [0]]}
        if m.startswith("send") and m not in ("sendchataction",):
            extra = {}
            if "text" in params:
                extra["text"] = params["text"]
            if "caption" in params:
                extra["caption"] = params["caption"]
            if m == "sendphoto":
                extra["photo"] = [{"file_id": "AgAC-photo-%d" % st.seq, "file_unique_id": "p%d" % st.seq,
                                   "width": 800, "height": 600, "file_size": sum(len(f["bytes"]) for f in files.values())}]
            elif m == "senddocument":
                f = files.get("document") or {}
                extra["document"] = {"file_id": "BQAC-doc-%d" % st.seq, "file_unique_id": "d%d" % st.seq,
                                     "file_name": f.get("filename", "document"),
                                     "mime_type": f.get("content_type", "application/octet-stream"),
                                     "file_size": len(f.get("bytes", b""))}
            if "reply_markup" in params and isinstance(params["reply_markup"], dict) \
                    and "inline_keyboard" in params["reply_markup"]:
                extra["reply_markup"] = params["reply_markup"]
            return 200, {"ok": True, "result": self.message(params, **extra)}
        if m.startswith("edit"):
            if "inline_message_id" in params:
                return 200, {"ok": True, "result": True}
            msg = self.message(params, edit_date=int(time.time()))
            msg["message_id"] = params.get("message_id", msg["message_id"])
            if "text" in params:
                msg["text"] = params["text"]
            return 200, {"ok": True, "result": msg}
        return 200, {"ok": True, "result": True}

    def updates(self, params):
        st = self.st
        offset = params.get("offset", 0) or 0
        timeout = min(float(params.get("timeout", 0) or 0), 30.0)
        deadline = time.time() + timeout
        with st.cond:
            if offset:
                st.updates = [u for u in st.updates if u.get("update_id", 0) >= offset]
            while not st.updates and time.time() < deadline:
                st.cond.wait(deadline - time.time())
            return list(st.updates[: int(params.get("limit", 100) or 100)])

    def file(self, rest):
        token, _, fpath = rest.partition("/")
        st = self.st
        if token != st.token:
            return self.send(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        with st.lock:
            data = next((f["data"] for f in st.files.values() if f["file_path"] == fpath), None)
        if data is None:
            return self.send(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        self.send(200, body=data, ctype="application/octet-stream")

    # --- the control API ---
    def control(self, what, query, body):
        st = self.st
        q = dict(urllib.parse.parse_qsl(query))
        try:
            arg = json.loads(body) if body else {}
        except ValueError:
            return self.send(400, {"ok": False, "description": "control body must be JSON"})
        srv = self.server.standin
        if what == "calls":
            return self.send(200, {"ok": True, "result": jsonable(srv.calls(q.get("method"), int(q.get("since", 0))))})
        if what == "stats":
            return self.send(200, {"ok": True, "result": srv.stats()})
        if what == "health":
            return self.send(200, {"ok": True, "result": True})
        if self.command != "POST":
            return self.send(405, {"ok": False, "description": "POST it"})
        if what == "reset":
            srv.reset()
        elif what == "fail":
            srv.fail(arg.get("method", "*"), arg.get("code", 500), arg.get("count", 1),
                     arg.get("retry_after"), arg.get("description"))
        elif what == "delay":
            srv.delay(arg.get("method", "*"), arg.get("seconds", 1), arg.get("count", 1))
        elif what == "file":
            srv.add_file(arg["file_id"], base64.b64decode(arg.get("data_b64", "")), arg.get("file_path"))
        elif what == "update":
            srv.queue_update(arg)
        else:
            return self.send(404, {"ok": False, "description": "unknown control " + what})
        self.send(200, {"ok": True, "result": True})


def jsonable(calls):
    """Calls with file bytes as base64 (for the HTTP control API)."""
    out = []
    for c in calls:
        c = dict(c)
        c["files"] = {k: {"filename": f["filename"], "content_type": f["content_type"],
                          "data_b64": base64.b64encode(f["bytes"]).decode(), "size": len(f["bytes"])}
                      for k, f in c["files"].items()}
        out.append(c)
    return out


class StandIn:
    """The stand-in, in this process: start() serves from a daemon thread."""

    def __init__(self, token=DEFAULT_TOKEN, port=0, host="127.0.0.1"):
        self.state = State(token)
        self.token = token
        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.httpd.state = self.state
        self.httpd.standin = self
        self.port = self.httpd.server_address[1]
        self.url = "http://%s:%d" % (host, self.port)
        self.thread = None

    def start(self):
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="botapi-standin", daemon=True)
        self.thread.start()
        return self

    def stop(self):
        if self.thread:
            self.httpd.shutdown()
            self.thread.join(5)
            self.thread = None
        self.httpd.server_close()

    def calls(self, method=None, since=0):
        """Recorded calls (dicts: seq, time, token_ok, method, params, files, status), oldest first."""
        with self.state.lock:
            return [dict(c) for c in self.state.calls
                    if c["seq"] > since and (method is None or c["method"] == method)]

    def last_seq(self):
        with self.state.lock:
            return self.state.seq

    def wait_calls(self, method=None, n=1, timeout=5.0, since=0):
        """Waits until at least n calls (of method) after seq since; returns them."""
        deadline = time.time() + timeout
        with self.state.cond:
            while True:
                got = [dict(c) for c in self.state.calls
                       if c["seq"] > since and (method is None or c["method"] == method)]
                if len(got) >= n or time.time() >= deadline:
                    return got
                self.state.cond.wait(deadline - time.time())

    def reset(self):
        with self.state.lock:
            self.state.reset_locked()

    def fail(self, method="*", code=500, count=1, retry_after=None, description=None):
        with self.state.lock:
            self.state.fails.append({"method": method, "code": int(code), "count": int(count),
                                     "retry_after": retry_after, "description": description})

    def delay(self, method="*", seconds=1.0, count=1):
        with self.state.lock:
            self.state.delays.append({"method": method, "seconds": float(seconds), "count": int(count)})

    def add_file(self, file_id, data, file_path=None):
        if isinstance(data, str):
            data = data.encode()
        with self.state.lock:
            self.state.files[file_id] = {"file_path": file_path or "documents/file_%s" % file_id, "data": data}

    def queue_update(self, update):
        with self.state.cond:
            self.state.updates.append(update)
            self.state.cond.notify_all()

    def stats(self):
        """Calls (successful or not) as {t, method, chat_id, status}, plus counts per whole second."""
        with self.state.lock:
            times = [{"t": c["time"], "method": c["method"], "chat_id": c["params"].get("chat_id"),
                      "status": c["status"]} for c in self.state.calls]
        per_second = {}
        for t in times:
            k = str(int(t["t"]))
            per_second[k] = per_second.get(k, 0) + 1
        return {"calls": len(times), "times": times, "per_second": per_second,
                "max_per_second": max(per_second.values(), default=0)}


class StandInClient:
    """The same control calls, over HTTP, for a stand-in running in another process."""

    def __init__(self, url):
        self.url = url.rstrip("/")

    def _req(self, path, obj=None):
        data = None if obj is None else json.dumps(obj).encode()
        req = urllib.request.Request(self.url + "/_control/" + path, data=data,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            return json.loads(r.read())["result"]

    def calls(self, method=None, since=0):
        q = urllib.parse.urlencode({k: v for k, v in (("method", method), ("since", since)) if v})
        out = self._req("calls" + ("?" + q if q else ""))
        for c in out:
            for f in c["files"].values():
                f["bytes"] = base64.b64decode(f.pop("data_b64"))
        return out

    def reset(self):
        return self._req("reset", {})

    def fail(self, method="*", code=500, count=1, retry_after=None, description=None):
        return self._req("fail", {"method": method, "code": code, "count": count,
                                  "retry_after": retry_after, "description": description})

    def delay(self, method="*", seconds=1.0, count=1):
        return self._req("delay", {"method": method, "seconds": seconds, "count": count})

    def add_file(self, file_id, data, file_path=None):
        if isinstance(data, str):
            data = data.encode()
        return self._req("file", {"file_id": file_id, "file_path": file_path,
                                  "data_b64": base64.b64encode(data).decode()})

    def queue_update(self, update):
        return self._req("update", update)

    def stats(self):
        return self._req("stats")


def main():
    ap = argparse.ArgumentParser(description="Telegram Bot API stand-in")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--token", default=DEFAULT_TOKEN)
    args = ap.parse_args()
    s = StandIn(args.token, args.port, args.host)
    print(s.url, flush=True)
    try:
        s.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        s.httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
