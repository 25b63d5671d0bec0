/*
 * See LICENSE. test_academic_db.c: the academic module against a real PostgreSQL (MSB_TEST_DATABASE_URL,
 * as tests/run.sh gives every unit test): class warnings produced across daylight saving, the term, days off
 * and alternate weeks; ownership of deletes; the calendar feed re-parsed by libical.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "academic/acad.h"
#include "academic/academic.h"
#include "academic/feed.h"
#include "core/strbuf.h"
#include "db/db.h"

#define ANA	400001		/* Madrid, es */
#define BEN	400002		/* New York, en */
#define CARL	400003		/* Madrid, a class in the hour that repeats when summer time ends */
#define TOKEN	"0123456789abcdef0123456789abcdef01234567"

static struct db *db;
static int64_t cc_id, redes_id, ben_cc_id, batch1;

static time_t
utc(const char *s)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	assert_non_null(strptime(s, "%Y-%m-%dT%H:%M", &tm));
	return timegm(&tm);
}

static void
sql(const char *q)
{
	assert_int_equal(db_exec(db, q, 0, NULL), 0);
}

static int64_t
add(int64_t user, const char *subject, int wd, const char *s, const char *e, const char *room, int every,
    int64_t batch)
{
	int64_t sid, id;

	assert_int_equal(acad_subject_get(db, user, subject, batch, &sid), 0);
	assert_int_equal(acad_class_insert(db, user, sid, wd, s, e, room, NULL, every, "2026-09-14", batch, &id), 1);
	return id;
}

static int
setup(void **state)
{
	const char *url = getenv("MSB_TEST_DATABASE_URL");
	int64_t b2;

	if (url == NULL || *url == '\0')
		fail_msg("MSB_TEST_DATABASE_URL is not set (tests/run.sh sets it)");
	assert_non_null(db = db_open(url));
	assert_int_equal(db_migrate(db, NULL), 0);
	sql("INSERT INTO core.users (user_id, chat_id, lang, tz) VALUES"
	    " (400001, 400001, 'es', 'Europe/Madrid'), (400002, 400002, 'en', 'America/New_York'),"
	    " (400003, 400003, 'es', 'Europe/Madrid')");
	assert_int_equal(acad_batch_new(db, &batch1), 0);
	cc_id = add(ANA, "CC", 1, "10:30", "12:30", "1.6", 1, batch1);
	redes_id = add(ANA, "Redes", 3, "15:00", "17:00", "Lab 2", 2, batch1);
	assert_int_equal(acad_batch_new(db, &b2), 0);
	ben_cc_id = add(BEN, "CC", 1, "10:30", "12:30", "1.6", 1, b2);
	add(CARL, "Astronomía", 7, "02:15", "03:15", "Observatorio", 1, b2);
	sql("INSERT INTO academic.terms (user_id, starts_on, ends_on) VALUES (400001, '2026-09-14', '2027-01-22')");
	sql("INSERT INTO academic.days_off (user_id, day) VALUES (400001, '2026-12-07')");
	sql("INSERT INTO academic.settings (user_id, feed_token) VALUES (400001, '" TOKEN "'), (400002, NULL),"
	    " (400003, NULL)");
	return 0;
}

static int
teardown(void **state)
{
	db_close(db);
	return 0;
}

/* Produces for [from, from + minutes) and returns how many warnings the queue holds for "user". */
static int
produce(const char *from, int minutes, int64_t user)
{
	char q[160];
	struct db_res *r;
	int n;

	assert_int_equal(academic_warn_produce(db, utc(from), utc(from) + minutes * 60), 0);
	snprintf(q, sizeof q, "SELECT count(*) AS n FROM reminders.queue WHERE user_id = %lld AND kind = 'class'",
	    (long long)user);
	assert_non_null(r = db_query(db, q, 0, NULL));
	n = (int)db_get_i64(r, 0, "n", -1);
	db_res_free(r);
	return n;
}

