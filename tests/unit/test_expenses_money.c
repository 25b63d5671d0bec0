/* See LICENSE. test_expenses_money.c: exact cents from decimal text, amounts per language, periods and day math. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/strbuf.h"
#include "expenses/money.h"
#include "expenses/period.h"

static void
test_parse(void **state)
{
	static const struct { const char *in; int rc; int64_t cents; } t[] = {
		{ "12.50", 0, 1250 }, { "12.5", 0, 1250 }, { "12", 0, 1200 }, { "0.05", 0, 5 },
		{ "1234.56", 0, 123456 }, { ".5", 0, 50 }, { "-3.10", 0, -310 }, { "0.1", 0, 10 },
		{ "9999999999.99", 0, INT64_C(999999999999) }, { "10000000000.00", -1, 0 },
		{ "1.234", -1, 0 }, { "1,50", -1, 0 }, { "", -1, 0 }, { ".", -1, 0 }, { "abc", -1, 0 },
		{ "5.", 0, 500 }, { "12.50x", -1, 0 }, { "0.29", 0, 29 }, { "19.99", 0, 1999 },
	};
	size_t i;
	int64_t c;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		c = 0;
		assert_int_equal(money_parse(t[i].in, &c), t[i].rc);
		if (t[i].rc == 0)
			assert_true(c == t[i].cents);
	}
	assert_int_equal(money_parse(NULL, &c), -1);
}

static void
test_sql(void **state)
{
	char b[MONEY_SQL_LEN];

	assert_string_equal(money_sql(b, 1250), "12.50");
	assert_string_equal(money_sql(b, 5), "0.05");
	assert_string_equal(money_sql(b, -5), "-0.05");
	assert_string_equal(money_sql(b, 0), "0.00");
	assert_string_equal(money_sql(b, INT64_C(999999999999)), "9999999999.99");
}

static void
test_format(void **state)
{
	static const struct { int64_t c; const char *cur, *lang, *out; } t[] = {
		{ 500, "EUR", "es", "5,00 €" }, { 500, "EUR", "en", "€5.00" },
		{ 123456, "EUR", "es", "1.234,56 €" }, { 123456, "EUR", "en", "€1,234.56" },
		{ 123456789, "USD", "en", "$1,234,567.89" }, { 123456789, "USD", "es", "1.234.567,89 $" },
		{ 99, "GBP", "en", "£0.99" }, { 1200, "CHF", "es", "12,00 CHF" }, { 1200, "CHF", "en", "CHF 12.00" },
		{ -250, "EUR", "es", "-2,50 €" }, { -250, "EUR", "en", "-€2.50" }, { 100000, "EUR", "es", "1.000,00 €" },
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct strbuf sb = STRBUF_INIT;

		money_format(&sb, t[i].c, t[i].cur, t[i].lang);
		assert_string_equal(strbuf_str(&sb), t[i].out);
		strbuf_release(&sb);
	}
}

static void
test_days(void **state)
{
	char b[DAY_LEN];
	day_t d;
	int y, m, dd;

	assert_int_equal(day_from_ymd(1970, 1, 1), 0);
	assert_int_equal(day_parse("2026-11-28", &d), 0);
	assert_string_equal(day_str(b, d), "2026-11-28");
	assert_int_equal(civil_weekday(d), 6);		/* a Saturday */
	assert_int_equal(day_parse("2026-02-29", &d), -1);
	assert_int_equal(day_parse("2028-02-29", &d), 0);
	assert_int_equal(day_parse("2026-1-5", &d), -1);
	assert_int_equal(day_parse("2026-11-28x", &d), -1);
	day_parse("2026-03-31", &d);
	assert_string_equal(day_str(b, day_add_months(d, -1)), "2026-02-28");
	assert_string_equal(day_str(b, day_add_months(d, -13)), "2025-02-28");
	assert_string_equal(day_str(b, day_add_months(d, 11)), "2027-02-28");
	for (d = day_from_ymd(1999, 12, 1); d < day_from_ymd(2031, 1, 1); d += 13) {
		civil_from_days(d, &y, &m, &dd);
		assert_int_equal(day_from_ymd(y, m, dd), d);
	}
}

static void
test_periods(void **state)
{
	struct period p, cur, prev;
	char a[DAY_LEN], b[DAY_LEN];
	day_t today;
	enum period_kind k;

	day_parse("2026-11-28", &today);
	p = period_of(PERIOD_WEEK, today);
	assert_string_equal(day_str(a, p.from), "2026-11-23");	/* Monday */
	assert_string_equal(day_str(b, p.to), "2026-11-30");
	p = period_of(PERIOD_MONTH, today);
	assert_true(period_same_point(p, today, &cur, &prev));
	assert_string_equal(day_str(a, cur.to), "2026-11-29");
	assert_string_equal(day_str(a, prev.from), "2026-10-01");
	assert_string_equal(day_str(b, prev.to), "2026-10-29");	/* day 28 against day 28 */
	/* 31 March against the end of February. */
	day_parse("2026-03-31", &today);
	assert_false(period_same_point(period_of(PERIOD_MONTH, today), today, &cur, &prev));
	day_parse("2026-03-30", &today);
	assert_true(period_same_point(period_of(PERIOD_MONTH, today), today, &cur, &prev));
	assert_string_equal(day_str(b, prev.to), "2026-03-01");
	/* A past period is compared whole. */
	day_parse("2026-11-28", &today);
	p = period_of(PERIOD_MONTH, day_from_ymd(2026, 9, 10));
	assert_false(period_same_point(p, today, &cur, &prev));
	assert_string_equal(day_str(a, prev.from), "2026-08-01");
	assert_string_equal(day_str(b, prev.to), "2026-09-01");
	p = period_of(PERIOD_YEAR, today);
	period_same_point(p, today, &cur, &prev);
	assert_string_equal(day_str(a, prev.from), "2025-01-01");
	assert_string_equal(day_str(b, prev.to), "2025-11-29");
	p = period_of(PERIOD_WEEK, today);
	period_same_point(p, today, &cur, &prev);
	assert_string_equal(day_str(a, prev.from), "2026-11-16");
	assert_string_equal(day_str(b, prev.to), "2026-11-22");
	assert_string_equal(day_str(a, period_back(period_of(PERIOD_MONTH, today), 12).from), "2025-11-01");
	assert_int_equal(period_kind_parse("week", PERIOD_MONTH, &k), 0);
	assert_int_equal(k, PERIOD_WEEK);
	assert_int_equal(period_kind_parse("", PERIOD_MONTH, &k), 0);
	assert_int_equal(k, PERIOD_MONTH);
	assert_int_equal(period_kind_parse("fortnight", PERIOD_MONTH, &k), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_sql),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_periods),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
