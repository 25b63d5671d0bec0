/* See LICENSE. add.c: "Bus 5€ semana" → a row, a confirmation with buttons, and the budget check. */
#include <stdio.h>
#include <string.h>

#include "expenses/expenses.h"
#include "expenses/internal.h"
#include "expenses/money.h"

static bool
every_valid(const char *e)
{
	return strcmp(e, "day") == 0 || strcmp(e, "week") == 0 || strcmp(e, "month") == 0 ||
	    strcmp(e, "year") == 0;
}

/*
 * The confirmation of "r": concept, amount in the user's format, how often,
 * category and day, with the buttons "only once" (when it repeats), "change
 * category" and "undo". "edit" rewrites the pressed message instead of
 * sending a new one.
 */
struct reply_item *
exp_confirm(struct bot_ctx *c, const struct exp_row *r, bool edit)
{
	struct reply *rp = c->reply;
	const char *every = "", *concept, *text;
	struct reply_item *it;
	char data[64], key[40];

	if (r->every[0] != '\0') {
		snprintf(key, sizeof key, "expenses.every.%s", r->every);
		every = reply_fmt(rp, key);
	}
	concept = r->concept[0] ? reply_esc(rp, r->concept) : exp_category_name(rp->lang, r->category);
	text = reply_fmt(rp, "expenses.added", concept, exp_money(rp, r->cents, r->currency), every,
	    exp_category_name(rp->lang, r->category), exp_day_text(rp, r->day));
	it = edit ? reply_edit(rp, c->u->message_id, text) : reply_text(rp, text);
	if (r->every[0] != '\0') {
		snprintf(data, sizeof data, "e:once:%lld", (long long)r->id);
		reply_button(it, rp, reply_fmt(rp, "expenses.btn.once"), data);
	}
	snprintf(data, sizeof data, "e:cat:%lld", (long long)r->id);
	reply_button(it, rp, reply_fmt(rp, "expenses.btn.category"), data);
	snprintf(data, sizeof data, "e:undo:%lld", (long long)r->id);
	reply_button(it, rp, reply_fmt(rp, "expenses.btn.undo"), data);
	return it;
}

int
expenses_add(struct bot_ctx *c, const struct nlu_result *res)
{
	struct exp_row r;
	day_t day;

	memset(&r, 0, sizeof r);
	if (money_parse(res->amount, &r.cents) != 0 || r.cents <= 0) {
		reply_msgf(c->reply, "expenses.need_amount");
		return 0;
	}
	snprintf(r.currency, sizeof r.currency, "%s", res->currency[0] ? res->currency : "EUR");
	r.concept = res->concept[0] ? res->concept : res->title;
	snprintf(r.category, sizeof r.category, "%s", exp_category_valid(res->category) ? res->category : "other");
	if (res->date[0] == '\0' || day_parse(res->date, &day) != 0)
		day = exp_today(c);
	day_str(r.day, day);
	if (every_valid(res->every))
		snprintf(r.every, sizeof r.every, "%s", res->every);
	if ((r.id = exp_insert(c->db, c->user.id, &r)) < 0 || bot_change_note(c, "expenses", r.id) != 0)
		return -1;
	exp_confirm(c, &r, false);
	return exp_budget_check(c);
}

/* A typed "deshacer" after an expense: as its undo button, without a message to edit. */
int
expenses_undo_change(struct bot_ctx *c, int64_t id)
{
	struct exp_row r;
	int rc;

	if ((rc = exp_get(c->db, c->user.id, id, c->a, &r)) <= 0)
		return rc < 0 ? -1 : 1;	/* gone already: nothing left to undo */
	if (exp_remove(c->db, c->user.id, id) < 0)
		return -1;
	reply_msgf(c->reply, "expenses.undone");
	return 0;
}
