/* See LICENSE. callback.c: the "e:" buttons. Every id is looked up with the presser's user id. */
#include <stdio.h>
#include <string.h>

#include "expenses/expenses.h"
#include "expenses/internal.h"

static int
answer(struct bot_ctx *c, const char *key)
{
	reply_callback_answer(c->reply, c->u->callback_id, key ? reply_fmt(c->reply, key) : NULL);
	return 0;
}

/* The category keyboard in place of the confirmation's buttons. */
static int
ask_category(struct bot_ctx *c, const struct exp_row *r)
{
	struct reply_item *it;
	char data[64];
	int i;

	it = reply_edit(c->reply, c->u->message_id, reply_fmt(c->reply, "expenses.pick_category",
	    r->concept[0] ? reply_esc(c->reply, r->concept) : exp_category_name(c->reply->lang, r->category)));
	for (i = 0; exp_categories[i] != NULL; i++) {
		if (i > 0 && i % 3 == 0)
			reply_row(it);
		snprintf(data, sizeof data, "e:setcat:%lld:%s", (long long)r->id, exp_categories[i]);
		reply_button(it, c->reply, exp_category_name(c->reply->lang, exp_categories[i]), data);
	}
	return answer(c, NULL);
}

/* "e:VERB:ID[:ARG]" on one expense of the presser. */
static int
on_expense(struct bot_ctx *c, const char *verb, int64_t id, const char *arg)
{
	struct exp_row r;
	int rc;

	if ((rc = exp_get(c->db, c->user.id, id, c->a, &r)) < 0)
		return -1;
	if (rc == 0)	/* gone, or someone else's: nothing changes */
		return answer(c, "expenses.not_found");
	if (strcmp(verb, "cat") == 0)
		return ask_category(c, &r);
	if (strcmp(verb, "undo") == 0 || strcmp(verb, "del") == 0) {
		if (exp_remove(c->db, c->user.id, id) < 0)
			return -1;
		if (strcmp(verb, "undo") == 0)
			reply_edit(c->reply, c->u->message_id, reply_fmt(c->reply, "expenses.undone"));
		return answer(c, "expenses.deleted_short");
	}
	if (strcmp(verb, "stop") == 0) {
		if (exp_stop(c->db, c->user.id, id, exp_today(c)) < 0)
			return -1;
		return answer(c, "expenses.stopped_short");
	}
	if (strcmp(verb, "once") == 0) {
		if (exp_set_once(c->db, c->user.id, id) < 0)
			return -1;
		r.every[0] = '\0';
	} else if (strcmp(verb, "setcat") == 0 && exp_category_valid(arg)) {
		if (exp_set_category(c->db, c->user.id, id, arg) < 0)
			return -1;
		snprintf(r.category, sizeof r.category, "%s", arg);
	} else {
		return answer(c, "expenses.not_found");
	}
	exp_confirm(c, &r, true);
	return answer(c, "expenses.changed");
}

/* "e:ch:KIND:P:YYYY-MM-DD[:N]": a chart, or for an unknown kind nothing. */
static int
on_chart(struct bot_ctx *c, const char *rest)
{
	char kind[8], pk, date[DAY_LEN];
	enum period_kind k;
	day_t d;
	int n = 6;

	if (sscanf(rest, "%7[a-z]:%c:%10[0-9-]:%d", kind, &pk, date, &n) < 3 || day_parse(date, &d) != 0)
		return answer(c, "expenses.not_found");
	k = pk == 'd' ? PERIOD_DAY : pk == 'w' ? PERIOD_WEEK : pk == 'y' ? PERIOD_YEAR : PERIOD_MONTH;
	if (strcmp(kind, "pie") != 0 && strcmp(kind, "bar") != 0 && strcmp(kind, "cat") != 0 &&
	    strcmp(kind, "line") != 0 && strcmp(kind, "cmp") != 0)
		return answer(c, "expenses.not_found");
	answer(c, NULL);
	return exp_chart_send(c, kind, period_of(k, d), n);
}

int
expenses_callback(struct bot_ctx *c, const char *data)
{
	char verb[8], arg[16] = "";
	const char *rest;
	int64_t id;

	if (strncmp(data, "e:ch:", 5) == 0)
		return on_chart(c, data + 5);
	if (sscanf(data, "e:%7[a-z]:", verb) != 1 || (rest = strchr(data + 2, ':')) == NULL ||
	    (id = exp_parse_id(rest + 1)) < 0)
		return answer(c, "expenses.not_found");
	if ((rest = strchr(rest + 1, ':')) != NULL)
		snprintf(arg, sizeof arg, "%s", rest + 1);
	return on_expense(c, verb, id, arg);
}
