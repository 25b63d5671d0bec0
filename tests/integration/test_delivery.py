# test_delivery.py: replies that Telegram refuses for now are queued, not lost. See LICENSE.
import datetime
import unittest

import stack as S


def setUpModule():
    S.up(__name__)


def tearDownModule():
    S.down()


class Delivery(S.StackTestCase):
    def test_long_reply_parts_refused_with_429_wait_in_the_queue(self):
        uid = 320001
        c = S.Chat(self.stack, uid)
        c.say("/start")
        self.stack.sql("INSERT INTO tasks.tasks (user_id, title, due_at, has_time)"
                       " SELECT %s, 'Tarea ' || g || ' ' || repeat('y', 60), now() + g * interval '1 day', true"
                       " FROM generate_series(1, 120) g", uid)
        # Every API send answers 429 with a wait far past the worker's budget.
        self.stack.standin.fail("sendMessage", 429, count=0, retry_after=3600)
        replies = c.say("tareas")
        self.assertEqual(replies[0]["via"] if replies else None, "body")  # the last part, in the answer
        queued = self.stack.sql("SELECT text_html, due_at - now() > interval '59 minutes' FROM reminders.queue"
                                " WHERE user_id = %s AND kind = 'reply' AND status = 'pending' ORDER BY id", uid)
        self.assertGreaterEqual(len(queued), 1)
        self.assertIn("Tarea 1 ", queued[0][0])
        self.assertTrue(all(late for _, late in queued))
        # The reminder run sends them once Telegram lets it, without snooze buttons.
        self.stack.standin.reset()
        later = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=61))
        rc, out, err = self.stack.run_remind("--now", later.strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.assertEqual(rc, 0, err)
        sent = [x for x in self.stack.standin.calls("sendMessage") if x["params"].get("chat_id") == uid]
        self.assertEqual([x["params"]["text"] for x in sent], [t for t, _ in queued])
        self.assertTrue(all("reply_markup" not in x["params"] for x in sent))


if __name__ == "__main__":
    unittest.main()
