/* See LICENSE. export.c: "exportar gastos" → every expense as CSV (RFC 4180, UTF-8, header row) in a document. */
#include "expenses/expenses.h"
#include "expenses/internal.h"
#include "expenses/money.h"
#include "core/csv.h"
#include "core/strbuf.h"

#define EXPORT_MAX 100000

/*
 * The CSV of "rows" into "sb": amounts with a point and two decimals, as
 * machines read them, and left a number even when negative; every other
 * cell is text, which csv_text keeps from running as a formula.
 */
static void
csv(struct bot_ctx *c, const struct exp_row *rows, int n, struct strbuf *sb)
{
	char amount[MONEY_SQL_LEN];
	int i;

	strbuf_adds(sb, reply_fmt(c->reply, "expenses.csv_header"));
	strbuf_adds(sb, "\r\n");
	for (i = 0; i < n; i++) {
		csv_text(sb, rows[i].day, false);
		csv_num(sb, money_sql(amount, rows[i].cents), false);
		csv_text(sb, rows[i].currency, false);
		csv_text(sb, rows[i].concept, false);
		csv_text(sb, rows[i].category, false);
		csv_text(sb, rows[i].every, false);
		csv_text(sb, rows[i].until, true);
	}
}

int
expenses_export(struct bot_ctx *c, const struct nlu_result *res)
{
	struct strbuf sb = STRBUF_INIT;
	struct exp_row *rows;
	int n;

	if ((n = exp_rows(c->db, c->user.id, EXP_ALL, NULL, NULL, EXPORT_MAX, c->a, &rows)) < 0)
		return -1;
	if (n == 0) {
		reply_msgf(c->reply, "expenses.none_yet");
		return 0;
	}
	csv(c, rows, n, &sb);
	reply_document(c->reply, sb.buf, sb.len, reply_fmt(c->reply, "expenses.csv_name"), "text/csv",
	    reply_fmt(c->reply, n == 1 ? "expenses.exported_one" : "expenses.exported", n));
	strbuf_release(&sb);
	return 0;
}
