/* See LICENSE. test_date.c: core/date.c — day numbers, leap years, weekdays, and date and clock text, good and bad. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "core/date.h"

static void
test_days_roundtrip(void **state)
{
	static const struct { int y, m, d; int64_t days; } cases[] = {
		{ 1970, 1, 1, 0 }, { 1969, 12, 31, -1 }, { 2000, 3, 1, 11017 }, { 2026, 11, 28, 20785 },
		{ 1, 1, 1, -719162 }, { 9999, 12, 31, 2932896 }, { 1900, 3, 1, -25508 }, { 2028, 2, 29, 21243 },
	};
	int64_t z;
	size_t i;
	int y, m, d, py = 0, pm = 0, pd = 0;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(civil_to_days(cases[i].y, cases[i].m, cases[i].d), cases[i].days);
		civil_from_days(cases[i].days, &y, &m, &d);
		assert_int_equal(y, cases[i].y);
		assert_int_equal(m, cases[i].m);
		assert_int_equal(d, cases[i].d);
	}
	/* Every day from 1600 to 2400 follows the one before it. */
	for (z = civil_to_days(1600, 1, 1); z < civil_to_days(2400, 12, 31); z++) {
		civil_from_days(z, &y, &m, &d);
		assert_int_equal(civil_to_days(y, m, d), z);
		if (py != 0)
			assert_true((y == py && m == pm && d == pd + 1) ||
			    (y == py && m == pm + 1 && d == 1 && pd == civil_days_in_month(py, pm)) ||
			    (y == py + 1 && m == 1 && d == 1 && pm == 12 && pd == 31));
		py = y, pm = m, pd = d;
	}
}

static void
test_leap(void **state)
{
	assert_int_equal(civil_days_in_month(2024, 2), 29);
	assert_int_equal(civil_days_in_month(2026, 2), 28);
	assert_int_equal(civil_days_in_month(1900, 2), 28);	/* century, not leap */
	assert_int_equal(civil_days_in_month(2000, 2), 29);	/* 400th year, leap */
	assert_int_equal(civil_days_in_month(2100, 2), 28);
	assert_int_equal(civil_days_in_month(2026, 4), 30);
	assert_int_equal(civil_days_in_month(2026, 12), 31);
	assert_int_equal(civil_days_in_month(2026, 0), 0);
	assert_int_equal(civil_days_in_month(2026, 13), 0);
}

static void
test_weekday(void **state)
{
	assert_int_equal(civil_weekday(0), 4);				/* 1970-01-01, Thursday */
	assert_int_equal(civil_weekday(civil_to_days(2026, 11, 28)), 6);
	assert_int_equal(civil_weekday(civil_to_days(2026, 11, 30)), 1);
	assert_int_equal(civil_weekday(civil_to_days(1969, 12, 28)), 7);	/* before the epoch */
	assert_int_equal(civil_weekday(civil_to_days(2000, 2, 29)), 2);
	assert_int_equal(civil_weekday(civil_to_days(1, 1, 1)), 1);
}

static void
test_parse_ymd(void **state)
{
	static const char *bad[] = { "", "2026", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31",
	    "2026-01-00", "0000-01-01", "2026-1-05", "2026-01-5", "26-01-05", " 2026-01-05", "2026-01-05 ",
	    "2026-01-05x", "+026-01-05", "-026-01-05", "2026/01/05", "2026-0a-05", "2026-01-05T10:00",
	    "9999-12-32", NULL };
	int64_t z = 42;
	int y = 0, m = 0, d = 0, i;
	char out[CIVIL_YMD_LEN];

	assert_int_equal(civil_parse_ymd("2028-02-29", &y, &m, &d), 0);
	assert_true(y == 2028 && m == 2 && d == 29);
	assert_int_equal(civil_parse_ymd("0001-01-01", &y, &m, &d), 0);
	assert_int_equal(civil_parse_ymd("9999-12-31", &y, &m, &d), 0);
	assert_int_equal(civil_parse_days("2026-11-28", &z), 0);
	assert_int_equal(z, 20785);
	civil_fmt_ymd(z, out);
	assert_string_equal(out, "2026-11-28");
	civil_fmt_ymd(civil_to_days(5, 3, 7), out);
	assert_string_equal(out, "0005-03-07");
	for (i = 0; bad[i] != NULL; i++) {
		z = 42;
		if (civil_parse_days(bad[i], &z) == 0 || z != 42)
			fail_msg("\"%s\" should be refused and leave the output alone", bad[i]);
	}
	assert_int_equal(civil_parse_days(NULL, &z), -1);
}

static void
test_hm(void **state)
{
	static const struct { const char *s; int min; } good[] = {
		{ "00:00", 0 }, { "23:59", 1439 }, { "10:30", 630 }, { "9:05", 545 }, { "09:5", 545 }, { "9:5", 545 },
	};
	static const char *bad[] = { "", ":", "24:00", "12:60", "1230", "12:3x", "12:345", "123:00", " 9:00",
	    "9:00 ", "-1:00", "+9:00", "12:-1", "ab:cd", "12:", ":30", NULL };
	size_t i;
	int min;
	char out[CIVIL_HM_LEN];

	for (i = 0; i < sizeof good / sizeof good[0]; i++) {
		min = -1;
		assert_int_equal(civil_parse_hm(good[i].s, &min), 0);
		assert_int_equal(min, good[i].min);
	}
	for (i = 0; bad[i] != NULL; i++) {
		min = -7;
		if (civil_parse_hm(bad[i], &min) == 0 || min != -7)
			fail_msg("\"%s\" should be refused", bad[i]);
	}
	assert_int_equal(civil_parse_hm(NULL, &min), -1);
	civil_fmt_hm(545, out);
	assert_string_equal(out, "09:05");
	civil_fmt_hm(0, out);
	assert_string_equal(out, "00:00");
	civil_fmt_hm(1439, out);
	assert_string_equal(out, "23:59");
	civil_fmt_hm(1440 + 61, out);
	assert_string_equal(out, "01:01");
	civil_fmt_hm(-1, out);
	assert_string_equal(out, "23:59");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_roundtrip),
		cmocka_unit_test(test_leap),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_parse_ymd),
		cmocka_unit_test(test_hm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
