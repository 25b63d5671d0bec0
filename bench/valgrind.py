#!/usr/bin/python3
# valgrind.py: the FastCGI worker's request loop under valgrind memcheck. See LICENSE.
# Starts the test stack, swaps its mystudentbot-fcgi for one under valgrind (one worker), sends
# a mix of updates through nginx, stops it and prints memcheck's verdict for the worker process.
# Usage: /usr/bin/python3 bench/valgrind.py [N]   (N updates, default 300). Exit 1 on any error or leak.
import os, re, subprocess, sys, time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lib"))
import stack as S  # noqa: E402

N = int(sys.argv[1]) if len(sys.argv) > 1 else 300
TEXTS = ["/start", "Bus 5€ semana", "Hacer hito 1 de CC para el 10/10/2100", "¿qué tengo mañana?",
         "Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6", "tareas", "hola", "/help",
         "¿cuánto he gastado este mes?", "<b>&amp;</b> 💥"]


def main():
    s = S.Stack("valgrind", bindir=os.environ.get("MSB_BIN", "bin"), workers=1).start()
    log = os.path.join(s.out, "valgrind.log")
    try:
        s.stop_fcgi()
        os.unlink(s.sock)  # the old socket file would look ready
        vg = subprocess.Popen(
            ["valgrind", "--leak-check=full", "--show-leak-kinds=definite,indirect,possible",
             "--errors-for-leak-kinds=definite,indirect", "--log-file=" + log + ".%p",
             os.path.join(s.bindir, "mystudentbot-fcgi"), "-s", s.sock, "-w", "1"],
            env=s.env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        while not os.path.exists(s.sock):
            time.sleep(0.1)
        chat = S.Chat(s, 900001)
        t0 = time.time()
        for i in range(N):
            chat.say(TEXTS[i % len(TEXTS)])
        print("valgrind: %d updates in %.1f s" % (N, time.time() - t0))
        s.post(b"{not json")
        s.post(b"[" * 10000 + b"]" * 10000)
        vg.terminate()
        vg.wait(timeout=120)
    finally:
        s.fcgi = None
        s.stop(check=False)
    bad = 0
    for name in sorted(os.listdir(s.out)):
        if not name.startswith("valgrind.log."):
            continue
        text = open(os.path.join(s.out, name)).read()
        errors = re.search(r"ERROR SUMMARY: (\d+) errors", text)
        lost = re.findall(r"(definitely|indirectly) lost: ([\d,]+) bytes", text)
        print("valgrind: process %s: %s errors, %s" % (name.rsplit(".", 1)[1], errors.group(1) if errors else "?",
              ", ".join("%s lost %s bytes" % (k, v) for k, v in lost) or "no leaks"))
        if not errors or errors.group(1) != "0" or any(v != "0" for _, v in lost):
            bad = 1
    sys.exit(bad)


if __name__ == "__main__":
    main()
