# test_nginx_prod.py: the production server block (nginx/mystudentbot.conf) behaves like the local
# one: it is run here without TLS, on a loopback port, in front of the test stack's FastCGI
# program, and answers the rows of CONTRACT.md section 4 that nginx decides. See LICENSE.
import os
import pwd
import re
import signal
import socket
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import stack as S  # noqa: E402

proc = None
port = None


def setUpModule():
    global proc, port
    st = S.up(__name__)
    d = os.path.join(st.out, "nginx-prod")
    os.makedirs(os.path.join(d, "tmp"), exist_ok=True)
    with open(os.path.join(S.ROOT, "nginx", "mystudentbot.conf")) as f:
        conf = f.read()
    port = S.free_port()
    conf = re.sub(r"^\s*listen .*;.*$", "", conf, flags=re.M)
    conf = re.sub(r"^\s*ssl_.*;.*$", "", conf, flags=re.M)
    conf = conf.replace("server {", "server {\n\tlisten 127.0.0.1:%d;" % port, 1)
    conf = conf.replace("unix:/run/mystudentbot/fcgi.sock", "unix:" + st.sock)
    conf = conf.replace("/var/log/nginx/mystudentbot.access.log", os.path.join(d, "access.log"))
    conf = conf.replace("include fastcgi_params;", "include /etc/nginx/fastcgi_params;")
    with open(os.path.join(d, "site.conf"), "w") as f:
        f.write(conf)
    with open(os.path.join(d, "nginx.conf"), "w") as f:
        # workers as the current user (under root nginx would pick "nobody", who cannot reach the socket)
        f.write("user %s;\n" % pwd.getpwuid(os.getuid()).pw_name)
        f.write("daemon off;\npid %s/nginx.pid;\nerror_log %s/error.log;\nevents {}\nhttp {\n"
                "client_body_temp_path %s/tmp/body;\nfastcgi_temp_path %s/tmp/fcgi;\nproxy_temp_path %s/tmp/proxy;\n"
                "scgi_temp_path %s/tmp/scgi;\nuwsgi_temp_path %s/tmp/uwsgi;\naccess_log %s/access.log;\n"
                "include %s/site.conf;\n}\n" % ((d,) * 8 + (d,)))
    proc = subprocess.Popen(["nginx", "-p", d, "-c", os.path.join(d, "nginx.conf"), "-e", os.path.join(d, "error.log")],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.time() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                S.down()
                raise S.StackError("nginx did not start with nginx/mystudentbot.conf; see %s" % d)
            time.sleep(0.05)


def tearDownModule():
    if proc is not None:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(10)
    S.down()


class ProductionConfTest(S.StackTestCase):
    def setUp(self):
        super().setUp()
        self.stack.port, self.saved = port, self.stack.port  # post() through the production block

    def tearDown(self):
        self.stack.port = self.saved

    def test_contract_rows_through_the_production_block(self):
        ana = S.Chat(self.stack, 8_000_001, lang="es")
        self.assertTrue(ana.say("/start"))
        upd = ana.update(message=ana.message("/help"))
        self.assertIn(self.stack.post(upd, secret="nope")[0], (401, 403))
        self.assertIn(self.stack.post(upd, secret=None)[0], (401, 403))
        for m in ("GET", "PUT", "DELETE"):
            self.assertEqual(self.stack.post(None if m == "GET" else upd, method=m)[0], 405, m)
        big = ana.update(message=ana.message("x" * (2 * 1024 * 1024)))
        self.assertEqual(self.stack.post(big)[0], 413)
        self.assertEqual(self.stack.post(b"[" * 10000)[0], 400)
        self.assertEqual(self.stack.get("/calendar/unknown_token.ics")[0], 404)
        self.assertEqual(self.stack.post(b"", path="/calendar/unknown_token.ics")[0], 405)
        self.assertEqual(self.stack.get("/calendar/bad.token.ics")[0], 404)
        self.assertEqual(self.stack.sql("SELECT count(*) FROM core.updates WHERE update_id IN (%s, %s)",
                                        upd["update_id"], big["update_id"]), [(0,)])
        self.assertTrue(ana.send(upd))


if __name__ == "__main__":
    import unittest
    unittest.main()
