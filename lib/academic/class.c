/* See LICENSE. class.c: adding a weekly class from what the student said, with undo and change buttons. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "academic/academic.h"
#include "academic/acad.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "db/db.h"

/* 1 for odd ISO weeks, 0 for even, -1 when the student named neither (the parser's "odd"/"even"). */
static int
parity_of(const struct nlu_result *r)
{
	if (strcmp(r->arg, "odd") == 0)
		return 1;
	if (strcmp(r->arg, "even") == 0)
		return 0;
	return -1;
}

/* Every other week: the parser's every "2week", or odd or even weeks. */
static int
every_weeks(const struct nlu_result *r)
{
	return strcmp(r->every, "2week") == 0 || parity_of(r) >= 0 ? 2 : 1;
}

/* What the student called the subject: "Cloud Computing (CC)" when they wrote the code in brackets. */
static const char *
subject_said(struct bot_ctx *ctx, const struct nlu_result *r, const char *subj)
{
	return r->code[0] != '\0' ? arena_printf(ctx->a, "%s (%s)", subj, r->code) : subj;
}

/* "lab" or "theory" when the student said so ("prácticas de Redes", "CC teoría"), else NULL. */
static const char *
kind_said(const struct nlu_result *r)
{
	return strcmp(r->kind, "lab") == 0 || strcmp(r->kind, "theory") == 0 ? r->kind : NULL;
}

static int
iso_week(int64_t monday)
{
	int y, m, d;

	civil_from_days(monday + 3, &y, &m, &d);	/* the week belongs to the year of its Thursday */
	return (int)((monday + 3 - civil_to_days(y, 1, 1)) / 7) + 1;
}

/* The Monday of the week of the class's next meeting (for alternate weeks: one of the right parity). */
static void
anchor_of(const struct bot_ctx *ctx, int weekday, int parity, char out[11])
{
	int64_t today = civil_to_days(ctx->local.year, ctx->local.month, ctx->local.day);
	int64_t next = today + ((weekday - civil_weekday(today)) % 7 + 7) % 7;
	int64_t monday = next - (weekday - 1);

	if (parity >= 0 && iso_week(monday) % 2 != parity)
		monday += 7;
	civil_fmt_ymd(monday, out);
}

/* Appends a warning for each class of the user on "weekday" that overlaps [start, end), other than "self". */
static int
overlaps(struct bot_ctx *ctx, int weekday, const char *start, const char *end, int64_t self, struct strbuf *out)
{
	char uid[DB_I64_LEN], wd[DB_I64_LEN], id[DB_I64_LEN];
	const char *p[5] = { db_i64(uid, ctx->user.id), db_i64(wd, weekday), start, end, db_i64(id, self) };
	struct db_res *r;
	int i;

	r = db_query(ctx->db, "SELECT s.code, to_char(c.start_time, 'HH24:MI') AS s, to_char(c.end_time, 'HH24:MI') AS e"
	    " FROM academic.classes c JOIN academic.subjects s ON s.id = c.subject_id AND s.user_id = c.user_id"
	    " WHERE c.user_id = $1 AND c.weekday = $2 AND c.start_time < $4::time AND $3::time < c.end_time"
	    " AND c.id <> $5 ORDER BY c.start_time", 5, p);
	if (r == NULL)
		return -1;
	for (i = 0; i < db_rows(r); i++) {
		int d = weekday;

		strbuf_addc(out, '\n');
		strbuf_adds(out, reply_fmt(ctx->reply, "academic.overlap", reply_esc(ctx->reply, db_get(r, i, "code")),
		    acad_weekdays_text(ctx->a, ctx->user.lang, &d, 1), db_get(r, i, "s"), db_get(r, i, "e")));
	}
	db_res_free(r);
	return 0;
}

const char *
acad_class_line(struct bot_ctx *ctx, const char *subject, const int *wd, int nwd, const char *start,
    const char *end, const char *room, int every, const char *kind)
{
	struct reply *rp = ctx->reply;
	const char *s;

	s = arena_printf(ctx->a, "<b>%s</b>, %s, %s–%s", reply_esc(rp, subject),
	    acad_weekdays_text(ctx->a, ctx->user.lang, wd, nwd), start, end);
	if (room != NULL && room[0] != '\0')
		s = arena_printf(ctx->a, "%s, %s", s, reply_fmt(rp, "academic.room", reply_esc(rp, room)));
	if (kind != NULL && (strcmp(kind, "lab") == 0 || strcmp(kind, "theory") == 0))
		s = arena_printf(ctx->a, "%s, %s", s, reply_fmt(rp, strcmp(kind, "lab") == 0 ? "academic.kind_lab" :
		    "academic.kind_theory"));
	if (every > 1)
		s = arena_printf(ctx->a, "%s (%s)", s, reply_fmt(rp, "academic.alternate"));
	return s;
}

