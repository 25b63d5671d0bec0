/* See LICENSE. test_academic_pure.c: day arithmetic, the timetable PNG and text, .ics reading, the feed's iCalendar. */
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
#include "core/mem.h"
#include "core/strbuf.h"

#ifndef SRCDIR
#define SRCDIR "."
#endif

static void
test_days(void **state)
{
	int64_t d;
	int y, m, dd;
	char s[11];

	assert_int_equal(civil_to_days(1970, 1, 1), 0);
	assert_int_equal(civil_weekday(civil_to_days(2026, 11, 28)), 6);	/* a Saturday */
	assert_int_equal(civil_weekday(civil_to_days(2026, 9, 14)), 1);
	assert_int_equal(civil_weekday(civil_to_days(1969, 12, 29)), 1);	/* before the epoch too */
	civil_from_days(civil_to_days(2028, 2, 29), &y, &m, &dd);
	assert_true(y == 2028 && m == 2 && dd == 29);
	assert_int_equal(civil_parse_days("2027-01-23", &d), 0);
	civil_fmt_ymd(d, s);
	assert_string_equal(s, "2027-01-23");
	assert_int_equal(civil_parse_days("2027-02-29", &d), -1);
	assert_int_equal(civil_parse_days("2027-1-23", &d), -1);
	assert_int_equal(civil_parse_days(NULL, &d), -1);
	assert_int_equal(civil_parse_hm("10:30", &y), 0);
	assert_int_equal(y, 630);
	assert_int_equal(civil_parse_hm("24:00", &y), -1);
	assert_int_equal(civil_parse_hm("9:5x", &y), -1);
}

static void
test_subject_split(void **state)
{
	char code[128], name[128];

	assert_int_equal(acad_subject_split("Cloud Computing (CC)", code, sizeof code, name, sizeof name), 1);
	assert_string_equal(code, "CC");
	assert_string_equal(name, "Cloud Computing");
	assert_int_equal(acad_subject_split("CC (Cloud Computing)", code, sizeof code, name, sizeof name), 1);
	assert_string_equal(code, "CC");
	assert_string_equal(name, "Cloud Computing");
	assert_int_equal(acad_subject_split("Álgebra", code, sizeof code, name, sizeof name), 0);
	assert_string_equal(code, "Álgebra");
	assert_string_equal(name, "");
	assert_int_equal(acad_subject_split("(CC)", code, sizeof code, name, sizeof name), 0);
	assert_int_equal(acad_subject_split("CC ()", code, sizeof code, name, sizeof name), 0);
	assert_int_equal(acad_subject_split("Redes(2)", code, sizeof code, name, sizeof name), 0);
	assert_string_equal(code, "Redes(2)");
}

static const struct acad_block week[] = {
	{ "CC", "1.6", 1, 630, 750, 0, 1 },
	{ "Álgebra", "0.3", 2, 540, 660, 1, 1 },
	{ "Álgebra", "0.3", 4, 540, 660, 1, 1 },
	{ "Redes <lab>", "Lab 2", 3, 900, 1020, 2, 2 },
	{ "Estadística y Probabilidad Aplicada", "2.1", 5, 720, 840, 3, 1 },
	{ "SO", "3.2", 1, 690, 810, 4, 1 },		/* overlaps CC: side by side */
	{ "TFG", NULL, 3, 1020, 1140, 5, 1 },
	{ "IA", "1.1", 2, 720, 840, 6, 1 },
	{ "BD", "1.2", 4, 720, 840, 7, 1 },
	{ "PL", "1.3", 5, 540, 660, 8, 1 },
};
#define NWEEK (sizeof week / sizeof week[0])

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void
test_png(void **state)
{
	void *png;
	size_t len;
	const unsigned char *p;
	struct acad_block sat = { "Tutoría", "Despacho 4", 6, 600, 660, 9, 1 };
	struct acad_block more[NWEEK + 1];
	uint32_t w, h, w2;
	FILE *f;

	assert_int_equal(acad_timetable_png(week, NWEEK, "es", &png, &len), 0);
	p = png;
	assert_true(len > 8000 && len < 1024 * 1024);
	assert_memory_equal(p, "\x89PNG\r\n\x1a\n", 8);
	w = be32(p + 16);
	h = be32(p + 20);
	assert_int_equal(w, 1080);			/* a phone's width */
	assert_true(h >= 600 && h <= 2400 && w + h <= 10000);	/* sendPhoto's limits */
	/* Keep one to look at: tests/out/timetable.png. */
	if ((f = fopen("tests/out/timetable.png", "wb")) != NULL) {
		fwrite(png, 1, len, f);
		fclose(f);
	}
	free(png);
	/* A Saturday class adds a column: the same width, and the PNG changes. */
	memcpy(more, week, sizeof week);
	more[NWEEK] = sat;
	assert_int_equal(acad_timetable_png(more, NWEEK + 1, "en", &png, &len), 0);
	w2 = be32((const unsigned char *)png + 16);
	assert_int_equal(w2, 1080);
	free(png);
	/* No classes still draws an empty grid. */
	assert_int_equal(acad_timetable_png(NULL, 0, "es", &png, &len), 0);
	assert_true(len > 1000);
	free(png);
}

