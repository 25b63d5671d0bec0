/* See LICENSE. show.c: "horario": the timetable PNG with its text version for screen readers. */
#include <stdlib.h>
#include <string.h>

#include "academic/academic.h"
#include "academic/acad.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "db/db.h"

/* Bot API: a caption holds at most 1024 characters; leave room for the title. */
#define CAPTION_MAX	900

/* "Cuatrimestre: lunes 14/9 – viernes 22/1" when the term is known, "" otherwise. */
static const char *
term_line(struct bot_ctx *ctx)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, ctx->user.id) };
	struct db_res *r;
	const char *s = "", *a, *b;
	int64_t d;

	if ((r = db_query(ctx->db, "SELECT starts_on::text AS s, ends_on::text AS e FROM academic.terms"
	    " WHERE user_id = $1", 1, p)) == NULL)
		return NULL;
	if (db_rows(r) > 0 && (db_get(r, 0, "s") != NULL || db_get(r, 0, "e") != NULL)) {
		a = civil_parse_days(db_get(r, 0, "s"), &d) == 0 ? acad_day_text(ctx->a, ctx->user.lang, d) :
		    reply_fmt(ctx->reply, "academic.term_unknown");
		b = civil_parse_days(db_get(r, 0, "e"), &d) == 0 ? acad_day_text(ctx->a, ctx->user.lang, d) :
		    reply_fmt(ctx->reply, "academic.term_unknown");
		s = arena_printf(ctx->a, "\n%s", reply_fmt(ctx->reply, "academic.tt_term", a, b));
	}
	db_res_free(r);
	return s;
}

int
academic_timetable_show(struct bot_ctx *ctx, const struct nlu_result *r)
{
	struct acad_block *b;
	struct strbuf text = STRBUF_INIT;
	const char *term, *head;
	void *png = NULL;
	size_t n, len;
	unsigned char *copy;

	if (acad_blocks_load(ctx->db, ctx->user.id, ctx->a, &b, &n) != 0 || (term = term_line(ctx)) == NULL)
		return -1;
	if (n == 0) {
		reply_msgf(ctx->reply, "academic.list_empty");
		return 0;
	}
	acad_timetable_text(b, n, ctx->user.lang, &text);
	head = arena_printf(ctx->a, "%s%s", reply_fmt(ctx->reply, "academic.tt_caption"), term);
	if (acad_timetable_png(b, n, ctx->user.lang, &png, &len) != 0) {
		/* No picture (font missing?): the text alone still answers the question. */
		log_warn("academic: timetable PNG failed");
		reply_text(ctx->reply, arena_printf(ctx->a, "%s\n\n%s", head, strbuf_str(&text)));
		strbuf_release(&text);
		return 0;
	}
	copy = arena_alloc(ctx->a, len);
	memcpy(copy, png, len);
	free(png);
	if (text.len <= CAPTION_MAX) {
		reply_photo(ctx->reply, copy, len, arena_printf(ctx->a, "%s\n\n%s", head, strbuf_str(&text)));
	} else {
		reply_photo(ctx->reply, copy, len, head);
		reply_text(ctx->reply, strbuf_str(&text));
	}
	strbuf_release(&text);
	return 0;
}
