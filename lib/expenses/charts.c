/* See LICENSE. charts.c: the five expense charts (pie, bars by day, bars by category, running line, months). */
#include <stdio.h>
#include <string.h>

#include "chart/chart.h"
#include "expenses/expenses.h"
#include "expenses/internal.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "expenses/money.h"

struct fmt_arg {
	const char	*lang;
	const char	*currency;
};

/* Chart amounts in the user's format: "45,00 €" / "€45.00". */
static void
fmt_money(void *arg, int64_t v, char *buf, size_t len)
{
	const struct fmt_arg *f = arg;
	struct strbuf sb = STRBUF_INIT;

	money_format(&sb, v, f->currency, f->lang);
	snprintf(buf, len, "%s", strbuf_str(&sb));
	strbuf_release(&sb);
}

static void
fmt_axis(void *arg, int64_t v, char *buf, size_t len)
{
	const struct fmt_arg *f = arg;
	struct strbuf sb = STRBUF_INIT;

	money_format_whole(&sb, v, f->currency, f->lang);
	snprintf(buf, len, "%s", strbuf_str(&sb));
	strbuf_release(&sb);
}

static const char kinds[][5] = { "pie", "bar", "cat", "line", "cmp" };

/* The kind buttons for "p": "e:ch:KIND:P:YYYY-MM-DD" (P = d/w/m/y), well under 64 bytes. */
void
exp_chart_buttons(struct bot_ctx *c, struct reply_item *it, struct period p)
{
	char data[96], key[48], d[DAY_LEN];
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (i == 3)
			reply_row(it);
		snprintf(key, sizeof key, "expenses.btn.chart_%s", kinds[i]);
		snprintf(data, sizeof data, "e:ch:%s:%c:%s", kinds[i], period_kind_name(p.kind)[0],
		    day_str(d, p.from));
		reply_button(it, c->reply, reply_fmt(c->reply, key), data);
	}
}

/* The currency most used in [from, to) into "cur"; how many currencies (0: nothing spent), or -1. */
static int
main_currency(struct bot_ctx *c, day_t from, day_t to, char cur[4], int64_t *total)
{
	struct exp_sum *s;
	int n = exp_sums(c->db, c->user.id, from, to, EXP_BY_CURRENCY, c->a, &s);

	if (n <= 0)
		return n;
	snprintf(cur, 4, "%s", s[0].currency);
	*total = s[0].cents;
	return n;
}

/* Sends the PNG of "ch" with caption "caption", or says the chart failed. */
static int
send(struct bot_ctx *c, struct chart *ch, const char *caption)
{
	size_t len = 0;
	unsigned char *png = chart_png(ch, c->a, &len);

	if (png == NULL) {
		reply_msgf(c->reply, "expenses.chart_failed");
		return 0;
	}
	reply_photo(c->reply, png, len, caption);
	return 0;
}

/* Gives chart "ch" its "nlabels" labels and the "nseries" series "se". */
static void
set_data(struct chart *ch, const char **labels, int nlabels, const struct chart_series *se, int nseries)
{
	ch->labels = labels;
	ch->nlabels = nlabels;
	ch->series = se;
	ch->nseries = nseries;
}

/* The one series of "n" values "v" under "labels", in the arena. */
static void
set_one_series(struct bot_ctx *c, struct chart *ch, const char **labels, const int64_t *v, int n)
{
	struct chart_series *se = arena_alloc(c->a, sizeof *se);

	se->values = v;
	se->n = n;
	set_data(ch, labels, n, se, 1);
}

/* Pie or bars of the categories of [from, to) in "cur". */
static int
by_category(struct bot_ctx *c, struct chart *ch, day_t from, day_t to, const char *cur)
{
	struct exp_sum *s;
	const char **labels;
	uint32_t *colors;
	int64_t *v;
	int i, k = 0, n = exp_sums(c->db, c->user.id, from, to, EXP_BY_CATEGORY, c->a, &s);

	if (n < 0)
		return -1;
	labels = arena_alloc(c->a, sizeof *labels * (size_t)(n + 1));
	colors = arena_alloc(c->a, sizeof *colors * (size_t)(n + 1));
	v = arena_alloc(c->a, sizeof *v * (size_t)(n + 1));
	for (i = 0; i < n; i++) {
		if (strcmp(s[i].currency, cur) != 0)
			continue;
		labels[k] = exp_category_name(c->reply->lang, s[i].key);
		colors[k] = exp_category_color(s[i].key);
		v[k++] = s[i].cents;
	}
	set_one_series(c, ch, labels, v, k);
	ch->label_colors = colors;
	return 0;
}

