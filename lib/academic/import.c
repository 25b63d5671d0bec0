/* See LICENSE. import.c: a university's .ics timetable sent as a document becomes the student's classes. */
#include <stdio.h>
#include <string.h>

#include "academic/academic.h"
#include "academic/acad.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "json/json.h"
#include "telegram/tg.h"

/*
 * Fetches the document into "body": getFile for its file_path, then the
 * download, capped at ACAD_ICS_MAX. Returns 0, 1 when it is too big, -1 when
 * it could not be fetched.
 */
static int
fetch(struct bot_ctx *ctx, const char *file_id, struct tg_result *body)
{
	static const char *const path[] = { "result", "file_path", NULL };
	static const char *const size[] = { "result", "file_size", NULL };
	struct tg_result res;
	struct json_gen *g = json_gen_new();
	struct json_doc *doc = NULL;
	const char *text, *fp;
	char err[128];
	size_t len;
	int64_t sz = 0;
	int rc = -1;

	memset(&res, 0, sizeof res);
	json_gen_obj_open(g);
	json_gen_kv_str(g, "file_id", file_id);
	json_gen_obj_close(g);
	text = json_gen_text(g, &len);
	if (tg_call_json(ctx->tg, "getFile", text, len, &res) != 0)
		goto out;
	doc = json_parse(strbuf_str(&res.body), res.body.len, 64 * 1024, 8, err, sizeof err);
	if (doc == NULL || (fp = json_get_str(json_root(doc), path)) == NULL)
		goto out;
	if (json_get_i64(json_root(doc), size, &sz) == 0 && sz > ACAD_ICS_MAX) {
		rc = 1;
		goto out;
	}
	rc = tg_download(ctx->tg, fp, ACAD_ICS_MAX, body) == 0 ? 0 : -1;
out:
	if (rc < 0)
		log_warn("academic: .ics download failed");
	json_free(doc);
	json_gen_free(g);
	tg_result_release(&res);
	return rc;
}

/* Stores the classes read; appends a line for each new one to "lines". Returns how many were new, -1 on error. */
static int
store(struct bot_ctx *ctx, const struct acad_ics_result *ics, int64_t batch, struct strbuf *lines)
{
	size_t i;
	int64_t subject, id;
	int added = 0, cut = 0;

	for (i = 0; i < ics->n; i++) {
		const struct acad_ics_class *c = &ics->classes[i];

		if (acad_subject_get(ctx->db, ctx->user.id, c->subject, batch, &subject) != 0)
			return -1;
		switch (acad_class_insert(ctx->db, ctx->user.id, subject, c->weekday, c->start, c->end, c->room,
		    NULL, c->every_weeks, c->anchor_monday, batch, &id)) {
		case 1:
			added++;
			if (cut)
				break;
			if (lines->len > ACAD_TEXT_MAX - 400) {	/* room for the notes after the lines */
				strbuf_adds(lines, "\n…");
				cut = 1;
				break;
			}
			strbuf_addf(lines, "\n• %s", acad_class_line(ctx, c->subject, &c->weekday, 1, c->start, c->end,
			    c->room, c->every_weeks, NULL));
			break;
		case 0:
			break;
		default:
			return -1;
		}
	}
	return added;
}

int
academic_calendar_import(struct bot_ctx *ctx, const struct nlu_result *r)
{
	struct tg_result body;
	struct acad_ics_result ics;
	struct strbuf lines = STRBUF_INIT;
	struct reply_item *it;
	int64_t batch;
	int had, added, minutes, got, rc = -1;

	memset(&body, 0, sizeof body);
	if (ctx->u->document_file_id == NULL || ctx->tg == NULL) {
		reply_msgf(ctx->reply, "academic.import_help");
		return 0;
	}
	if (ctx->u->document_size > ACAD_ICS_MAX || (got = fetch(ctx, ctx->u->document_file_id, &body)) == 1) {
		reply_msgf(ctx->reply, "academic.import_too_big");
		return 0;
	}
	if (got != 0) {
		reply_msgf(ctx->reply, "academic.import_fetch_failed");
		goto done;
	}
	if (acad_ics_read(strbuf_str(&body.body), body.body.len, ctx->user.tz, ctx->a, &ics) != 0) {
		reply_msgf(ctx->reply, "academic.import_not_ics");
		goto done;
	}
	if (ics.n == 0) {
		reply_msgf(ctx->reply, "academic.import_none", (int)ics.skipped);
		goto done;
	}
	if ((had = acad_class_count(ctx->db, ctx->user.id)) < 0 || acad_batch_new(ctx->db, &batch) != 0 ||
	    (added = store(ctx, &ics, batch, &lines)) < 0 || acad_settings_ensure(ctx->db, ctx->user.id, &minutes) != 0)
		goto out;
	if (added == 0) {
		reply_msgf(ctx->reply, ics.n == 1 ? "academic.import_nothing_new_one" : "academic.import_nothing_new",
		    (int)ics.n);
		goto done;
	}
	if (bot_change_note(ctx, "academic", batch) != 0)
		goto out;
	if (ics.skipped > 0)
		strbuf_addf(&lines, "\n\n%s", reply_fmt(ctx->reply, "academic.import_skipped", (int)ics.skipped));
	if (had == 0 && minutes > 0)
		strbuf_addf(&lines, "\n\n%s", reply_fmt(ctx->reply, "academic.first_warn", minutes));
	it = reply_text(ctx->reply, arena_printf(ctx->a, "%s%s", reply_fmt(ctx->reply,
	    added == 1 ? "academic.imported_one" : "academic.imported", added),
	    strbuf_str(&lines)));
	reply_button(it, ctx->reply, reply_fmt(ctx->reply, "academic.btn_undo"),
	    arena_printf(ctx->a, ACAD_CB "u:%lld", (long long)batch));
	reply_button(it, ctx->reply, reply_fmt(ctx->reply, "academic.btn_timetable"), ACAD_CB "t");
done:
	rc = 0;
out:
	strbuf_release(&lines);
	tg_result_release(&body);
	return rc;
}
