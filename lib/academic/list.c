/* See LICENSE. list.c: the student's classes listed, deleted from buttons or by number, and the academic buttons. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "academic/academic.h"
#include "academic/acad.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "db/db.h"

/* The same order everywhere, so "borra la clase 2" means the second line of /clases. */
#define LIST_SQL \
	"SELECT c.id, s.code, s.name, c.room, c.kind, c.weekday, c.every_weeks, to_char(c.start_time, 'HH24:MI') AS s," \
	" to_char(c.end_time, 'HH24:MI') AS e" \
	" FROM academic.classes c JOIN academic.subjects s ON s.id = c.subject_id AND s.user_id = c.user_id" \
	" WHERE c.user_id = $1 ORDER BY c.weekday, c.start_time, s.code, c.id"

static const char *
row_line(struct bot_ctx *ctx, struct db_res *r, int i)
{
	int wd = (int)db_get_i64(r, i, "weekday", 1);

	return acad_class_line(ctx, db_get(r, i, "code"), &wd, 1, db_get(r, i, "s"), db_get(r, i, "e"),
	    db_get(r, i, "room"), (int)db_get_i64(r, i, "every_weeks", 1), db_get(r, i, "kind"));
}

int
acad_list_reply(struct bot_ctx *ctx, int edit)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, ctx->user.id) };
	struct strbuf html = STRBUF_INIT;
	struct reply_item *it;
	struct db_res *r;
	int i, n, edits;

	if ((r = db_query(ctx->db, LIST_SQL, 1, p)) == NULL)
		return -1;
	n = db_rows(r);
	if (n == 0) {
		strbuf_adds(&html, reply_fmt(ctx->reply, "academic.list_empty"));
	} else {
		strbuf_adds(&html, reply_fmt(ctx->reply, "academic.list_head"));
		for (i = 0; i < n; i++) {
			if (html.len > ACAD_TEXT_MAX) {
				strbuf_adds(&html, "\n…");
				break;
			}
			strbuf_addf(&html, "\n%d. %s", i + 1, row_line(ctx, r, i));
		}
		strbuf_addf(&html, "\n\n%s", reply_fmt(ctx->reply, "academic.list_hint"));
	}
	it = edit ? reply_edit(ctx->reply, ctx->u->message_id, strbuf_str(&html)) :
	    reply_text(ctx->reply, strbuf_str(&html));
	/* A row per class, delete and change; past half the keyboard, delete only. */
	edits = n <= REPLY_MAX_BUTTONS / 2;
	for (i = 0; i < n && i < REPLY_MAX_BUTTONS; i++) {
		int wd = (int)db_get_i64(r, i, "weekday", 1);
		long long id = (long long)db_get_i64(r, i, "id", 0);

		if (i > 0 && (edits || i % 2 == 0))
			reply_row(it);
		reply_button(it, ctx->reply, reply_fmt(ctx->reply, "academic.btn_delete", i + 1, db_get(r, i, "code"),
		    acad_weekdays_text(ctx->a, ctx->user.lang, &wd, 1), db_get(r, i, "s")),
		    arena_printf(ctx->a, ACAD_CB "d:%lld", id));
		if (edits)
			reply_button(it, ctx->reply, reply_fmt(ctx->reply, "academic.btn_edit", i + 1),
			    arena_printf(ctx->a, ACAD_CB "e:%lld", id));
	}
	db_res_free(r);
	strbuf_release(&html);
	return 0;
}

int
academic_class_list(struct bot_ctx *ctx, const struct nlu_result *r)
{
	return acad_list_reply(ctx, 0);
}