/* Daily sums of [from, to) in "cur" into "v" (one slot per day; running totals when "running"). */
static int
daily(struct bot_ctx *c, day_t from, day_t to, const char *cur, int64_t *v, bool running)
{
	struct exp_sum *s;
	int i, n = exp_sums(c->db, c->user.id, from, to, EXP_BY_DAY, c->a, &s);
	day_t d;

	if (n < 0)
		return -1;
	memset(v, 0, sizeof *v * (size_t)(to - from));
	for (i = 0; i < n; i++)
		if (strcmp(s[i].currency, cur) == 0 && day_parse(s[i].key, &d) == 0 && d >= from && d < to)
			v[d - from] += s[i].cents;
	for (i = 1; running && i < to - from; i++)
		v[i] += v[i - 1];
	return 0;
}

/*
 * The month a line or a months chart is about when asked for "p": the
 * month of today if "p" holds today, else of the last day of "p" (a year
 * asked for in March means March, a past year its December).
 */
static struct period
anchor_month(const struct bot_ctx *c, struct period p)
{
	day_t today = exp_today(c);

	return period_of(PERIOD_MONTH, today >= p.from && today < p.to ? today : p.to - 1);
}

/* Bars over time: the days of a week or month, the months of a year. */
static int
by_time(struct bot_ctx *c, struct chart *ch, struct period p, day_t to, const char *cur)
{
	int i, n = p.to - p.from, y, m, d;
	int64_t *days = arena_alloc(c->a, sizeof *days * (size_t)n), *v;
	const char **labels;
	char key[32];

	if (daily(c, p.from, to, cur, days, false) != 0)
		return -1;
	if (p.kind == PERIOD_YEAR) {
		v = arena_alloc(c->a, sizeof *v * 12);
		labels = arena_alloc(c->a, sizeof *labels * 12);
		for (i = 0; i < to - p.from; i++) {
			civil_from_days(p.from + i, &y, &m, &d);
			v[m - 1] += days[i];
		}
		for (i = 0; i < 12; i++) {
			snprintf(key, sizeof key, "expenses.mon.%d", i + 1);
			labels[i] = reply_fmt(c->reply, key);
		}
		n = 12;
	} else {
		v = days;
		labels = arena_alloc(c->a, sizeof *labels * (size_t)n);
		for (i = 0; i < n; i++) {
			civil_from_days(p.from + i, &y, &m, &d);
			snprintf(key, sizeof key, "expenses.wd.%d", civil_weekday(p.from + i));
			labels[i] = p.kind == PERIOD_WEEK ? reply_fmt(c->reply, "expenses.wd_day", reply_fmt(c->reply,
			    key), d) : arena_printf(c->a, "%d", d);
		}
	}
	set_one_series(c, ch, labels, v, n);
	return 0;
}

/*
 * The running total of "p"'s month up to today against the whole month
 * before, so "a día 15 llevas un 20 % más que en octubre" can be seen.
 * The caption says it in words.
 */