static void
test_text(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s;

	acad_timetable_text(week, NWEEK, "es", &sb);
	s = strbuf_str(&sb);
	assert_non_null(strstr(s, "<b>Lunes</b>\n10:30–12:30 CC · 1.6\n"));
	assert_non_null(strstr(s, "Redes &lt;lab&gt; · Lab 2 (cada dos semanas)"));
	assert_non_null(strstr(s, "17:00–19:00 TFG\n"));
	assert_null(strstr(s, "Sábado"));
	strbuf_release(&sb);
	acad_timetable_text(week, NWEEK, "en", &sb);
	assert_non_null(strstr(strbuf_str(&sb), "<b>Wednesday</b>"));
	assert_non_null(strstr(strbuf_str(&sb), "(every other week)"));
	strbuf_release(&sb);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = xmalloc(1024 * 1024);

	if (f == NULL)
		fail_msg("cannot open %s", path);
	*len = fread(buf, 1, 1024 * 1024 - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static const struct acad_ics_class *
find(const struct acad_ics_result *r, const char *subject, int weekday)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->classes[i].subject, subject) == 0 && r->classes[i].weekday == weekday)
			return &r->classes[i];
	fail_msg("no %s on day %d", subject, weekday);
	return NULL;
}

static void
test_ics_madrid(void **state)
{
	struct arena *a = arena_new();
	struct acad_ics_result r;
	const struct acad_ics_class *c;
	size_t len;
	char *text = slurp(SRCDIR "/tests/data/timetable.ics", &len);

	assert_int_equal(acad_ics_read(text, len, "Europe/Madrid", a, &r), 0);
	assert_int_equal(r.n, 5);		/* CC, Álgebra x2, Redes, Estadística */
	assert_int_equal(r.skipped, 1);		/* the exam */
	c = find(&r, "CC", 1);
	assert_string_equal(c->start, "10:30");
	assert_string_equal(c->end, "12:30");
	assert_string_equal(c->room, "1.6");
	assert_int_equal(c->every_weeks, 1);
	assert_string_equal(c->anchor_monday, "2026-09-14");
	c = find(&r, "Álgebra", 4);
	assert_string_equal(c->start, "09:00");
	assert_string_equal(c->anchor_monday, "2026-09-14");
	c = find(&r, "Redes", 3);
	assert_int_equal(c->every_weeks, 2);
	assert_string_equal(c->room, "Lab 2");
	c = find(&r, "Estadística", 5);	/* DURATION instead of DTEND, no BYDAY */
	assert_string_equal(c->end, "14:00");
	free(text);
	arena_free(a);
}

/* A student in another zone gets the classes at their own wall-clock time (and day). */
static void
test_ics_other_zone(void **state)
{
	struct arena *a = arena_new();
	struct acad_ics_result r;
	const struct acad_ics_class *c;
	size_t len;
	char *text = slurp(SRCDIR "/tests/data/timetable.ics", &len);

	assert_int_equal(acad_ics_read(text, len, "America/New_York", a, &r), 0);
	c = find(&r, "CC", 1);
	assert_string_equal(c->start, "04:30");	/* 14 September: Madrid +2, New York -4 */
	assert_int_equal(acad_ics_read(text, len, "Pacific/Auckland", a, &r), 0);
	c = find(&r, "CC", 1);
	assert_string_equal(c->start, "20:30");	/* +12 in September */
	c = find(&r, "Álgebra", 2);		/* 09:00 Tuesday Madrid = 19:00 Tuesday Auckland */
	assert_string_equal(c->start, "19:00");
	free(text);
	arena_free(a);
}

