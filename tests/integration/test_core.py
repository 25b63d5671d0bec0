# test_core.py: what the dispatcher answers itself: help, small talk, language and time zone. See LICENSE.
import unittest

import stack as S


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


def text(replies):
    return "\n".join(r.get("text") or "" for r in replies if r["method"] == "sendMessage")


class Core(S.StackTestCase):
    def test_small_talk_gets_a_friendly_word(self):
        c = S.Chat(self.stack, 340001)
        self.assertIn("De nada", text(c.say("muchas gracias!")))
        self.assertIn("Hola", text(c.say("hola")))
        unknown = text(c.say("asdf qwer zxcv"))
        self.assertIn("No te he entendido", unknown)

    def test_help_lists_what_the_bot_does(self):
        c = S.Chat(self.stack, 340002, lang="en")
        t = text(c.say("/help"))
        for word in ("Classes", "Tasks", "Expenses"):
            self.assertIn(word, t)

    def test_language_and_time_zone(self):
        c = S.Chat(self.stack, 340003)
        self.assertIn("English", text(c.say("/idioma en")))
        self.assertEqual(self.stack.sql("SELECT lang FROM core.users WHERE user_id = 340003")[0][0], "en")
        self.assertIn("Time zone", text(c.say("/timezone Europe/London")))
        self.assertEqual(self.stack.sql("SELECT tz FROM core.users WHERE user_id = 340003")[0][0], "Europe/London")
        c.say("/timezone ../../etc/passwd")
        self.assertEqual(self.stack.sql("SELECT tz FROM core.users WHERE user_id = 340003")[0][0], "Europe/London")
        self.assertIn("es or en", text(c.say("/language fr")).replace("Spanish or English", "es or en")
                      .replace("/language es or /language en", "es or en"))

    def test_digest_command_on_and_off(self):
        c = S.Chat(self.stack, 340004)
        c.say("/resumen 7:30")
        self.assertEqual(self.stack.sql("SELECT at_time::text, enabled FROM reminders.digest WHERE user_id = 340004"),
                         [("07:30:00", True)])
        c.say("/resumen off")
        self.assertEqual(self.stack.sql("SELECT enabled FROM reminders.digest WHERE user_id = 340004"), [(False,)])


if __name__ == "__main__":
    unittest.main()
