# test_timeline.py: the agenda shows each module's part of the day, apart from the others. See LICENSE.
import datetime
import re
import unittest

import stack as S


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


class Timeline(S.StackTestCase):
    def test_agenda_sections_are_separated(self):
        c = S.Chat(self.stack, 330001)
        c.say("/start")
        tomorrow = datetime.date.today() + datetime.timedelta(days=1)
        weekday = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábados", "domingos"][tomorrow.weekday()]
        c.say("Clase de CC los %s de 10:30 a 12:30 en el aula 1.6" % weekday)
        c.say("Hacer hito 1 de CC para el %s" % tomorrow.strftime("%d/%m/%Y"))
        c.say("taxi 12€ %s" % tomorrow.strftime("%d/%m/%Y"))
        text = [r for r in c.say("¿qué tengo mañana?") if r["method"] == "sendMessage"][-1]["text"]
        self.assertIn("1.6", text)
        self.assertIn("hito 1", text)
        # The class block and the deadlines block are separate paragraphs, never glued on one line.
        lines = text.split("\n")
        room_line = next(i for i, l in enumerate(lines) if "1.6" in l)
        task_line = next(i for i, l in enumerate(lines) if "hito 1" in l)
        self.assertGreater(task_line, room_line)
        self.assertNotIn("hito 1", lines[room_line])
        self.assertIn("", lines[room_line + 1:task_line])
        self.assertFalse(re.search(r"\n\n\n", text))


if __name__ == "__main__":
    unittest.main()