static void
test_ics_junk(void **state)
{
	struct arena *a = arena_new();
	struct acad_ics_result r;
	static const char utc[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\n"
	    "DTSTART:20261006T080000Z\r\nDTEND:20261006T090000Z\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:IA\r\n"
	    "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20261006\r\nRRULE:FREQ=WEEKLY\r\n"
	    "SUMMARY:All day\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:3\r\nDTSTART:20261006T080000Z\r\n"
	    "DTEND:20261006T090000Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Daily\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

	assert_int_equal(acad_ics_read("hello", 5, "Europe/Madrid", a, &r), -1);
	assert_int_equal(acad_ics_read("\x89PNG\r\n", 6, "Europe/Madrid", a, &r), -1);
	assert_int_equal(acad_ics_read("BEGIN:VCALENDAR\0x", 17, "Europe/Madrid", a, &r), -1);
	assert_int_equal(acad_ics_read(utc, strlen(utc), "Europe/Madrid", a, &r), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.skipped, 2);
	assert_string_equal(r.classes[0].start, "10:00");	/* 08:00Z is 10:00 in Madrid in October */
	assert_int_equal(r.classes[0].weekday, 2);
	assert_string_equal(r.classes[0].room, "");
	arena_free(a);
}

/* Sessions exported one by one, without RRULE: grouped into weekly classes. */
static void
test_ics_sessions(void **state)
{
	struct arena *a = arena_new();
	struct acad_ics_result r;
	struct strbuf sb = STRBUF_INIT;
	static const char *const sessions[][3] = {
		{ "20260914T090000", "20260914T110000", "SO" },		/* three Mondays in a row */
		{ "20260921T090000", "20260921T110000", "SO" },
		{ "20260928T090000", "20260928T110000", "SO" },
		{ "20260915T150000", "20260915T170000", "Lab SO" },	/* Tuesdays, a week apart out of two */
		{ "20260929T150000", "20260929T170000", "Lab SO" },
		{ "20261013T150000", "20261013T170000", "Lab SO" },
		{ "20261105T160000", "20261105T180000", "Examen" },	/* once */
		{ "20260914T090000", "20260914T110000", "SO" },		/* the same line twice */
	};
	const struct acad_ics_class *c;
	size_t i;

	strbuf_adds(&sb, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n");
	for (i = 0; i < sizeof sessions / sizeof sessions[0]; i++)
		strbuf_addf(&sb, "BEGIN:VEVENT\r\nUID:s%zu\r\nDTSTART;TZID=Europe/Madrid:%s\r\n"
		    "DTEND;TZID=Europe/Madrid:%s\r\nSUMMARY:%s\r\nLOCATION:1.1\r\nEND:VEVENT\r\n",
		    i, sessions[i][0], sessions[i][1], sessions[i][2]);
	strbuf_adds(&sb, "END:VCALENDAR\r\n");
	assert_int_equal(acad_ics_read(sb.buf, sb.len, "Europe/Madrid", a, &r), 0);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.skipped, 1);
	c = find(&r, "SO", 1);
	assert_int_equal(c->every_weeks, 1);
	assert_string_equal(c->start, "09:00");
	assert_string_equal(c->anchor_monday, "2026-09-14");
	c = find(&r, "Lab SO", 2);
	assert_int_equal(c->every_weeks, 2);
	assert_string_equal(c->anchor_monday, "2026-09-14");
	strbuf_release(&sb);
	arena_free(a);
}

/* The feed re-parsed by libical: VTIMEZONE named plainly, TZID times, RRULE, EXDATE, a deadline. */
static void
test_ical(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct acad_ical *f = acad_ical_new("Europe/Madrid", 1795000000);
	time_t ex[1] = { 1796634000 };	/* 2026-12-07 10:00 Madrid is 09:00Z */
	struct feed_event cls = { "class-1@mystudentbot", "CC", "1.6", 1789374600, 1789381800,
	    "FREQ=WEEKLY;UNTIL=20270122T225959Z", ex, 1 };
	struct feed_event dl = { "task-9@mystudentbot", "Entregar hito 1", NULL, 1796000000, 1796000000, NULL, NULL, 0 };
	icalcomponent *cal, *ev;
	icalproperty *p;
	int nev = 0;

	acad_ical_emit(f, &cls);
	acad_ical_emit(f, &dl);
	acad_ical_finish(f, &sb);
	assert_non_null(strstr(strbuf_str(&sb), "DTSTART;TZID=Europe/Madrid:20260914T103000"));
	assert_non_null(strstr(strbuf_str(&sb), "TZID:Europe/Madrid\r\n"));
	assert_non_null(strstr(strbuf_str(&sb), "EXDATE;TZID=Europe/Madrid:20261207T100000"));
	assert_true(sb.len < 16 * 1024);	/* the VTIMEZONE was cut to recent years */
	cal = icalparser_parse_string(strbuf_str(&sb));
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	    ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		struct icaltimetype st = icalcomponent_get_dtstart(ev);

		nev++;
		if (strcmp(icalcomponent_get_uid(ev), "class-1@mystudentbot") == 0) {
			assert_int_equal((long)icaltime_as_timet_with_zone(st, st.zone), 1789374600L);
			assert_string_equal(icalcomponent_get_location(ev), "1.6");
			p = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
			assert_non_null(p);
			assert_int_equal(icalproperty_get_rrule(p).freq, ICAL_WEEKLY_RECURRENCE);
		} else {
			assert_string_equal(icalcomponent_get_summary(ev), "Entregar hito 1");
			assert_null(icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY));
		}
	}
	assert_int_equal(nev, 2);
	icalcomponent_free(cal);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_subject_split),
		cmocka_unit_test(test_png),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_ics_madrid),
		cmocka_unit_test(test_ics_other_zone),
		cmocka_unit_test(test_ics_junk),
		cmocka_unit_test(test_ics_sessions),
		cmocka_unit_test(test_ical),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
