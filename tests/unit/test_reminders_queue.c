/*
 * See LICENSE. test_reminders_queue.c: scheduling into reminders.queue against a real PostgreSQL
 * (MSB_TEST_DATABASE_URL, as tests/run.sh gives every unit test): a batch holds any text, crosses
 * REMINDERS_BATCH_ROWS, keeps the last of a key given twice, and leaves sent reminders alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "db/db.h"
#include "reminders/queue.h"

#define USER	700901
#define T0	1907568000	/* 2030-06-13T08:00:00Z */

static struct db *db;

static void
sql(const char *q)
{
	assert_int_equal(db_exec(db, q, 0, NULL), 0);
}

static int64_t
count(const char *q)
{
	struct db_res *r;
	int64_t n;

	assert_non_null(r = db_query(db, q, 0, NULL));
	n = db_get_i64(r, 0, "n", -1);
	db_res_free(r);
	return n;
}

static int
setup(void **state)
{
	const char *url = getenv("MSB_TEST_DATABASE_URL");

	if (url == NULL || *url == '\0')
		fail_msg("MSB_TEST_DATABASE_URL is not set (tests/run.sh sets it)");
	assert_non_null(db = db_open(url));
	assert_int_equal(db_migrate(db, NULL), 0);
	sql("INSERT INTO core.users (user_id, chat_id, lang, tz) VALUES (700901, 700901, 'es', 'Europe/Madrid')");
	return 0;
}

static int
teardown(void **state)
{
	db_close(db);
	return 0;
}

static struct reminder_spec
spec(int64_t ref, time_t due, const char *text)
{
	struct reminder_spec s = { USER, "class", ref, due, due + 1800, text };

	return s;
}

/* Text that means something in an array literal or in SQL comes back as it went in. */
static void
test_text_round_trip(void **state)
{
	static const char *const texts[] = {
		"Tienes clase de <b>CC</b> en el aula 1.6", "comillas \"dobles\" y 'simples'", "barra \\ invertida\\",
		"{llaves},comas,", "NULL", "", "línea\nnueva\ty tab", "ñandú €",
	};
	struct reminder_batch b = REMINDER_BATCH_INIT;
	struct reminder_spec s;
	struct db_res *r;
	size_t i;

	sql("DELETE FROM reminders.queue");
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		s = spec((int64_t)i + 1, T0, texts[i]);
		assert_int_equal(reminders_batch_add(db, &b, &s), 0);
	}
	assert_int_equal(b.n, (int)i);
	assert_int_equal(reminders_batch_flush(db, &b), 0);
	assert_int_equal(b.n, 0);
	assert_int_equal(reminders_batch_flush(db, &b), 0);	/* nothing left: no statement */
	reminders_batch_release(&b);
	assert_non_null(r = db_query(db, "SELECT text_html, extract(epoch FROM due_at)::bigint AS due,"
	    " extract(epoch FROM expires_at)::bigint AS exp, user_id, kind FROM reminders.queue ORDER BY ref_id",
	    0, NULL));
	assert_int_equal(db_rows(r), (int)i);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		assert_string_equal(db_get(r, (int)i, "text_html"), texts[i]);
		assert_int_equal(db_get_i64(r, (int)i, "due", 0), T0);
		assert_int_equal(db_get_i64(r, (int)i, "exp", 0), T0 + 1800);
		assert_int_equal(db_get_i64(r, (int)i, "user_id", 0), USER);
		assert_string_equal(db_get(r, (int)i, "kind"), "class");
	}
	db_res_free(r);
}

/* More than a batch: every row arrives, in two statements or more, and again changes nothing. */
static void
test_many(void **state)
{
	struct reminder_batch b = REMINDER_BATCH_INIT;
	struct reminder_spec s;
	char text[32];
	int i, n = REMINDERS_BATCH_ROWS * 2 + 7, round;

	sql("DELETE FROM reminders.queue");
	for (round = 0; round < 2; round++) {
		for (i = 0; i < n; i++) {
			snprintf(text, sizeof text, "aviso %d", i);
			s = spec(1000 + i, T0 + i, text);
			assert_int_equal(reminders_batch_add(db, &b, &s), 0);
			assert_true(b.n < REMINDERS_BATCH_ROWS);
		}
		assert_int_equal(reminders_batch_flush(db, &b), 0);
		assert_int_equal(count("SELECT count(*) AS n FROM reminders.queue"), n);
		assert_int_equal(count("SELECT count(*) AS n FROM reminders.queue"
		    " WHERE text_html = 'aviso ' || (ref_id - 1000) AND due_at = to_timestamp(1907568000 + ref_id - 1000)"), n);
	}
	reminders_batch_release(&b);
}

/*
 * One by one, the second of a key updated the first's text and expiry while
 * pending; a batch does the same, and neither touches a reminder already sent.
 */
static void
test_same_key_and_sent(void **state)
{
	struct reminder_batch b = REMINDER_BATCH_INIT;
	struct reminder_spec s;

	sql("DELETE FROM reminders.queue");
	s = spec(1, T0, "primero");
	assert_int_equal(reminders_batch_add(db, &b, &s), 0);
	s = spec(1, T0, "segundo");
	s.expires_at = T0 + 60;
	assert_int_equal(reminders_batch_add(db, &b, &s), 0);
	s = spec(2, T0, "enviado");
	assert_int_equal(reminders_batch_add(db, &b, &s), 0);
	assert_int_equal(reminders_batch_flush(db, &b), 0);
	assert_int_equal(count("SELECT count(*) AS n FROM reminders.queue WHERE ref_id = 1 AND text_html = 'segundo'"
	    " AND expires_at = to_timestamp(1907568060)"), 1);
	assert_int_equal(count("SELECT count(*) AS n FROM reminders.queue"), 2);
	sql("UPDATE reminders.queue SET status = 'sent' WHERE ref_id = 2");
	s = spec(2, T0, "otra vez");
	assert_int_equal(reminders_schedule(db, &s), 0);
	s = spec(1, T0, "tercero");
	assert_int_equal(reminders_schedule(db, &s), 0);
	assert_int_equal(count("SELECT count(*) AS n FROM reminders.queue WHERE ref_id = 2 AND text_html = 'enviado'"
	    " AND status = 'sent'"), 1);
	assert_int_equal(count("SELECT count(*) AS n FROM reminders.queue WHERE ref_id = 1 AND text_html = 'tercero'"
	    " AND expires_at = to_timestamp(1907569800)"), 1);
	reminders_batch_release(&b);
}

/* A batch that fails (a user who does not exist) says so, and is empty for the next. */
static void
test_failure(void **state)
{
	struct reminder_batch b = REMINDER_BATCH_INIT;
	struct reminder_spec s = spec(1, T0, "x");

	sql("DELETE FROM reminders.queue");
	s.user_id = 1;
	assert_int_equal(reminders_batch_add(db, &b, &s), 0);
	assert_int_equal(reminders_batch_flush(db, &b), -1);
	assert_int_equal(b.n, 0);
	assert_int_equal(b.user.len, 0);
	reminders_batch_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test(test_many),
		cmocka_unit_test(test_same_key_and_sent),
		cmocka_unit_test(test_failure),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
