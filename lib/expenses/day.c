/* See LICENSE. day.c: the agenda's and digest's money line: spent that day and in its month so far. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "expenses/expenses.h"
#include "expenses/internal.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "core/tz.h"

/* "12,50 € + $3.00": one amount per currency, never added together; "0,00 €" when none. */
static const char *
amounts(struct arena *a, const char *lang, const struct exp_sum *s, int n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_adds(&sb, " + ");
		strbuf_adds(&sb, exp_money_lang(a, lang, s[i].cents, s[i].currency));
	}
	if (n == 0)
		strbuf_adds(&sb, exp_money_lang(a, lang, 0, "EUR"));
	out = arena_strdup(a, strbuf_str(&sb));
	strbuf_release(&sb);
	return out;
}

/* True when "d" is after today in zone "tz" (an unknown zone shows every day). */
static bool
is_future(day_t d, const char *tz)
{
	struct tm tm;

	if (tz_localtime(tz, time(NULL), &tm) != 0)
		return false;
	return d > day_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
expenses_day_section(struct db *db, int64_t user_id, const char *lang, const char *tz, const char *date,
    struct strbuf *out)
{
	struct arena *a;
	struct exp_sum *day, *month;
	struct period m;
	day_t d;
	int nd, nm, rc = -1;

	if (day_parse(date, &d) != 0 || is_future(d, tz))
		return 0;	/* nothing is spent on a day to come: the agenda of next Monday stays short */
	a = arena_new();
	m = period_of(PERIOD_MONTH, d);
	if ((nd = exp_sums(db, user_id, d, d + 1, EXP_BY_CURRENCY, a, &day)) < 0 ||
	    (nm = exp_sums(db, user_id, m.from, d + 1, EXP_BY_CURRENCY, a, &month)) < 0)
		goto out;
	rc = 0;
	if (nm == 0)	/* nothing spent this month: the agenda stays short */
		goto out;
	/* A blank line from the sections before (classes, deadlines). */
	if (out->len > 0)
		strbuf_adds(out, out->buf[out->len - 1] == '\n' ? "\n" : "\n\n");
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	/* The format comes from our catalog, never from users. */
	strbuf_addf(out, i18n_get(lang, "expenses.day_line"), amounts(a, lang, day, nd), amounts(a, lang, month, nm));
#pragma GCC diagnostic pop
	rc = 1;
out:
	arena_free(a);
	return rc;
}
