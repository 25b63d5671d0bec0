/* See LICENSE. budget.c: "presupuesto 200€ al mes", and its warnings at 80 % and 100 %, once each. */
#include <stdio.h>
#include <string.h>

#include "expenses/expenses.h"
#include "expenses/internal.h"
#include "expenses/money.h"
#include "core/strbuf.h"
#include "db/db.h"

/* Spent in "currency" in "p" up to and including today. Returns 0 or -1. */
static int
spent_so_far(struct bot_ctx *c, struct period p, const char *currency, int64_t *cents)
{
	struct exp_sum *s;
	day_t today = exp_today(c);
	int i, n;

	if ((n = exp_sums(c->db, c->user.id, p.from, today + 1 < p.to ? today + 1 : p.to,
	    EXP_BY_CURRENCY, c->a, &s)) < 0)
		return -1;
	*cents = 0;
	for (i = 0; i < n; i++)
		if (strcmp(s[i].currency, currency) == 0)
			*cents = s[i].cents;
	return 0;
}

/*
 * Records the levels reached ("{80}" or "{80,100}") for this period; the
 * primary key makes a level fire once. Returns the highest level newly
 * recorded, 0 if none, -1 on error.
 */
static int
record_levels(struct bot_ctx *c, const char *period, const char *currency, day_t start, const char *levels)
{
	char u[DB_I64_LEN], d[DAY_LEN];
	const char *p[5] = { db_i64(u, c->user.id), period, currency, day_str(d, start), levels };
	struct db_res *res;
	int i, top = 0;

	res = db_query(c->db, "INSERT INTO expenses.budget_alerts (user_id, period, currency, period_start, level) "
	    "SELECT $1, $2, $3, $4::date, l FROM unnest($5::int[]) AS l ON CONFLICT DO NOTHING RETURNING level",
	    5, p);
	if (res == NULL)
		return -1;
	for (i = 0; i < db_rows(res); i++)
		if (db_get_i64(res, i, "level", 0) > top)
			top = (int)db_get_i64(res, i, "level", 0);
	db_res_free(res);
	return top;
}

static int
check_one(struct bot_ctx *c, const char *period, const char *currency, int64_t budget)
{
	enum period_kind k;
	struct period p;
	int64_t spent;
	char key[48];
	int top;

	if (period_kind_parse(period, PERIOD_MONTH, &k) != 0)
		return 0;
	p = period_of(k, exp_today(c));
	if (spent_so_far(c, p, currency, &spent) != 0)
		return -1;
	if (spent * 100 < budget * 80)
		return 0;
	top = record_levels(c, period, currency, p.from, spent >= budget ? "{80,100}" : "{80}");
	if (top <= 0)
		return top;
	snprintf(key, sizeof key, "expenses.per.%s", period);
	reply_msgf(c->reply, top == 100 ? "expenses.budget_100" : "expenses.budget_80",
	    exp_money(c->reply, spent, currency), exp_money(c->reply, budget, currency),
	    reply_fmt(c->reply, key), (int)(spent * 100 / budget));
	return 0;
}

int
exp_budget_check(struct bot_ctx *c)
{
	char u[DB_I64_LEN];
	const char *p[1] = { db_i64(u, c->user.id) };
	struct db_res *res;
	int64_t budget;
	int i, rc = 0;

	res = db_query(c->db, "SELECT period, currency, amount::text AS amount FROM expenses.budgets "
	    "WHERE user_id = $1 ORDER BY period, currency", 1, p);
	if (res == NULL)
		return -1;
	for (i = 0; i < db_rows(res) && rc == 0; i++)
		if (money_parse(db_get(res, i, "amount"), &budget) == 0 && budget > 0)
			rc = check_one(c, db_get(res, i, "period"), db_get(res, i, "currency"), budget);
	db_res_free(res);
	return rc;
}

int
expenses_budget_set(struct bot_ctx *c, const struct nlu_result *res)
{
	char u[DB_I64_LEN], amount[MONEY_SQL_LEN], d[DAY_LEN], key[48];
	const char *period = strcmp(res->period, "week") == 0 || strcmp(res->period, "year") == 0 ?
	    res->period : "month";
	const char *cur = res->currency[0] ? res->currency : "EUR";
	enum period_kind k = PERIOD_MONTH;
	struct period p;
	int64_t cents, spent;
	const char *params[4], *alerts[4];

	if (money_parse(res->amount, &cents) != 0 || cents <= 0) {
		reply_msgf(c->reply, "expenses.need_amount");
		return 0;
	}
	period_kind_parse(period, PERIOD_MONTH, &k);
	p = period_of(k, exp_today(c));
	params[0] = db_i64(u, c->user.id); params[1] = period; params[2] = cur;
	params[3] = money_sql(amount, cents);
	alerts[0] = params[0]; alerts[1] = period; alerts[2] = cur; alerts[3] = day_str(d, p.from);
	/* A new amount is a new budget: its warnings may fire again this period. */
	if (db_exec(c->db, "INSERT INTO expenses.budgets (user_id, period, currency, amount) "
	    "VALUES ($1, $2, $3, $4::numeric) ON CONFLICT (user_id, period, currency) "
	    "DO UPDATE SET amount = EXCLUDED.amount, set_at = now()", 4, params) != 0 ||
	    db_exec(c->db, "DELETE FROM expenses.budget_alerts WHERE user_id = $1 AND period = $2 "
	    "AND currency = $3 AND period_start = $4::date", 4, alerts) != 0)
		return -1;
	if (spent_so_far(c, p, cur, &spent) != 0)
		return -1;
	/* Levels already passed are told here, in the percentage, and not again as warnings. */
	if (spent * 100 >= cents * 80 &&
	    record_levels(c, period, cur, p.from, spent >= cents ? "{80,100}" : "{80}") < 0)
		return -1;
	snprintf(key, sizeof key, "expenses.per.%s", period);
	reply_msgf(c->reply, "expenses.budget_set", exp_money(c->reply, cents, cur), reply_fmt(c->reply, key),
	    exp_money(c->reply, spent, cur), (int)(spent * 100 / cents));
	return 0;
}

/*
 * Appends "🎯 42,80 € de 50,00 € (85 %)" to "sb" when "user" has a budget for
 * periods of "kind" in "currency". Returns 0 (also when there is none) or -1.
 */
int
exp_budget_line(struct bot_ctx *c, struct strbuf *sb, enum period_kind kind, const char *currency,
    int64_t spent)
{
	char u[DB_I64_LEN];
	const char *p[3] = { db_i64(u, c->user.id), period_kind_name(kind), currency };
	struct db_res *res;
	int64_t budget;

	res = db_query(c->db, "SELECT amount::text AS amount FROM expenses.budgets "
	    "WHERE user_id = $1 AND period = $2 AND currency = $3", 3, p);
	if (res == NULL)
		return -1;
	if (db_rows(res) > 0 && money_parse(db_get(res, 0, "amount"), &budget) == 0 && budget > 0)
		strbuf_adds(sb, reply_fmt(c->reply, "expenses.budget_line", exp_money(c->reply, spent, currency),
		    exp_money(c->reply, budget, currency), (int)(spent * 100 / budget)));
	db_res_free(res);
	return 0;
}
