/* See LICENSE. internal.h: what the files of lib/expenses/ share: rows, sums, wording helpers. */
#ifndef MSB_EXPENSES_INTERNAL_H
#define MSB_EXPENSES_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "bot/bot.h"
#include "core/i18n.h"
#include "expenses/period.h"

struct arena;
struct db;

/* One row of expenses.expenses; strings in the arena. */
struct exp_row {
	int64_t		 id;
	int64_t		 cents;
	char		 currency[4];
	const char	*concept;
	char		 category[16];
	char		 day[DAY_LEN];		/* spent_on */
	char		 every[8];		/* "" once */
	char		 until[DAY_LEN];		/* "" while it repeats */
};

/* A sum of occurrences for one currency and one key (a category, a concept, a day, a month). */
struct exp_sum {
	char		 currency[4];
	const char	*key;
	int64_t		 cents;
	long		 count;
};

enum exp_group {
	EXP_BY_CURRENCY,	/* key "" */
	EXP_BY_CATEGORY,
	EXP_BY_CONCEPT,
	EXP_BY_DAY,		/* key "YYYY-MM-DD" */
	EXP_BY_MONTH		/* key "YYYY-MM" */
};

/* store.c: the SQL. Every statement has the user's id in its WHERE clause. */
int64_t	exp_insert(struct db *, int64_t user, const struct exp_row *);	/* the new id, or -1 */
int	exp_get(struct db *, int64_t user, int64_t id, struct arena *, struct exp_row *); /* 1, 0 absent, -1 */
int	exp_remove(struct db *, int64_t user, int64_t id);			/* 1, 0 absent, -1 */
int	exp_set_category(struct db *, int64_t user, int64_t id, const char *cat);	/* 1, 0, -1 */
int	exp_set_once(struct db *, int64_t user, int64_t id);			/* 1, 0, -1 */
int	exp_stop(struct db *, int64_t user, int64_t id, day_t last);		/* 1, 0, -1 */
/* Sums over [from, to), largest first within each currency (by key for days and months). Count or -1. */
int	exp_sums(struct db *, int64_t user, day_t from, day_t to, enum exp_group, struct arena *,
	    struct exp_sum **out);
/* Rows matching: "sql_where" picks among fixed filters. Count or -1. */
enum exp_pick { EXP_ALL, EXP_RECENT, EXP_IN_RANGE, EXP_REPEATING_LIKE };
int	exp_rows(struct db *, int64_t user, enum exp_pick, const char *a1, const char *a2, int limit,
	    struct arena *, struct exp_row **out);

/* common.c */
bool		 exp_category_valid(const char *);
extern const char *const exp_categories[];	/* the nine, NULL-terminated */
uint32_t	 exp_category_color(const char *cat);
const char	*exp_money(struct reply *, int64_t cents, const char *currency);
const char	*exp_money_lang(struct arena *, const char *lang, int64_t cents, const char *currency);
const char	*exp_category_name(const char *lang, const char *cat);
const char	*exp_month_name(const char *lang, int month);		/* 1..12 */
const char	*exp_period_title(struct reply *, struct period);
const char	*exp_day_text(struct reply *, const char *day);		/* "28/11/2026" */
day_t		 exp_today(const struct bot_ctx *);
/* The period asked for by "res" (period, date, or a command's free argument); month of today by default. */
struct period	 exp_period_from(const struct bot_ctx *, const struct nlu_result *, enum period_kind dflt);
/* "+20 %" style change of "cur" against "prev", as a whole percent; false when prev is 0. */
bool		 exp_change(int64_t cur, int64_t prev, int *pct);
int64_t		 exp_parse_id(const char *s);				/* -1 if not a positive integer */

/* add.c: the confirmation of one expense, with its buttons. */
struct reply_item *exp_confirm(struct bot_ctx *, const struct exp_row *, bool edit);

/* budget.c: warns once at 80 % and once at 100 % of each budget in its current period. */
int	exp_budget_check(struct bot_ctx *);
/* The budget of periods of "kind" in "currency" against "spent", as a line of a summary (none: nothing). */
int	exp_budget_line(struct bot_ctx *, struct strbuf *, enum period_kind kind, const char *currency,
	    int64_t spent);

/* charts.c: the chart of "kind" ("pie", "bar", "cat", "line", "cmp") for "p"; "n" months for "cmp". */
int	exp_chart_send(struct bot_ctx *, const char *kind, struct period p, int n);
void	exp_chart_buttons(struct bot_ctx *, struct reply_item *, struct period p);

#endif
