/* See LICENSE. test_tasks_pure.c: lead-time instants across Madrid's DST changes, dates as read, matching, splitting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "tasks/internal.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "core/tz.h"

static time_t
utc(const char *s)
{
	struct tm tm;

	assert_int_equal(tz_parse_datetime(s, &tm), 0);
	tm.tm_isdst = 0;
	return timegm(&tm);
}

static time_t
local(const char *tz, const char *date, const char *hhmm)
{
	time_t t;

	assert_int_equal(tasks_due_instant(tz, date, hhmm, &t), 0);
	return t;
}

/* A 1-day lead keeps the wall-clock time: 23 h before in spring, 25 h in autumn; hours are elapsed. */
static void
test_lead_dst(void **state)
{
	static const struct { const char *date, *hhmm; int lead; const char *want; } cases[] = {
		{ "2026-03-29", "10:00", 1440, "2026-03-28T09:00" },	/* 10:00 CET, 23 h earlier */
		{ "2026-03-29", "10:00", 120, "2026-03-29T06:00" },	/* 08:00 CEST - 2 h */
		{ "2026-03-29", "03:30", 120, "2026-03-28T23:30" },	/* 01:30 UTC - 2 h, across the gap */
		{ "2026-03-30", "02:30", 1440, "2026-03-29T01:30" },	/* 02:30 on the 29th does not exist: 03:30 CEST */
		{ "2026-10-25", "10:00", 1440, "2026-10-24T08:00" },	/* 10:00 CEST, 25 h earlier */
		{ "2026-10-25", "10:00", 180, "2026-10-25T06:00" },
		{ "2026-12-04", NULL, 1440, "2026-12-03T22:59" },	/* no time: 23:59 local */
		{ "2026-12-04", NULL, 4320 + 90, "2026-12-01T21:29" },	/* 3 days on the clock, then 90 min */
	};
	size_t i;
	time_t at;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(tasks_lead_instant("Europe/Madrid",
		    local("Europe/Madrid", cases[i].date, cases[i].hhmm), cases[i].lead, &at), 0);
		if (at != utc(cases[i].want))
			fail_msg("case %zu: got %lld, want %s", i, (long long)at, cases[i].want);
	}
	assert_int_equal(utc("2026-03-29T08:00") - utc("2026-03-28T09:00"), 23 * 3600);
	assert_int_equal(tasks_lead_instant("Europe/Madrid", 0, -5, &at), -1);
}

static void
test_due_instant(void **state)
{
	time_t t;

	assert_true(local("Europe/Madrid", "2026-12-04", NULL) == utc("2026-12-04T22:59"));
	assert_true(local("Europe/Madrid", "2026-12-04", "") == utc("2026-12-04T22:59"));
	assert_true(local("Europe/Madrid", "2026-07-04", "18:00") == utc("2026-07-04T16:00"));
	assert_true(local("America/New_York", "2026-12-01", "09:00") == utc("2026-12-01T14:00"));
	assert_int_equal(tasks_due_instant("Europe/Madrid", "2026-12-04", "25:00", &t), -1);
	assert_int_equal(tasks_due_instant("Europe/Madrid", "04/12/2026", NULL, &t), -1);
	assert_int_equal(tasks_due_instant("Europe/Madrid", "2026-12-04", "9:5x", &t), -1);
}

static void
test_day_bounds_and_shift(void **state)
{
	time_t s, e, t;

	assert_int_equal(tasks_day_bounds("Europe/Madrid", "2026-03-29", &s, &e), 0);
	assert_true(s == utc("2026-03-28T23:00"));
	assert_true(e - s == 23 * 3600);
	assert_int_equal(tasks_day_bounds("Europe/Madrid", "2026-10-25", &s, &e), 0);
	assert_true(e - s == 25 * 3600);
	assert_int_equal(tasks_shift_days("Europe/Madrid", utc("2026-03-28T09:00"), 1, &t), 0);
	assert_true(t == utc("2026-03-29T08:00"));
	assert_int_equal(tasks_shift_days("Europe/Madrid", utc("2026-12-31T10:00"), 7, &t), 0);
	assert_true(t == utc("2027-01-07T10:00"));
}

static void
check_date(const char *lang, time_t t, bool with_time, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	tasks_fmt_date(&sb, lang, "Europe/Madrid", t, with_time);
	assert_string_equal(strbuf_str(&sb), want);
	strbuf_release(&sb);
}

