/* See LICENSE. test_expenses_store.c: expenses.occurrences() against a C model, to the cent; the day section; ownership.
 *
 * Needs MSB_TEST_DATABASE_URL (a scratch database, migrated here); tests/run.sh gives each binary a fresh one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/mem.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "expenses/expenses.h"
#include "expenses/internal.h"
#include "expenses/money.h"

#define USER	610001
#define OTHER	610002
#define NROWS	300

struct model {
	int64_t	cents;
	int	cur;		/* 0 EUR, 1 USD */
	day_t	start, until;	/* until < 0: still repeating */
	int	every;		/* 0 once, 1 day, 2 week, 3 month, 4 year */
};

static struct model rows[NROWS];
static const char *const evs[] = { "", "day", "week", "month", "year" };

static struct db *
open_db(void)
{
	const char *url = getenv("MSB_TEST_DATABASE_URL");
	struct db *db;

	if (url == NULL || *url == '\0')
		fail_msg("MSB_TEST_DATABASE_URL is not set: this test needs a scratch PostgreSQL database");
	if ((db = db_open(url)) == NULL)
		fail_msg("cannot connect to MSB_TEST_DATABASE_URL");
	assert_int_equal(db_migrate(db, NULL), 0);
	return db;
}

/* The k-th day of a series, as the SQL computes it: months counted from the start, clamped. */
static day_t
nth(const struct model *m, int k)
{
	switch (m->every) {
	case 1: return m->start + k;
	case 2: return m->start + 7 * k;
	case 3: return day_add_months(m->start, k);
	case 4: return day_add_months(m->start, 12 * k);
	}
	return m->start;
}

static int64_t
model_total(day_t from, day_t to, int cur)
{
	int64_t sum = 0;
	int i, k;
	day_t d;

	for (i = 0; i < NROWS; i++) {
		if (rows[i].cur != cur)
			continue;
		for (k = 0; (d = nth(&rows[i], k)) < to; k++) {
			if (rows[i].until >= 0 && d > rows[i].until)
				break;
			if (d >= from)
				sum += rows[i].cents;
			if (rows[i].every == 0)
				break;
		}
	}
	return sum;
}

static void
seed(struct db *db)
{
	char u[DB_I64_LEN], amount[MONEY_SQL_LEN], d[DAY_LEN], until[DAY_LEN];
	const char *p[2];
	day_t base = day_from_ymd(2025, 1, 1);
	unsigned seedv = 12345;
	int i;

	p[0] = "INSERT INTO core.users (user_id, chat_id) VALUES (610001, 610001), (610002, 610002)";
	assert_int_equal(db_exec(db, p[0], 0, NULL), 0);
	for (i = 0; i < NROWS; i++) {
		struct model *m = &rows[i];
		const char *q[6];

		seedv = seedv * 1103515245u + 12345u;
		m->cents = 1 + (int64_t)(seedv >> 8) % 50000;
		m->cur = (seedv >> 3) % 7 == 0;
		m->every = (seedv >> 5) % 10 < 6 ? 0 : 1 + (int)((seedv >> 12) % 4);
		/* Month ends on purpose: a series from the 31st must land on the 28th/29th/30th. */
		m->start = (seedv >> 16) % 5 == 0 ? day_from_ymd(2025, 1 + (int)(seedv % 12), 28) + (int)(seedv % 4) :
		    base + (int)((seedv >> 10) % 700);
		m->until = m->every != 0 && (seedv >> 20) % 3 == 0 ? m->start + (int)((seedv >> 4) % 400) : -1;
		q[0] = db_i64(u, USER);
		q[1] = money_sql(amount, m->cents);
		q[2] = m->cur ? "USD" : "EUR";
		q[3] = day_str(d, m->start);
		q[4] = m->every ? evs[m->every] : NULL;
		q[5] = m->until >= 0 ? day_str(until, m->until) : NULL;
		assert_int_equal(db_exec(db, "INSERT INTO expenses.expenses (user_id, amount, currency, concept, "
		    "category, spent_on, every, until_on) VALUES ($1, $2::numeric, $3, 'c', 'other', $4::date, $5, "
		    "$6::date)", 6, q), 0);
	}
	/* Another user's rows never count. */
	p[0] = db_i64(u, OTHER);
	assert_int_equal(db_exec(db, "INSERT INTO expenses.expenses (user_id, amount, currency, concept, category, "
	    "spent_on, every) VALUES ($1, 99.99, 'EUR', 'x', 'food', '2025-01-01', 'day')", 1, p), 0);
}