static void
test_warn_dst(void **state)
{
	struct db_res *r;

	sql("DELETE FROM reminders.queue");
	/* Monday 19 October, summer time: 10:30 in Madrid is 08:30Z, warned at 08:00Z. */
	assert_int_equal(produce("2026-10-19T07:59", 1, ANA), 0);
	assert_int_equal(produce("2026-10-19T08:00", 1, ANA), 1);
	assert_int_equal(produce("2026-10-19T08:00", 1, ANA), 1);	/* again: idempotent */
	assert_non_null(r = db_query(db, "SELECT ref_id, text_html, extract(epoch FROM due_at)::bigint AS due,"
	    " extract(epoch FROM expires_at)::bigint AS exp FROM reminders.queue WHERE user_id = 400001", 0, NULL));
	assert_int_equal(db_get_i64(r, 0, "ref_id", 0), cc_id);
	assert_string_equal(db_get(r, 0, "text_html"), "Tienes clase de CC en el aula 1.6 en 30 minutos");
	assert_int_equal(db_get_i64(r, 0, "due", 0), (int64_t)utc("2026-10-19T08:00"));
	assert_int_equal(db_get_i64(r, 0, "exp", 0), (int64_t)utc("2026-10-19T08:30"));
	db_res_free(r);
	/* Monday 2 November, winter time: 10:30 is 09:30Z, warned at 09:00Z. */
	sql("DELETE FROM reminders.queue");
	assert_int_equal(produce("2026-11-02T08:00", 1, ANA), 0);
	assert_int_equal(produce("2026-11-02T09:00", 1, ANA), 1);
	/* New York left summer time on 1 November: 10:30 there is 15:30Z, warned at 15:00Z, in English. */
	assert_int_equal(produce("2026-11-02T14:00", 1, BEN), 0);
	assert_int_equal(produce("2026-11-02T15:00", 1, BEN), 1);
	assert_non_null(r = db_query(db, "SELECT text_html FROM reminders.queue WHERE user_id = 400002", 0, NULL));
	assert_string_equal(db_get(r, 0, "text_html"), "You have CC in room 1.6 in 30 minutes");
	db_res_free(r);
}

/*
 * Sunday 25 October 2026, Madrid: 03:00 summer time becomes 02:00 winter time
 * (01:00Z). A class at 02:15 is read as winter time (01:15Z, PostgreSQL's
 * choice), warned at 00:45Z, and found by any window holding that instant,
 * also one across the jump, whose local times run backwards.
 */
static void
test_warn_across_dst_jump(void **state)
{
	sql("DELETE FROM reminders.queue");
	assert_int_equal(produce("2026-10-25T00:44", 1, CARL), 0);
	assert_int_equal(produce("2026-10-25T00:45", 1, CARL), 1);
	sql("DELETE FROM reminders.queue");
	assert_int_equal(produce("2026-10-25T00:00", 60, CARL), 1);
	sql("DELETE FROM reminders.queue");
	assert_int_equal(produce("2026-10-24T23:50", 30, CARL), 0);
}

static void
test_warn_term_days_off_alternate(void **state)
{
	sql("DELETE FROM reminders.queue");
	assert_int_equal(produce("2026-12-07T09:00", 1, ANA), 0);	/* day off */
	assert_int_equal(produce("2026-12-14T09:00", 1, ANA), 1);	/* the Monday after */
	sql("DELETE FROM reminders.queue");
	assert_int_equal(produce("2027-01-25T09:00", 1, ANA), 0);	/* after the term */
	assert_int_equal(produce("2026-09-07T08:00", 1, ANA), 0);	/* before it */
	/* Redes, every other week from the week of 14 September: the 16th and the 30th, not the 23rd. */
	assert_int_equal(produce("2026-09-16T12:30", 1, ANA), 1);
	assert_int_equal(produce("2026-09-23T12:30", 1, ANA), 1);
	assert_int_equal(produce("2026-09-30T12:30", 1, ANA), 2);
	/* A whole week at once finds the same ones (the producer may be called with any window). */
	sql("DELETE FROM reminders.queue");
	assert_int_equal(produce("2026-09-28T00:00", 7 * 24 * 60, ANA), 2);
}