static int
check_add(struct bot_ctx *ctx, const struct nlu_result *r)
{
	int s, e, i;

	if (r->subject[0] == '\0' || r->nweekdays < 1 || civil_parse_hm(r->start, &s) != 0) {
		reply_msgf(ctx->reply, "academic.add_incomplete");
		return -1;
	}
	if (civil_parse_hm(r->end, &e) != 0 || e <= s) {
		reply_msgf(ctx->reply, "academic.add_no_end", r->start);
		return -1;
	}
	for (i = 0; i < r->nweekdays; i++)
		if (r->weekdays[i] < 1 || r->weekdays[i] > 7) {
			reply_msgf(ctx->reply, "academic.add_incomplete");
			return -1;
		}
	return 0;
}

/* The confirmation with its buttons: undo, change, my classes. */
static void
confirm(struct bot_ctx *ctx, const char *html, int64_t batch)
{
	struct reply_item *it = reply_text(ctx->reply, html);

	reply_button(it, ctx->reply, reply_fmt(ctx->reply, "academic.btn_undo"),
	    arena_printf(ctx->a, ACAD_CB "u:%lld", (long long)batch));
	reply_button(it, ctx->reply, reply_fmt(ctx->reply, "academic.btn_change"),
	    arena_printf(ctx->a, ACAD_CB "c:%lld", (long long)batch));
	reply_button(it, ctx->reply, reply_fmt(ctx->reply, "academic.btn_list"), ACAD_CB "l");
}

int
academic_class_add(struct bot_ctx *ctx, const struct nlu_result *r)
{
	struct strbuf out = STRBUF_INIT;
	int64_t batch, subject, id;
	int i, added = 0, had, minutes, every, parity, rc = -1;
	char anchor[11], subj[sizeof r->subject], room[sizeof r->room];
	const char *kind;

	if (check_add(ctx, r) != 0)
		return 0;
	snprintf(subj, sizeof subj, "%s", r->subject);
	snprintf(room, sizeof room, "%s", r->room);
	kind = kind_said(r);
	every = every_weeks(r);
	parity = parity_of(r);
	if ((had = acad_class_count(ctx->db, ctx->user.id)) < 0 || acad_batch_new(ctx->db, &batch) != 0 ||
	    acad_subject_get(ctx->db, ctx->user.id, subject_said(ctx, r, subj), batch, &subject) != 0)
		goto out;
	for (i = 0; i < r->nweekdays; i++) {
		anchor_of(ctx, r->weekdays[i], parity, anchor);
		switch (acad_class_insert(ctx->db, ctx->user.id, subject, r->weekdays[i], r->start, r->end, room,
		    kind, every, anchor, batch, &id)) {
		case 1:
			added++;
			if (overlaps(ctx, r->weekdays[i], r->start, r->end, id, &out) != 0)
				goto out;
			break;
		case 0:
			break;
		default:
			goto out;
		}
	}
	if (added == 0) {
		reply_msgf(ctx->reply, "academic.add_dup", acad_class_line(ctx, subj, r->weekdays,
		    r->nweekdays, r->start, r->end, room, every, kind));
		rc = 0;
		goto out;
	}
	if (acad_settings_ensure(ctx->db, ctx->user.id, &minutes) != 0 ||
	    bot_change_note(ctx, "academic", batch) != 0)
		goto out;
	if (had == 0 && minutes > 0)
		strbuf_addf(&out, "\n\n%s", reply_fmt(ctx->reply, "academic.first_warn", minutes));
	confirm(ctx, arena_printf(ctx->a, "%s%s", reply_fmt(ctx->reply, "academic.added",
	    acad_class_line(ctx, subj, r->weekdays, r->nweekdays, r->start, r->end, room, every, kind)),
	    strbuf_str(&out)), batch);
	rc = 0;
out:
	strbuf_release(&out);
	return rc;
}
