/* See LICENSE. summary.c: "¿cuánto he gastado este mes?" → totals, categories, top concepts, the change. */
#include <stdio.h>
#include <string.h>

#include "expenses/expenses.h"
#include "expenses/internal.h"
#include "core/strbuf.h"

struct sums {
	struct exp_sum	*tot, *cat, *con, *prev;
	int		 ntot, ncat, ncon, nprev;
};

static int64_t
find(const struct exp_sum *s, int n, const char *currency)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(s[i].currency, currency) == 0)
			return s[i].cents;
	return 0;
}

/* "📈 +20 % frente a octubre de 2026 (a día 28): 102,00 €", or nothing when there is no earlier spending. */
static void
change_line(struct bot_ctx *c, struct strbuf *sb, const struct exp_sum *t, const struct sums *s,
    struct period prev, bool cut)
{
	struct reply *r = c->reply;
	int64_t before = find(s->prev, s->nprev, t->currency);
	const char *at = "";
	int pct;

	if (!exp_change(t->cents, before, &pct))
		return;
	if (cut)
		at = prev.kind == PERIOD_MONTH ? reply_fmt(r, "expenses.at_day", c->local.day) :
		    reply_fmt(r, "expenses.at_point");
	strbuf_adds(sb, reply_fmt(r, pct > 0 ? "expenses.change_up" : pct < 0 ? "expenses.change_down" :
	    "expenses.change_same", pct, exp_period_title(r, period_of(prev.kind, prev.from)), at,
	    exp_money(r, before, t->currency)));
}

/* One currency's block: its total and count, the change, the budget, its categories, its top three concepts. */
static int
currency_block(struct bot_ctx *c, struct strbuf *sb, const struct exp_sum *t, const struct sums *s,
    struct period prev, bool cut)
{
	struct reply *r = c->reply;
	int i, shown = 0;

	strbuf_adds(sb, reply_fmt(r, t->count == 1 ? "expenses.total_one" : "expenses.total",
	    exp_money(r, t->cents, t->currency), t->count));
	change_line(c, sb, t, s, prev, cut);
	/* The budget speaks of the period under way only. */
	if (cut && exp_budget_line(c, sb, prev.kind, t->currency, t->cents) != 0)
		return -1;
	strbuf_adds(sb, reply_fmt(r, "expenses.by_category"));
	for (i = 0; i < s->ncat; i++)
		if (strcmp(s->cat[i].currency, t->currency) == 0)
			strbuf_adds(sb, reply_fmt(r, "expenses.cat_line", exp_category_name(r->lang, s->cat[i].key),
			    exp_money(r, s->cat[i].cents, t->currency), (int)((s->cat[i].cents * 100 + t->cents / 2) / t->cents)));
	strbuf_adds(sb, reply_fmt(r, "expenses.top"));
	for (i = 0; i < s->ncon && shown < 3; i++)
		if (strcmp(s->con[i].currency, t->currency) == 0) {
			shown++;
			strbuf_adds(sb, reply_fmt(r, "expenses.top_line", reply_esc(r, s->con[i].key[0] ?
			    s->con[i].key : "—"), exp_money(r, s->con[i].cents, t->currency), s->con[i].count));
		}
	return 0;
}

int
expenses_summary(struct bot_ctx *c, const struct nlu_result *res)
{
	struct period p = exp_period_from(c, res, PERIOD_MONTH), cur, prev;
	struct strbuf sb = STRBUF_INIT;
	struct reply_item *it;
	struct sums s;
	bool cut = period_same_point(p, exp_today(c), &cur, &prev);
	int i;

	/* "gastos de hoy": a day has few expenses, so show them, each with its delete button. */
	if (p.kind == PERIOD_DAY)
		return expenses_list(c, res);

	if ((s.ntot = exp_sums(c->db, c->user.id, cur.from, cur.to, EXP_BY_CURRENCY, c->a, &s.tot)) < 0 ||
	    (s.ncat = exp_sums(c->db, c->user.id, cur.from, cur.to, EXP_BY_CATEGORY, c->a, &s.cat)) < 0 ||
	    (s.ncon = exp_sums(c->db, c->user.id, cur.from, cur.to, EXP_BY_CONCEPT, c->a, &s.con)) < 0 ||
	    (s.nprev = exp_sums(c->db, c->user.id, prev.from, prev.to, EXP_BY_CURRENCY, c->a, &s.prev)) < 0)
		return -1;
	if (s.ntot == 0) {
		reply_msgf(c->reply, "expenses.summary_empty", exp_period_title(c->reply, p));
		return 0;
	}
	strbuf_adds(&sb, reply_fmt(c->reply, cut ? "expenses.summary_title_sofar" : "expenses.summary_title",
	    exp_period_title(c->reply, p)));
	/* Currencies are never added together: one block each, the most used first. */
	for (i = 0; i < s.ntot; i++)
		if (currency_block(c, &sb, &s.tot[i], &s, prev, cut) != 0) {
			strbuf_release(&sb);
			return -1;
		}
	it = reply_text(c->reply, strbuf_str(&sb));
	strbuf_release(&sb);
	exp_chart_buttons(c, it, p);
	return 0;
}
