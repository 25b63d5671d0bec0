/* See LICENSE. common.c: categories, amounts, dates and periods in the user's words. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expenses/internal.h"
#include "expenses/money.h"
#include "core/mem.h"
#include "core/strbuf.h"

/* CONTRACT.md 5: the parser's categories. */
const char *const exp_categories[] = {
	"food", "transport", "housing", "education", "leisure", "health", "shopping", "bills", "other", NULL
};

bool
exp_category_valid(const char *cat)
{
	int i;

	for (i = 0; cat != NULL && exp_categories[i] != NULL; i++)
		if (strcmp(cat, exp_categories[i]) == 0)
			return true;
	return false;
}

/* A category keeps its color in every chart, so a pie and last months' bars read alike. */
uint32_t
exp_category_color(const char *cat)
{
	static const uint32_t colors[] = {
		0xf28e2b, 0x4e79a7, 0xe15759, 0x76b7b2, 0xb07aa1, 0x59a14f, 0xff9da7, 0xedc948, 0xbab0ac
	};
	int i;

	for (i = 0; exp_categories[i] != NULL; i++)
		if (strcmp(cat, exp_categories[i]) == 0)
			return colors[i];
	return 0x9c755f;
}

const char *
exp_money_lang(struct arena *a, const char *lang, int64_t cents, const char *currency)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s;

	money_format(&sb, cents, currency, lang);
	s = arena_strdup(a, strbuf_str(&sb));
	strbuf_release(&sb);
	return s;
}

const char *
exp_money(struct reply *r, int64_t cents, const char *currency)
{
	return exp_money_lang(r->a, r->lang, cents, currency);
}

const char *
exp_category_name(const char *lang, const char *cat)
{
	char key[48];

	snprintf(key, sizeof key, "expenses.cat.%s", exp_category_valid(cat) ? cat : "other");
	return i18n_get(lang, key);
}

const char *
exp_month_name(const char *lang, int month)
{
	char key[32];

	snprintf(key, sizeof key, "expenses.month.%d", month >= 1 && month <= 12 ? month : 1);
	return i18n_get(lang, key);
}

const char *
exp_day_text(struct reply *r, const char *day)
{
	int y, m, d;

	if (civil_parse_ymd(day, &y, &m, &d) != 0)
		return day;
	return reply_fmt(r, "expenses.date", d, m, y);
}

const char *
exp_period_title(struct reply *r, struct period p)
{
	int y, m, d;

	civil_from_days(p.from, &y, &m, &d);
	switch (p.kind) {
	case PERIOD_DAY:
		return reply_fmt(r, "expenses.period.day", d, m, y);
	case PERIOD_WEEK:
		return reply_fmt(r, "expenses.period.week", d, exp_month_name(r->lang, m));
	case PERIOD_MONTH:
		return reply_fmt(r, "expenses.period.month", exp_month_name(r->lang, m), y);
	case PERIOD_YEAR:
		break;
	}
	return reply_fmt(r, "expenses.period.year", y);
}

day_t
exp_today(const struct bot_ctx *c)
{
	return day_from_ymd(c->local.year, c->local.month, c->local.day);
}

struct period
exp_period_from(const struct bot_ctx *c, const struct nlu_result *res, enum period_kind dflt)
{
	enum period_kind k = dflt;
	day_t d = exp_today(c);

	if (period_kind_parse(res->period, dflt, &k) != 0)
		k = dflt;
	if (res->date[0] != '\0' && day_parse(res->date, &d) != 0)
		d = exp_today(c);
	return period_of(k, d);
}

bool
exp_change(int64_t cur, int64_t prev, int *pct)
{
	int64_t diff = cur - prev;

	if (prev <= 0)
		return false;
	/* Rounded half away from zero, in integers. */
	*pct = (int)((diff * 100 + (diff >= 0 ? prev / 2 : -prev / 2)) / prev);
	return true;
}

int64_t
exp_parse_id(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || !isdigit((unsigned char)*s))
		return -1;
	v = strtoll(s, &end, 10);
	if (v <= 0 || (*end != '\0' && *end != ':'))
		return -1;
	return v;
}
