/* See LICENSE. manage.c: "gastos de hoy" (a list with delete buttons), "borra el último gasto", "ya no pago el gimnasio". */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expenses/expenses.h"
#include "expenses/internal.h"
#include "core/num.h"
#include "core/strbuf.h"

/* "Bus — 5,00 € cada semana" for lists and confirmations. */
static const char *
row_text(struct bot_ctx *c, const struct exp_row *r)
{
	char key[40];

	snprintf(key, sizeof key, "expenses.every.%s", r->every[0] ? r->every : "none");
	return reply_fmt(c->reply, "expenses.row", r->concept[0] ? reply_esc(c->reply, r->concept) :
	    exp_category_name(c->reply->lang, r->category), exp_money(c->reply, r->cents, r->currency),
	    r->every[0] ? reply_fmt(c->reply, key) : "", exp_day_text(c->reply, r->day));
}

/* "Total: 12,50 € · 3,00 $" of the days listed, one amount per currency. */
static int
list_totals(struct bot_ctx *c, struct period p, struct strbuf *sb)
{
	struct exp_sum *s;
	int i, n;

	if ((n = exp_sums(c->db, c->user.id, p.from, p.to, EXP_BY_CURRENCY, c->a, &s)) < 0)
		return -1;
	for (i = 0; i < n; i++)
		strbuf_adds(sb, reply_fmt(c->reply, "expenses.list_total", exp_money(c->reply, s[i].cents, s[i].currency)));
	return 0;
}

int
expenses_list(struct bot_ctx *c, const struct nlu_result *res)
{
	struct strbuf sb = STRBUF_INIT;
	struct exp_row *rows;
	struct reply_item *it;
	struct period p, cut, prev;
	char from[DAY_LEN], to[DAY_LEN], data[64];
	bool ranged = res->date[0] || res->period[0];
	int i, n;

	p = exp_period_from(c, res, res->date[0] && !res->period[0] ? PERIOD_DAY : PERIOD_MONTH);
	period_same_point(p, exp_today(c), &cut, &prev);
	n = ranged ? exp_rows(c->db, c->user.id, EXP_IN_RANGE, day_str(from, cut.from), day_str(to, cut.to), 20,
	    c->a, &rows) : exp_rows(c->db, c->user.id, EXP_RECENT, NULL, NULL, 10, c->a, &rows);
	if (n < 0)
		return -1;
	if (n == 0) {
		reply_msgf(c->reply, ranged ? "expenses.list_empty" : "expenses.none_yet", exp_period_title(c->reply, p));
		return 0;
	}
	strbuf_adds(&sb, ranged ? reply_fmt(c->reply, "expenses.list_title", exp_period_title(c->reply, p)) :
	    reply_fmt(c->reply, "expenses.list_recent"));
	if (ranged && list_totals(c, cut, &sb) != 0) {
		strbuf_release(&sb);
		return -1;
	}
	for (i = 0; i < n; i++)
		strbuf_adds(&sb, reply_fmt(c->reply, "expenses.list_line", i + 1, row_text(c, &rows[i])));
	strbuf_adds(&sb, reply_fmt(c->reply, "expenses.list_hint"));
	it = reply_text(c->reply, strbuf_str(&sb));
	strbuf_release(&sb);
	for (i = 0; i < n; i++) {
		if (i > 0 && i % 5 == 0)
			reply_row(it);
		snprintf(data, sizeof data, "e:del:%lld", (long long)rows[i].id);
		reply_button(it, c->reply, reply_fmt(c->reply, "expenses.btn.delete", i + 1), data);
	}
	return 0;
}

/* The parser's ref: "last" or "" → the latest; "2" → the second latest; other words → the latest whose concept has them. */
static int
pick(struct bot_ctx *c, const char *ref, struct exp_row **out)
{
	struct exp_row *rows;
	int64_t k = 1;
	int i, n;

	if ((n = exp_rows(c->db, c->user.id, EXP_RECENT, NULL, NULL, 200, c->a, &rows)) <= 0)
		return n;
	if (ref[0] != '\0' && strcmp(ref, "last") != 0 && num_parse_i64(ref, 1, INT32_MAX, &k) != 0) {
		/* Not a whole number from 1 up: words of a concept ("2x" or "99999999999" find nothing). */
		if (isdigit((unsigned char)ref[0]))
			return 0;
		for (i = 0; i < n; i++)
			if (strcasestr(rows[i].concept, ref) != NULL) {
				*out = &rows[i];
				return 1;
			}
		return 0;
	}
	if (k > n)
		return 0;
	*out = &rows[k - 1];
	return 1;
}

int
expenses_delete(struct bot_ctx *c, const struct nlu_result *res)
{
	struct exp_row *r;
	const char *ref = res->ref[0] ? res->ref : res->concept;
	int rc;

	if ((rc = pick(c, ref, &r)) < 0)
		return -1;
	if (rc == 0) {
		reply_msgf(c->reply, "expenses.not_found_ref");
		return 0;
	}
	if (exp_remove(c->db, c->user.id, r->id) < 0)
		return -1;
	reply_msgf(c->reply, "expenses.deleted", row_text(c, r));
	return 0;
}

int
expenses_stop(struct bot_ctx *c, const struct nlu_result *res)
{
	const char *term = res->concept[0] ? res->concept : res->ref[0] ? res->ref : res->title;
	struct exp_row *rows;
	struct reply_item *it;
	char data[64];
	int i, n;
	bool matched;

	n = exp_rows(c->db, c->user.id, EXP_REPEATING_LIKE, term, NULL, 10, c->a, &rows);
	matched = n > 0 && term[0];
	if (n == 0 && term[0])	/* the words did not match: offer every running one, never stop a guess */
		n = exp_rows(c->db, c->user.id, EXP_REPEATING_LIKE, "", NULL, 10, c->a, &rows);
	if (n < 0)
		return -1;
	if (n == 0) {
		reply_msgf(c->reply, "expenses.stop_none");
		return 0;
	}
	if (n == 1 && matched) {
		if (exp_stop(c->db, c->user.id, rows[0].id, exp_today(c)) < 0)
			return -1;
		reply_msgf(c->reply, "expenses.stopped", row_text(c, &rows[0]));
		return 0;
	}
	it = reply_msgf(c->reply, "expenses.stop_pick");
	for (i = 0; i < n; i++) {
		snprintf(data, sizeof data, "e:stop:%lld", (long long)rows[i].id);
		reply_row(it);
		reply_button(it, c->reply, reply_fmt(c->reply, "expenses.btn.stop", rows[i].concept,
		    exp_money(c->reply, rows[i].cents, rows[i].currency)), data);
	}
	return 0;
}