static void
test_fmt_date(void **state)
{
	check_date("es", utc("2026-12-04T22:59"), false, "vie 4 dic 2026");
	check_date("en", utc("2026-12-04T22:59"), false, "Fri, Dec 4, 2026");
	check_date("es", utc("2026-03-29T08:00"), true, "dom 29 mar 2026 a las 10:00");
	check_date("en", utc("2026-03-29T08:00"), true, "Sun, Mar 29, 2026 at 10:00");
	/* 23:00 UTC on New Year's Eve is already 2027 in Madrid */
	check_date("es", utc("2026-12-31T23:30"), false, "vie 1 ene 2027");
}

static void
test_leads(void **state)
{
	int l[TASKS_MAX_LEADS];
	char buf[64];
	struct strbuf sb = STRBUF_INIT;

	assert_int_equal(tasks_leads_parse("{1440,120}", l, TASKS_MAX_LEADS), 2);
	assert_int_equal(l[0], 1440);
	assert_int_equal(l[1], 120);
	assert_int_equal(tasks_leads_parse("{}", l, TASKS_MAX_LEADS), 0);
	tasks_leads_format(l, 2, buf, sizeof buf);
	assert_string_equal(buf, "{1440,120}");
	assert_int_equal(tasks_leads_parse("{1,x}", l, TASKS_MAX_LEADS), -1);
	assert_int_equal(tasks_leads_parse(NULL, l, TASKS_MAX_LEADS), -1);
	tasks_leads_format(l, 0, buf, sizeof buf);
	assert_string_equal(buf, "{}");
	tasks_fmt_lead(&sb, "es", 1440);
	strbuf_adds(&sb, "|");
	tasks_fmt_lead(&sb, "es", 180);
	strbuf_adds(&sb, "|");
	tasks_fmt_lead(&sb, "en", 4320);
	strbuf_adds(&sb, "|");
	tasks_fmt_lead(&sb, "en", 90);
	assert_string_equal(strbuf_str(&sb), "1 día|3 horas|3 days|90 min");
	strbuf_release(&sb);
}

static void
test_match(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	int nw;

	tasks_fold("Éxamen de TERMODINÁMICA, ¡ya!", &sb);
	assert_string_equal(strbuf_str(&sb), "examen de termodinamica   ya ");
	strbuf_release(&sb);
	assert_int_equal(tasks_match_score("el hito 1", "Hacer hito 1 de CC", &nw), 2);
	assert_int_equal(nw, 2);
	assert_int_equal(tasks_match_score("termodinamica", "Examen de Termodinámica", &nw), 1);
	assert_int_equal(tasks_match_score("hito 2", "Hacer hito 1 de CC", &nw), 0);
	assert_int_equal(nw, 2);
	assert_int_equal(tasks_match_score("practica 10", "Práctica 1", &nw), 0);
	assert_int_equal(tasks_match_score("entrega", "Entregable de PSI", &nw), 1);
	assert_int_equal(tasks_match_score("las tareas", "", &nw), 0);
	assert_int_equal(nw, 0);
	assert_int_equal(tasks_match_score("el hito 1", "", &nw), 0);
	assert_int_equal(nw, 2);
}

static void
test_ref_number(void **state)
{
	int n = 0;

	assert_true(tasks_ref_number("2", &n) && n == 2);
	assert_true(tasks_ref_number("#12", &n) && n == 12);
	assert_false(tasks_ref_number("hito 1", &n));
	assert_false(tasks_ref_number("0", &n));
	assert_false(tasks_ref_number("2b", &n));
}

/* 200 lines split under 4096 bytes each, nothing lost, in order, no line cut. */
static void
test_split(void **state)
{
	struct arena *a = arena_new();
	const char *lines[200], **chunks;
	struct strbuf all = STRBUF_INIT, want = STRBUF_INIT;
	size_t i, n;

	strbuf_adds(&want, "HEAD");
	for (i = 0; i < 200; i++) {
		lines[i] = arena_printf(a, "%zu. <b>Tarea número %zu con un título largo &amp; raro</b> — vie 4 dic 2026",
		    i + 1, i + 1);
		strbuf_addf(&want, "\n%s", lines[i]);
	}
	n = tasks_split(a, "HEAD", lines, 200, TASKS_MSG_MAX, &chunks);
	assert_true(n >= 4);
	for (i = 0; i < n; i++) {
		assert_true(strlen(chunks[i]) <= TASKS_MSG_MAX);
		if (i > 0)
			strbuf_addc(&all, '\n');
		strbuf_adds(&all, chunks[i]);
	}
	assert_string_equal(strbuf_str(&all), strbuf_str(&want));
	strbuf_release(&all);
	strbuf_release(&want);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lead_dst),
		cmocka_unit_test(test_due_instant),
		cmocka_unit_test(test_day_bounds_and_shift),
		cmocka_unit_test(test_fmt_date),
		cmocka_unit_test(test_leads),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_ref_number),
		cmocka_unit_test(test_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