static void
test_warn_lead_and_off(void **state)
{
	struct db_res *r;

	sql("DELETE FROM reminders.queue");
	sql("UPDATE academic.settings SET warn_minutes = 120 WHERE user_id = 400002");
	assert_int_equal(produce("2026-11-02T13:30", 1, BEN), 1);	/* 15:30Z - 2 h */
	assert_non_null(r = db_query(db, "SELECT text_html FROM reminders.queue WHERE user_id = 400002", 0, NULL));
	assert_string_equal(db_get(r, 0, "text_html"), "You have CC in room 1.6 in 2 hours");
	db_res_free(r);
	sql("DELETE FROM reminders.queue");
	sql("UPDATE academic.settings SET warn_on = false WHERE user_id = 400002");
	assert_int_equal(produce("2026-11-02T13:30", 1, BEN), 0);
	sql("UPDATE academic.settings SET warn_on = true, warn_minutes = 30 WHERE user_id = 400002");
}

static void
test_ownership(void **state)
{
	int64_t sid, id;

	/* Ben can delete neither Ana's class nor Ana's batch. */
	assert_int_equal(acad_class_delete(db, BEN, cc_id), 0);
	assert_int_equal(acad_batch_delete(db, BEN, batch1), 0);
	assert_int_equal(acad_class_count(db, ANA), 2);
	/* The same class twice is one class. */
	assert_int_equal(acad_subject_get(db, ANA, "cc", batch1, &sid), 0);
	assert_int_equal(acad_class_insert(db, ANA, sid, 1, "10:30", "12:30", "1.6", NULL, 1, "2026-09-14", batch1, &id), 0);
}

static void
test_feed(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	icalcomponent *cal, *ev;
	int n = 0, cc = 0, redes = 0;

	assert_int_equal(academic_feed_ics(db, "ffffffffffffffffffffffffffffffffffffffff", &sb), 1);
	assert_int_equal(academic_feed_ics(db, "../../etc/passwd", &sb), 1);
	assert_int_equal(academic_feed_ics(db, "", &sb), 1);
	assert_int_equal(sb.len, 0);
	assert_int_equal(academic_feed_ics(db, TOKEN, &sb), 0);
	assert_non_null(strstr(strbuf_str(&sb), "BEGIN:VCALENDAR"));
	assert_non_null(cal = icalparser_parse_string(strbuf_str(&sb)));
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	    ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		struct icaltimetype st = icalcomponent_get_dtstart(ev);
		struct icalrecurrencetype rr = icalproperty_get_rrule(
		    icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY));

		n++;
		assert_int_equal(rr.freq, ICAL_WEEKLY_RECURRENCE);
		assert_false(icaltime_is_null_time(rr.until));
		if (strcmp(icalcomponent_get_summary(ev), "CC") == 0) {
			cc++;
			/* First meeting: Monday 14 September 10:30 in Madrid = 08:30Z. */
			assert_int_equal((int64_t)icaltime_as_timet_with_zone(st, st.zone), (int64_t)utc("2026-09-14T08:30"));
			assert_string_equal(icalcomponent_get_location(ev), "1.6");
			assert_non_null(icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY));
		} else {
			redes++;
			assert_int_equal(rr.interval, 2);
			assert_int_equal((int64_t)icaltime_as_timet_with_zone(st, st.zone), (int64_t)utc("2026-09-16T13:00"));
		}
	}
	assert_int_equal(n, 2);			/* Ana's two classes, none of Ben's */
	assert_true(cc == 1 && redes == 1);
	icalcomponent_free(cal);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warn_dst),
		cmocka_unit_test(test_warn_across_dst_jump),
		cmocka_unit_test(test_warn_term_days_off_alternate),
		cmocka_unit_test(test_warn_lead_and_off),
		cmocka_unit_test(test_ownership),
		cmocka_unit_test(test_feed),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
