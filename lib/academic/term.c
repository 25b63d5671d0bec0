/* See LICENSE. term.c: when the term starts and ends, and the days without class. */
#include <stdio.h>
#include <string.h>

#include "academic/academic.h"
#include "academic/acad.h"
#include "core/mem.h"
#include "db/db.h"

/* A longer "no class from ... to ..." is surely a misunderstanding (a whole term off). */
#define MAX_DAYS_OFF	62

static const char *
day_or_unknown(struct bot_ctx *ctx, const char *ymd)
{
	int64_t d;

	if (ymd == NULL || civil_parse_days(ymd, &d) != 0)
		return reply_fmt(ctx->reply, "academic.term_unknown");
	return acad_day_text(ctx->a, ctx->user.lang, d);
}

/* "el cuatrimestre empieza el 14/09 y acaba el 23/01": date = start, until = end; either may be missing. */
int
academic_term_set(struct bot_ctx *ctx, const struct nlu_result *r)
{
	char uid[DB_I64_LEN], start[11] = "", end[11] = "";
	const char *p[3] = { db_i64(uid, ctx->user.id), NULL, NULL };
	struct db_res *res;
	int64_t d;

	if ((r->date[0] != '\0' && civil_parse_days(r->date, &d) != 0) ||
	    (r->until[0] != '\0' && civil_parse_days(r->until, &d) != 0) || (r->date[0] == '\0' && r->until[0] == '\0')) {
		reply_msgf(ctx->reply, "academic.term_help");
		return 0;
	}
	if ((res = db_query(ctx->db, "SELECT starts_on::text AS s, ends_on::text AS e FROM academic.terms"
	    " WHERE user_id = $1", 1, p)) == NULL)
		return -1;
	snprintf(start, sizeof start, "%s", r->date[0] != '\0' ? r->date : db_rows(res) > 0 && db_get(res, 0, "s") ?
	    db_get(res, 0, "s") : "");
	snprintf(end, sizeof end, "%s", r->until[0] != '\0' ? r->until : db_rows(res) > 0 && db_get(res, 0, "e") ?
	    db_get(res, 0, "e") : "");
	db_res_free(res);
	/*
	 * "empieza el 14/09 y acaba el 22/01" said in November: the parser reads
	 * a date without a year as the next one, so the start lands a year late.
	 * A term is never longer than a year: take the start a year earlier.
	 */
	if (r->date[0] != '\0' && end[0] != '\0' && strcmp(start, end) > 0) {
		int64_t s0, e0;
		int y, m, dd;

		/* The same day a year earlier, if that year has it (not 29 February). */
		if (civil_parse_ymd(start, &y, &m, &dd) == 0 && y > 1 && dd <= civil_days_in_month(y - 1, m) &&
		    civil_parse_days(end, &e0) == 0) {
			s0 = civil_to_days(y - 1, m, dd);
			if (s0 <= e0 && e0 - s0 <= 366)
				civil_fmt_ymd(s0, start);
		}
	}
	/* ISO dates compare as strings. */
	if (start[0] != '\0' && end[0] != '\0' && strcmp(start, end) > 0) {
		reply_msgf(ctx->reply, "academic.term_backwards", day_or_unknown(ctx, start), day_or_unknown(ctx, end));
		return 0;
	}
	p[1] = start[0] != '\0' ? start : NULL;
	p[2] = end[0] != '\0' ? end : NULL;
	if (db_exec(ctx->db, "INSERT INTO academic.terms (user_id, starts_on, ends_on) VALUES ($1, $2::date, $3::date)"
	    " ON CONFLICT (user_id) DO UPDATE SET starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on",
	    3, p) != 0 || acad_warnings_cancel(ctx->db, ctx->user.id) != 0)
		return -1;
	if (p[1] != NULL && p[2] != NULL)
		reply_msgf(ctx->reply, "academic.term_set", day_or_unknown(ctx, p[1]), day_or_unknown(ctx, p[2]));
	else
		reply_msgf(ctx->reply, p[1] != NULL ? "academic.term_set_start" : "academic.term_set_end",
		    day_or_unknown(ctx, p[1] != NULL ? p[1] : p[2]));
	return 0;
}

/* "el 8 de diciembre no hay clase" (date), or a range "del 23/12 al 7/1" (date, until). */
int
academic_term_holiday(struct bot_ctx *ctx, const struct nlu_result *r)
{
	char uid[DB_I64_LEN];
	const char *p[3];
	int64_t from, to;

	if (civil_parse_days(r->date, &from) != 0) {
		reply_msgf(ctx->reply, "academic.holiday_help");
		return 0;
	}
	if (r->until[0] == '\0' || civil_parse_days(r->until, &to) != 0)
		to = from;
	if (to < from || to - from >= MAX_DAYS_OFF) {
		reply_msgf(ctx->reply, "academic.holiday_help");
		return 0;
	}
	p[0] = db_i64(uid, ctx->user.id);
	p[1] = r->date;
	p[2] = arena_printf(ctx->a, "%lld", (long long)(to - from));
	if (db_exec(ctx->db, "INSERT INTO academic.days_off (user_id, day)"
	    " SELECT $1, $2::date + g FROM generate_series(0, $3::int) g ON CONFLICT DO NOTHING", 3, p) != 0 ||
	    acad_warnings_cancel(ctx->db, ctx->user.id) != 0)
		return -1;
	if (to == from)
		reply_msgf(ctx->reply, "academic.holiday_one", acad_day_text(ctx->a, ctx->user.lang, from));
	else
		reply_msgf(ctx->reply, "academic.holiday_range", acad_day_text(ctx->a, ctx->user.lang, from),
		    acad_day_text(ctx->a, ctx->user.lang, to));
	return 0;
}