/* A whole positive number, or 0. */
static long long
number_of(const char *s)
{
	char *end;
	long long v;

	if (s == NULL || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0' && v > 0 ? v : 0;
}

/* Does "what" ("CC", "clase de CC", "la de cc") name subject "code"? Case-insensitive, a whole last word. */
static int
names(const char *what, const char *code)
{
	size_t wl = strlen(what), cl = strlen(code);

	if (strcasecmp(what, code) == 0)
		return 1;
	return wl > cl && what[wl - cl - 1] == ' ' && strcasecmp(what + wl - cl, code) == 0;
}

static int
delete_row(struct bot_ctx *ctx, struct db_res *r, int i)
{
	const char *line = row_line(ctx, r, i);

	if (acad_class_delete(ctx->db, ctx->user.id, db_get_i64(r, i, "id", 0)) < 0)
		return -1;
	reply_msgf(ctx->reply, "academic.deleted", line);
	return 0;
}

/*
 * "borra la clase 2" deletes the second of /clases; "borra CC" deletes CC's
 * class if it has one, or offers buttons for each when it has several.
 */
int
academic_class_delete(struct bot_ctx *ctx, const struct nlu_result *nr)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, ctx->user.id) };
	const char *what = nr->ref[0] != '\0' ? nr->ref : nr->subject;
	long long num = number_of(what);
	struct db_res *r;
	int i, n, hits = 0, hit = -1, rc = 0;

	if (what[0] == '\0')
		return acad_list_reply(ctx, 0);
	if ((r = db_query(ctx->db, LIST_SQL, 1, p)) == NULL)
		return -1;
	n = db_rows(r);
	if (num > 0 && num <= n) {
		rc = delete_row(ctx, r, (int)num - 1);
		goto out;
	}
	for (i = 0; i < n; i++) {
		const char *full = db_get(r, i, "name");

		if (names(what, db_get(r, i, "code")) || (full != NULL && names(what, full))) {
			hits++;
			hit = i;
		}
	}
	if (hits == 1)
		rc = delete_row(ctx, r, hit);
	else if (hits > 1)
		rc = acad_list_reply(ctx, 0);
	else
		reply_msgf(ctx->reply, "academic.delete_none");
out:
	db_res_free(r);
	return rc;
}

/* The id after "ac:X:", or 0 when the data is malformed (then nothing happens). */
static int64_t
callback_id(const char *data)
{
	return (int64_t)number_of(data + strlen(ACAD_CB) + 2);
}

/* A typed "deshacer" after classes were added or imported: as the undo button, without a message to edit. */
int
academic_undo_change(struct bot_ctx *ctx, int64_t batch)
{
	int n = acad_batch_delete(ctx->db, ctx->user.id, batch);

	if (n <= 0)
		return n < 0 ? -1 : 1;	/* gone already: nothing left to undo */
	reply_msgf(ctx->reply, n == 1 ? "academic.undone_one" : "academic.undone", n);
	return 0;
}

/*
 * "ac:u:BATCH" undo, "ac:c:BATCH" change (undo and ask again), "ac:d:ID"
 * delete, "ac:e:ID" change one class, "ac:l" list, "ac:t" timetable. Ids are only ever looked up together with the
 * presser's user id, so forged data finds nothing and changes nothing.
 */
int
academic_callback(struct bot_ctx *ctx, const char *data)
{
	const char *cb = ctx->u->callback_id;
	char op = strlen(data) > strlen(ACAD_CB) ? data[strlen(ACAD_CB)] : '\0';
	/* op is one of these only when data[3] is not the terminator, so data[4] may be read. */
	int64_t id = (op == 'u' || op == 'c' || op == 'd' || op == 'e') && data[strlen(ACAD_CB) + 1] == ':' ?
	    callback_id(data) : 0;
	int n;

	if (op == 'l' || op == 't') {
		struct nlu_result none;

		memset(&none, 0, sizeof none);
		reply_callback_answer(ctx->reply, cb, NULL);
		return op == 'l' ? acad_list_reply(ctx, 0) : academic_timetable_show(ctx, &none);
	}
	if (id <= 0) {
		reply_callback_answer(ctx->reply, cb, reply_fmt(ctx->reply, "academic.cb_gone"));
		return 0;
	}
	n = op == 'd' || op == 'e' ? acad_class_delete(ctx->db, ctx->user.id, id) :
	    acad_batch_delete(ctx->db, ctx->user.id, id);
	if (n < 0)
		return -1;
	if (n == 0) {
		reply_callback_answer(ctx->reply, cb, reply_fmt(ctx->reply, "academic.cb_gone"));
		return 0;
	}
	if (op == 'd') {
		reply_callback_answer(ctx->reply, cb, reply_fmt(ctx->reply, "academic.cb_deleted"));
		return acad_list_reply(ctx, 1);
	}
	reply_callback_answer(ctx->reply, cb, reply_fmt(ctx->reply, "academic.cb_undone"));
	reply_edit(ctx->reply, ctx->u->message_id, reply_fmt(ctx->reply,
	    op != 'u' ? "academic.change_prompt" : n == 1 ? "academic.undone_one" : "academic.undone", n));
	return 0;
}
