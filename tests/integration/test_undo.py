# test_undo.py: a typed "deshacer" / "undo" takes back the latest change, whichever module made it. See LICENSE.
#
# Through the whole stack: an expense, classes and a task, each undone by words; the latest change
# only, once; a change its button undid already is not undone again; English. User ids 83xxxx.
import unittest

import stack as S


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


def text(replies):
    return "\n".join(r["text"] or "" for r in replies if r["method"] == "sendMessage")


def button(replies, prefix):
    for r in replies:
        for _, data in S.buttons(r):
            if data and data.startswith(prefix):
                return data
    raise AssertionError("no %s button in %r" % (prefix, replies))


class Undo(S.StackTestCase):
    def count(self, table, uid):
        return self.stack.sql("SELECT count(*) FROM %s WHERE user_id = %%s" % table, uid)[0][0]

    def task_status(self, uid):
        return [r[0] for r in self.stack.sql("SELECT status FROM tasks.tasks WHERE user_id = %s ORDER BY id", uid)]

    def test_expense_then_nothing_more(self):
        c = S.Chat(self.stack, 830001)
        c.say("Bus 5€")
        self.assertEqual(self.count("expenses.expenses", 830001), 1)
        r = c.say("deshacer")
        self.assertIn("ese gasto ya no está apuntado", text(r))
        self.assertEqual(self.count("expenses.expenses", 830001), 0)
        self.assertIn("No hay nada que deshacer", text(c.say("deshacer")))

    def test_classes_undone_by_words(self):
        c = S.Chat(self.stack, 830002)
        c.say("Tengo CC los lunes y miércoles de 9 a 11 en el aula 1.6")
        self.assertEqual(self.count("academic.classes", 830002), 2)
        r = c.say("deshaz eso")
        self.assertIn("he quitado 2 clases", text(r))
        self.assertEqual(self.count("academic.classes", 830002), 0)

    def test_latest_change_across_modules_once(self):
        c = S.Chat(self.stack, 830003)
        c.say("Hacer hito 1 de CC para el 10/10/2100")
        c.say("café 1,20")
        self.assertEqual(self.task_status(830003), ["pending"])
        r = c.say("deshacer")
        self.assertIn("ese gasto ya no está apuntado", text(r))
        self.assertEqual(self.count("expenses.expenses", 830003), 0)
        self.assertEqual(self.task_status(830003), ["pending"], "the task was not the latest change")
        self.assertIn("No hay nada que deshacer", text(c.say("deshacer")))
        self.assertEqual(self.task_status(830003), ["pending"], "a second deshacer reached further back")
        # a task change is the latest: deshacer takes it back
        c.say("ya he hecho el hito 1")
        self.assertEqual(self.task_status(830003), ["done"])
        c.say("deshacer")
        self.assertEqual(self.task_status(830003), ["pending"])

    def test_change_undone_by_its_button_is_not_undone_again(self):
        c = S.Chat(self.stack, 830004)
        c.say("Hacer la memoria para el 12/10/2100")
        r = c.say("Cine 8€")
        c.press(button(r, "e:undo:"))
        self.assertEqual(self.count("expenses.expenses", 830004), 0)
        self.assertIn("No hay nada que deshacer", text(c.say("deshacer")))
        self.assertEqual(self.task_status(830004), ["pending"])

    def test_english_and_forgotten_with_the_user(self):
        c = S.Chat(self.stack, 830005, lang="en")
        c.say("lunch 7.50")
        r = c.say("undo")
        self.assertIn("no longer recorded", text(r))
        self.assertEqual(self.count("expenses.expenses", 830005), 0)
        self.assertIn("nothing to undo", text(c.say("undo")))
        self.assertGreater(self.count("core.changes", 830005), 0)
        self.stack.sql("DELETE FROM core.users WHERE user_id = %s", 830005)   # what data.delete does
        self.assertEqual(self.count("core.changes", 830005), 0)


if __name__ == "__main__":
    unittest.main()