static int
running(struct bot_ctx *c, struct chart *ch, struct period p, const char *cur, const char **caption)
{
	struct period m = anchor_month(c, p), cut, prev;
	struct reply *r = c->reply;
	struct chart_series *se = arena_alloc(c->a, 2 * sizeof *se);
	int i, n, yy, mm, dd, pct;
	int64_t *now, *before;
	const char **labels;
	bool sofar = period_same_point(m, exp_today(c), &cut, &prev);

	prev = period_back(m, 1);
	n = (m.to - m.from) > (prev.to - prev.from) ? m.to - m.from : prev.to - prev.from;
	now = arena_alloc(c->a, sizeof *now * (size_t)(m.to - m.from));
	before = arena_alloc(c->a, sizeof *before * (size_t)(prev.to - prev.from));
	if (daily(c, m.from, cut.to, cur, now, true) != 0 || daily(c, prev.from, prev.to, cur, before, true) != 0)
		return -1;
	labels = arena_alloc(c->a, sizeof *labels * (size_t)n);
	for (i = 0; i < n; i++)
		labels[i] = arena_printf(c->a, "%d", i + 1);
	civil_from_days(m.from, &yy, &mm, &dd);
	se[0] = (struct chart_series){ reply_fmt(r, "expenses.legend_month", exp_month_name(r->lang, mm),
	    exp_money(r, now[cut.to - cut.from - 1], cur)), now, cut.to - cut.from, 0x4e79a7 };
	civil_from_days(prev.from, &yy, &mm, &dd);
	se[1] = (struct chart_series){ reply_fmt(r, "expenses.legend_month", exp_month_name(r->lang, mm),
	    exp_money(r, before[prev.to - prev.from - 1], cur)), before, prev.to - prev.from, 0xbab0ac };
	set_data(ch, labels, n, se, 2);
	/* The same day of last month (clamped to its end) is what "so far" is compared with. */
	i = cut.to - cut.from - 1 < prev.to - prev.from ? cut.to - cut.from - 1 : prev.to - prev.from - 1;
	if (sofar && exp_change(now[cut.to - cut.from - 1], before[i], &pct))
		*caption = reply_fmt(r, pct >= 0 ? "expenses.line_more" : "expenses.line_less", c->local.day,
		    pct >= 0 ? pct : -pct, exp_month_name(r->lang, mm));
	return 0;
}

/* Months as shades of one blue, light to dark: the latest stands out and the order reads as time. */
static uint32_t
month_shade(int i, int n)
{
	static const int from[3] = { 0xc6, 0xdb, 0xef }, to[3] = { 0x08, 0x45, 0x94 };
	uint32_t c = 0;
	int k;

	for (k = 0; k < 3; k++)
		c = c << 8 | (uint32_t)(from[k] + (to[k] - from[k]) * (n > 1 ? i : 1) / (n > 1 ? n - 1 : 1));
	return c;
}

/* Grouped bars: the categories of the last "n" months (up to "p"'s month, cut at today), a bar per month. */
static int
months(struct bot_ctx *c, struct chart *ch, struct period p, int n, const char *cur)
{
	struct period m = anchor_month(c, p), cut, prev;
	struct chart_series *se = arena_alloc(c->a, sizeof *se * (size_t)n);
	const char **labels = arena_alloc(c->a, sizeof *labels * 9);
	int64_t (*v)[9] = arena_alloc(c->a, sizeof *v * (size_t)n);
	struct exp_sum *s;
	int i, j, k, ns, y, mo, d, used[9] = { 0 }, ncat = 0;

	for (i = 0; i < n; i++) {
		struct period mi = period_of(PERIOD_MONTH, day_add_months(m.from, i - (n - 1)));

		period_same_point(mi, exp_today(c), &cut, &prev);
		if ((ns = exp_sums(c->db, c->user.id, cut.from, cut.to, EXP_BY_CATEGORY, c->a, &s)) < 0)
			return -1;
		for (j = 0; j < ns; j++)
			for (k = 0; k < 9; k++)
				if (strcmp(s[j].currency, cur) == 0 && strcmp(s[j].key, exp_categories[k]) == 0)
					v[i][k] += s[j].cents;
		civil_from_days(mi.from, &y, &mo, &d);
		se[i].name = reply_fmt(c->reply, "expenses.month_year", exp_month_name(c->reply->lang, mo), y);
		se[i].color = month_shade(i, n);
	}
	for (k = 0; k < 9; k++)
		for (i = 0; i < n; i++)
			used[k] |= v[i][k] > 0;
	/* Only categories with spending form groups; each series is compacted the same way. */
	for (k = 0; k < 9; k++)
		if (used[k])
			labels[ncat++] = exp_category_name(c->reply->lang, exp_categories[k]);
	for (i = 0; i < n; i++) {
		int64_t *vals = arena_alloc(c->a, sizeof *vals * 9);

		for (k = 0, j = 0; k < 9; k++)
			if (used[k])
				vals[j++] = v[i][k];
		se[i].values = vals;
		se[i].n = ncat;
	}
	set_data(ch, labels, ncat, se, n);
	return 0;
}