static void
test_totals_match_model(void **state)
{
	struct db *db = open_db();
	struct arena *a = arena_new();
	struct exp_sum *s;
	int i, j, n, windows = 0;
	day_t from, to;

	seed(db);
	for (from = day_from_ymd(2024, 12, 1); from < day_from_ymd(2027, 3, 1); from += 17) {
		for (j = 0; j < 4; j++) {
			struct period p = period_of((enum period_kind)j, from);
			int64_t eur = 0, usd = 0;

			n = exp_sums(db, USER, p.from, p.to, EXP_BY_CURRENCY, a, &s);
			assert_true(n >= 0);
			for (i = 0; i < n; i++)
				*(strcmp(s[i].currency, "USD") == 0 ? &usd : &eur) += s[i].cents;
			if (eur != model_total(p.from, p.to, 0) || usd != model_total(p.from, p.to, 1)) {
				char b[DAY_LEN];

				fail_msg("%s %s: sql %lld/%lld, model %lld/%lld", period_kind_name(p.kind), day_str(b, p.from),
				    (long long)eur, (long long)usd, (long long)model_total(p.from, p.to, 0),
				    (long long)model_total(p.from, p.to, 1));
			}
			windows++;
		}
		arena_reset(a);
	}
	/* Odd windows too: a period is any [from, to). */
	for (from = day_from_ymd(2025, 1, 30), to = from + 1; to < day_from_ymd(2026, 6, 1); from += 13, to += 29) {
		int64_t eur = 0;

		n = exp_sums(db, USER, from, to, EXP_BY_CATEGORY, a, &s);
		for (i = 0; i < n; i++)
			if (strcmp(s[i].currency, "EUR") == 0)
				eur += s[i].cents;
		assert_true(eur == model_total(from, to, 0));
		windows++;
	}
	assert_true(windows > 200);
	arena_free(a);
	db_close(db);
}

static void
test_day_section(void **state)
{
	struct db *db = open_db();
	struct strbuf sb = STRBUF_INIT;
	char u[DB_I64_LEN];
	const char *p[1] = { db_i64(u, 610003) };

	assert_int_equal(db_exec(db, "INSERT INTO core.users (user_id, chat_id) VALUES ($1, $1)", 1, p), 0);
	assert_int_equal(expenses_day_section(db, 610003, "es", "Europe/Madrid", "2026-11-15", &sb), 0);
	assert_int_equal(sb.len, 0);	/* nothing spent: nothing said */
	assert_int_equal(db_exec(db, "INSERT INTO expenses.expenses (user_id, amount, currency, concept, category, "
	    "spent_on, every) VALUES ($1, 12.50, 'EUR', 'a', 'food', '2026-11-15', NULL), "
	    "($1, 3.00, 'EUR', 'b', 'food', '2026-11-02', 'week'), ($1, 1000, 'EUR', 'c', 'food', '2026-11-16', NULL), "
	    "($1, 2.25, 'USD', 'd', 'food', '2026-11-01', NULL)", 1, p), 0);
	assert_int_equal(expenses_day_section(db, 610003, "es", "Europe/Madrid", "2026-11-15", &sb), 1);
	/* Day: 12,50; month up to the 15th: 12,50 + the weekly 3,00 of the 2nd and 9th (the 16th is later). */
	assert_non_null(strstr(strbuf_str(&sb), "12,50 €"));
	assert_non_null(strstr(strbuf_str(&sb), "18,50 € + 2,25 $"));
	strbuf_reset(&sb);
	assert_int_equal(expenses_day_section(db, 610003, "en", "Europe/Madrid", "2026-11-16", &sb), 1);
	assert_non_null(strstr(strbuf_str(&sb), "€1,003.00 that day"));	/* 1000 + the weekly 3 */
	strbuf_release(&sb);
	db_close(db);
}

static void
test_ownership(void **state)
{
	struct db *db = open_db();
	struct arena *a = arena_new();
	struct exp_row r;
	struct db_res *res;
	int64_t id;

	res = db_query(db, "SELECT id FROM expenses.expenses WHERE user_id = 610002", 0, NULL);
	assert_non_null(res);
	id = db_get_i64(res, 0, "id", -1);
	db_res_free(res);
	assert_true(id > 0);
	assert_int_equal(exp_get(db, USER, id, a, &r), 0);
	assert_int_equal(exp_remove(db, USER, id), 0);
	assert_int_equal(exp_set_category(db, USER, id, "food"), 0);
	assert_int_equal(exp_stop(db, USER, id, 0), 0);
	assert_int_equal(exp_get(db, OTHER, id, a, &r), 1);
	assert_string_equal(r.every, "day");
	assert_true(r.cents == 9999);
	assert_int_equal(exp_stop(db, OTHER, id, day_from_ymd(2025, 1, 10)), 1);
	assert_int_equal(exp_stop(db, OTHER, id, day_from_ymd(2025, 1, 20)), 0);	/* already stopped */
	assert_int_equal(exp_remove(db, OTHER, id), 1);
	arena_free(a);
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totals_match_model),
		cmocka_unit_test(test_day_section),
		cmocka_unit_test(test_ownership),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
