/* See LICENSE. test_tz.c: zone names, Madrid's 2026 DST gap and overlap, date parsing, TZ restored. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "core/tz.h"

/* The instant of UTC wall clock "s" ("YYYY-MM-DDTHH:MM"). */
static time_t
utc(const char *s)
{
	struct tm	 tm;

	assert_int_equal(tz_parse_datetime(s, &tm), 0);
	tm.tm_isdst = 0;
	return timegm(&tm);
}

static void
test_valid(void **state)
{
	static const char *good[] = { "Europe/Madrid", "UTC", "America/Argentina/Buenos_Aires",
	    "Etc/GMT+5", "America/Port-au-Prince", NULL };
	static const char *bad[] = { "", "../etc/passwd", "Europe/../Europe/Madrid", "/etc/localtime",
	    "/usr/share/zoneinfo/UTC", "Europe/", "Europe", "Europe//Madrid", "./UTC", "zone.tab",
	    "tzdata.zi", "Mars/Olympus", "Europe/Madrid ", "Europe/Madrid\n", "Europe/Mad;rid", NULL };
	int	 i;

	for (i = 0; good[i] != NULL; i++)
		if (!tz_valid(good[i]))
			fail_msg("%s should be valid", good[i]);
	for (i = 0; bad[i] != NULL; i++)
		if (tz_valid(bad[i]))
			fail_msg("%s should be invalid", bad[i]);
	assert_false(tz_valid(NULL));
}

static void
test_mktime_madrid(void **state)
{
	static const struct { const char *local, *utc; } cases[] = {
		{ "2026-03-29T01:30", "2026-03-29T00:30" },	/* CET */
		{ "2026-03-29T02:00", "2026-03-29T01:00" },	/* gap: = 03:00 CEST */
		{ "2026-03-29T02:30", "2026-03-29T01:30" },	/* gap: = 03:30 CEST */
		{ "2026-03-29T03:30", "2026-03-29T01:30" },	/* CEST */
		{ "2026-10-25T01:30", "2026-10-24T23:30" },	/* CEST */
		{ "2026-10-25T02:00", "2026-10-25T00:00" },	/* overlap: the first, CEST */
		{ "2026-10-25T02:30", "2026-10-25T00:30" },	/* overlap: the first, CEST */
		{ "2026-10-25T03:00", "2026-10-25T02:00" },	/* CET */
		{ "2026-07-01T12:00", "2026-07-01T10:00" },
		{ "2026-12-31T23:59", "2026-12-31T22:59" },
	};
	struct tm	 tm;
	time_t		 t;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(tz_parse_datetime(cases[i].local, &tm), 0);
		assert_int_equal(tz_mktime("Europe/Madrid", &tm, &t), 0);
		if (t != utc(cases[i].utc))
			fail_msg("%s Madrid gave %lld, want %s", cases[i].local, (long long)t,
			    cases[i].utc);
	}
	assert_int_equal(tz_mktime("Nowhere/Land", &tm, &t), -1);
}

static void
test_localtime_madrid(void **state)
{
	struct tm	 tm;

	assert_int_equal(tz_localtime("Europe/Madrid", utc("2026-03-29T00:59"), &tm), 0);
	assert_int_equal(tm.tm_hour, 1);
	assert_int_equal(tm.tm_min, 59);
	assert_int_equal(tz_localtime("Europe/Madrid", utc("2026-03-29T01:00"), &tm), 0);
	assert_int_equal(tm.tm_hour, 3);
	assert_int_equal(tm.tm_isdst, 1);
	assert_int_equal(tz_localtime("Europe/Madrid", utc("2026-10-25T00:30"), &tm), 0);
	assert_int_equal(tm.tm_hour, 2);
	assert_int_equal(tm.tm_isdst, 1);
	assert_int_equal(tz_localtime("Europe/Madrid", utc("2026-10-25T01:30"), &tm), 0);
	assert_int_equal(tm.tm_hour, 2);
	assert_int_equal(tm.tm_isdst, 0);
	assert_int_equal(tz_localtime("America/New_York", utc("2026-07-01T12:00"), &tm), 0);
	assert_int_equal(tm.tm_hour, 8);
	assert_int_equal(tz_localtime("../etc/passwd", 0, &tm), -1);
}

/* Zones alternate between calls and outnumber the validity cache: every answer stays right. */
static void
test_tz_switching(void **state)
{
	static const struct { const char *tz; int hour; } zones[] = {
		{ "Europe/Madrid", 14 }, { "Asia/Tokyo", 21 }, { "America/New_York", 8 },
		{ "UTC", 12 }, { "Europe/London", 13 }, { "Australia/Sydney", 22 },
		{ "America/Los_Angeles", 5 }, { "Asia/Kolkata", 17 }, { "Africa/Lagos", 13 },
		{ "America/Sao_Paulo", 9 },
	};
	struct tm	 tm;
	size_t		 i, round;

	for (round = 0; round < 3; round++)
		for (i = 0; i < sizeof zones / sizeof zones[0]; i++) {
			assert_int_equal(tz_localtime(zones[i].tz, utc("2026-07-01T12:00"), &tm), 0);
			assert_int_equal(tm.tm_hour, zones[i].hour);
			assert_int_equal(tz_localtime("Europe/Nowhere", 0, &tm), -1);
		}
}

static void
test_parse(void **state)
{
	static const char *bad_dates[] = { "", "2026-02-29", "2026-13-01", "2026-00-10",
	    "2026-04-31", "2026-1-05", "2026-01-05x", "2026/01/05", " 2026-01-05", "20260105",
	    "0000-01-01", NULL };
	static const char *bad_dts[] = { "2026-01-05T24:00", "2026-01-05T10:60", "2026-01-05 10:00",
	    "2026-01-05T10:00:00", "2026-01-05T1:00", "2026-01-05", NULL };
	struct tm	 tm;
	int		 i;

	assert_int_equal(tz_parse_date("2028-02-29", &tm), 0);
	assert_int_equal(tm.tm_year, 128);
	assert_int_equal(tm.tm_mon, 1);
	assert_int_equal(tm.tm_mday, 29);
	assert_int_equal(tz_parse_date("2026-03-29", &tm), 0);
	assert_int_equal(tm.tm_wday, 0);	/* a Sunday */
	assert_int_equal(tm.tm_yday, 87);
	assert_int_equal(tz_parse_datetime("2026-11-28T23:59", &tm), 0);
	assert_int_equal(tm.tm_hour, 23);
	assert_int_equal(tm.tm_min, 59);
	assert_int_equal(tm.tm_wday, 6);
	for (i = 0; bad_dates[i] != NULL; i++)
		if (tz_parse_date(bad_dates[i], &tm) == 0)
			fail_msg("date %s accepted", bad_dates[i]);
	for (i = 0; bad_dts[i] != NULL; i++)
		if (tz_parse_datetime(bad_dts[i], &tm) == 0)
			fail_msg("datetime %s accepted", bad_dts[i]);
	assert_int_equal(tz_parse_date(NULL, &tm), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_mktime_madrid),
		cmocka_unit_test(test_localtime_madrid),
		cmocka_unit_test(test_tz_switching),
		cmocka_unit_test(test_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
