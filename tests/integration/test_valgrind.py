# test_valgrind.py: the FastCGI workers' request loop under valgrind (plain build, bin/): no
# definite or indirect leak and no memory error after a mix of good and bad requests. See LICENSE.
import glob
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import stack as S  # noqa: E402

OUT = os.path.join(S.ROOT, "tests", "out", "test_valgrind")


def setUpModule():
    # valgrind cannot run ASan binaries: this module always uses the plain build.
    os.makedirs(OUT, exist_ok=True)
    for f in glob.glob(os.path.join(OUT, "valgrind.*.log")):
        os.unlink(f)
    S.up(__name__, bindir=os.environ.get("MSB_PLAIN_BIN", "bin"), workers=1,
         wrapper=["valgrind", "--leak-check=full", "--show-leak-kinds=definite,indirect",
                  "--errors-for-leak-kinds=definite,indirect", "--track-fds=no", "--num-callers=30",
                  "--log-file=" + os.path.join(OUT, "valgrind.%p.log")])


def tearDownModule():
    S.down()


class ValgrindTest(S.StackTestCase):
    def test_request_loop_is_clean(self):
        st = self.stack
        users = [S.Chat(st, 7_000_001 + i, lang=("es", "en")[i % 2]) for i in range(4)]
        for round_ in range(5):
            for c in users:
                c.say("/start")
                c.say("/help")
                c.say("hola, ¿qué puedes hacer?")
                c.say("Bus 5€")
                c.press("noop:%d" % round_)
                c.member("member")
            dup = users[0].update(message=users[0].message("/help"))
            users[0].send(dup)
            users[0].send(dup)
            for body in (b"nope", b"[" * 10000, b'{"update_id": "x"}', b"{}"):
                self.assertEqual(st.post(body)[0], 400)
            self.assertIn(st.post(b"{}", secret="wrong")[0], (401, 403))
            st.standin.fail("sendMessage", 429, retry_after=1)
            st.standin.fail("answerCallbackQuery", 500)
        st.stop_postgres()
        try:
            self.assertEqual(st.post(users[1].update(message=users[1].message("/start")))[0], 503)
        finally:
            st.start_postgres()
        self.assertTrue(users[1].say("/start"))
        st.stop_fcgi()  # workers exit; valgrind writes its summaries

        logs = glob.glob(os.path.join(OUT, "valgrind.*.log"))
        self.assertGreaterEqual(len(logs), 2, "no valgrind logs for the master and its worker")
        problems = []
        for path in logs:
            with open(path, errors="replace") as f:
                text = f.read()
            name = os.path.basename(path)
            self.assertIn("ERROR SUMMARY", text, "%s: valgrind did not finish" % name)
            for kind in ("definitely", "indirectly"):
                m = re.search(r"%s lost: ([\d,]+) bytes" % kind, text)
                if m and m.group(1) != "0":
                    problems.append("%s: %s lost %s bytes" % (name, kind, m.group(1)))
            m = re.search(r"ERROR SUMMARY: ([\d,]+) errors", text)
            if m and m.group(1) != "0":
                problems.append("%s: %s errors" % (name, m.group(1)))
        self.assertEqual(problems, [], "see tests/out/test_valgrind/")


if __name__ == "__main__":
    import unittest
    unittest.main()
