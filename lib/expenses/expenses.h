/* See LICENSE. expenses.h: money spent, from free text to totals, charts, budgets and CSV (issue 6). */
#ifndef MSB_EXPENSES_EXPENSES_H
#define MSB_EXPENSES_EXPENSES_H

#include <stdint.h>

#include "bot/bot.h"
#include "core/i18n.h"

/* Intent handlers (lib/bot/routes.c). Each returns 0, or -1 to roll the update back. */
int	expenses_add(struct bot_ctx *, const struct nlu_result *);		/* expense.add */
int	expenses_summary(struct bot_ctx *, const struct nlu_result *);	/* expense.summary, /gastos */
int	expenses_chart(struct bot_ctx *, const struct nlu_result *);		/* expense.chart, /grafico */
int	expenses_list(struct bot_ctx *, const struct nlu_result *);		/* expense.list */
int	expenses_delete(struct bot_ctx *, const struct nlu_result *);		/* expense.delete */
int	expenses_stop(struct bot_ctx *, const struct nlu_result *);		/* expense.stop */
int	expenses_export(struct bot_ctx *, const struct nlu_result *);		/* expense.export */
int	expenses_budget_set(struct bot_ctx *, const struct nlu_result *);	/* budget.set */
int	expenses_undo_change(struct bot_ctx *, int64_t expense_id);		/* undo route (bot.h) */

/* Buttons whose callback_data starts with "e:"; ids in it are checked against the presser. */
int	expenses_callback(struct bot_ctx *, const char *data);

/* Day section (agenda, digest): spent that day and in its month so far, one short line. */
int	expenses_day_section(struct db *, int64_t user_id, const char *lang, const char *tz,
	    const char *date, struct strbuf *out);

extern const struct msg	expenses_msgs[];

#endif