/* The days [from, to) a chart of "kind" for "p" reads. */
static void
chart_range(struct bot_ctx *c, const char *kind, struct period p, int n, day_t *from, day_t *to)
{
	struct period cut, prev, m = anchor_month(c, p);

	if (strcmp(kind, "line") == 0 || strcmp(kind, "cmp") == 0)
		p = m;
	period_same_point(p, exp_today(c), &cut, &prev);
	*from = strcmp(kind, "cmp") == 0 ? day_add_months(m.from, -(n - 1)) : cut.from;
	*to = cut.to;
}

int
exp_chart_send(struct bot_ctx *c, const char *kind, struct period p, int n)
{
	struct reply *r = c->reply;
	struct chart ch;
	struct fmt_arg fa;
	char cur[4], key[48];
	int64_t total = 0;
	const char *caption = NULL;
	day_t from, to;
	int rc;

	if (n < 2 || n > 12)
		n = 6;
	chart_range(c, kind, p, n, &from, &to);
	if ((rc = main_currency(c, from, to, cur, &total)) <= 0) {
		if (rc == 0)
			reply_msgf(r, "expenses.chart_empty", exp_period_title(r, p));
		return rc;
	}
	memset(&ch, 0, sizeof ch);
	fa.lang = r->lang;
	fa.currency = cur;
	ch.fmt = fmt_money;
	ch.axis_fmt = fmt_axis;
	ch.fmt_arg = &fa;
	snprintf(key, sizeof key, "expenses.title.%s%s", kind, strcmp(kind, "bar") == 0 && p.kind == PERIOD_YEAR ?
	    "_year" : "");
	ch.title = reply_fmt(r, key, exp_period_title(r, strcmp(kind, "line") == 0 ?
	    anchor_month(c, p) : p), n);
	/* Currencies are never added: the chart shows the main one and says so when there are others. */
	ch.subtitle = rc > 1 ? reply_fmt(r, "expenses.subtitle_only", exp_money(r, total, cur), cur) :
	    reply_fmt(r, "expenses.subtitle_total", exp_money(r, total, cur));
	if (strcmp(kind, "pie") == 0 || strcmp(kind, "cat") == 0 || (strcmp(kind, "bar") == 0 &&
	    p.kind == PERIOD_DAY)) {
		ch.kind = strcmp(kind, "pie") == 0 ? CHART_PIE : CHART_BARS;
		rc = by_category(c, &ch, from, to, cur);
	} else if (strcmp(kind, "bar") == 0) {
		ch.kind = CHART_BARS;
		rc = by_time(c, &ch, p, to, cur);
	} else if (strcmp(kind, "line") == 0) {
		ch.kind = CHART_LINES;
		rc = running(c, &ch, p, cur, &caption);
	} else {
		ch.kind = CHART_GROUPED;
		ch.subtitle = NULL;
		rc = months(c, &ch, p, n, cur);
	}
	if (rc != 0)
		return -1;
	return send(c, &ch, caption ? reply_fmt(r, "expenses.caption_more", ch.title, caption) :
	    reply_fmt(r, "expenses.caption", ch.title));
}

int
expenses_chart(struct bot_ctx *c, const struct nlu_result *res)
{
	struct period p = exp_period_from(c, res, PERIOD_MONTH);
	const char *kind = res->kind;
	struct reply_item *it;

	if (res->has_compare && strcmp(kind, "line") != 0)
		return exp_chart_send(c, "cmp", p, res->compare + 1);
	if (strcmp(kind, "pie") == 0 || strcmp(kind, "bar") == 0 || strcmp(kind, "line") == 0)
		return exp_chart_send(c, kind, p, 0);
	/* "gráfico" alone: offer the kinds. */
	it = reply_msgf(c->reply, "expenses.chart_pick", exp_period_title(c->reply, p));
	exp_chart_buttons(c, it, p);
	return 0;
}
