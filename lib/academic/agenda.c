/* See LICENSE. agenda.c: "¿qué tengo mañana?": the day's classes, then every other module's day section. */
#include <string.h>

#include "academic/academic.h"
#include "academic/acad.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "db/db.h"

/* Is local day "date" a day without class for the user? 1 yes, 0 no, -1 error. */
static int
day_off(struct db *db, const char *uid, const char *date)
{
	const char *p[2] = { uid, date };
	struct db_res *r = db_query(db, "SELECT 1 AS x FROM academic.days_off WHERE user_id = $1 AND day = $2::date",
	    2, p);
	int n;

	if (r == NULL)
		return -1;
	n = db_rows(r) > 0;
	db_res_free(r);
	return n;
}

int
academic_day_section(struct db *db, int64_t user_id, const char *lang, const char *tz, const char *date,
    struct strbuf *out)
{
	char uid[DB_I64_LEN];
	const char *p[2] = { db_i64(uid, user_id), date };
	struct db_res *r;
	int i, n, off;

	if ((r = db_query(db, ACAD_CLASSES_ON_DAY_SQL, 2, p)) == NULL)
		return -1;
	n = db_rows(r);
	if (n > 0) {
		strbuf_addf(out, "%s%s", out->len > 0 ? "\n\n" : "", i18n_get(lang, "academic.agenda_classes"));
		for (i = 0; i < n; i++) {
			const char *room = db_get(r, i, "room");

			strbuf_addf(out, "\n• %s–%s <b>", db_get(r, i, "start_hm"), db_get(r, i, "end_hm"));
			strbuf_add_html(out, db_get(r, i, "code"));
			strbuf_adds(out, "</b>");
			if (room != NULL && room[0] != '\0') {
				strbuf_adds(out, " · ");
				strbuf_addf(out, i18n_get(lang, "academic.room"), "");
				strbuf_add_html(out, room);
			}
		}
	}
	db_res_free(r);
	if (n == 0) {
		/* Say it when the day is off: "no classes" reads better than silence then. */
		if ((off = day_off(db, uid, date)) < 0)
			return -1;
		if (off) {
			strbuf_addf(out, "%s%s", out->len > 0 ? "\n\n" : "", i18n_get(lang, "academic.agenda_day_off"));
			return 1;
		}
	}
	return n;
}

/* The days the question covers: "esta semana" from today to Sunday, "hasta el viernes", or one day. */
#define AGENDA_MAX_DAYS	31	/* "hasta fin de mes" fits; longer asks are cut */

static void
agenda_range(const struct bot_ctx *ctx, const struct nlu_result *r, int64_t *first, int64_t *last)
{
	int64_t today = civil_to_days(ctx->local.year, ctx->local.month, ctx->local.day), until;

	if (r->date[0] == '\0' || civil_parse_days(r->date, first) != 0)
		*first = today;
	*last = *first;
	if (strcmp(r->period, "week") == 0) {
		*first -= civil_weekday(*first) - 1;	/* Monday */
		*last = *first + 6;
		if (*first < today && today <= *last)
			*first = today;	/* what is left of this week */
	} else if (r->until[0] != '\0' && civil_parse_days(r->until, &until) == 0 && until > today) {
		*first = today;	/* "hasta el viernes": from today on */
		*last = until;
	}
	if (*last - *first >= AGENDA_MAX_DAYS)
		*last = *first + AGENDA_MAX_DAYS - 1;
}

/* One day's timeline under its heading, when it has anything. Returns the items, or -1. */
static int
agenda_day(struct bot_ctx *ctx, int64_t day, struct strbuf *out)
{
	struct strbuf one = STRBUF_INIT;
	char date[CIVIL_YMD_LEN];
	int n;

	civil_fmt_ymd(day, date);
	n = bot_day_timeline(ctx->db, ctx->user.id, ctx->user.lang, ctx->user.tz, date, &one);
	if (n > 0)
		strbuf_addf(out, "%s%s\n\n%s", out->len > 0 ? "\n\n" : "", reply_fmt(ctx->reply,
		    "academic.agenda_head", acad_day_text(ctx->a, ctx->user.lang, day)), strbuf_str(&one));
	strbuf_release(&one);
	return n;
}

int
academic_agenda_show(struct bot_ctx *ctx, const struct nlu_result *r)
{
	struct strbuf out = STRBUF_INIT;
	int64_t first, last, day;
	int n, total = 0, rc = -1;

	agenda_range(ctx, r, &first, &last);
	for (day = first; day <= last; day++) {
		if ((n = agenda_day(ctx, day, &out)) < 0)
			goto out;
		total += n;
	}
	if (total > 0)
		reply_text(ctx->reply, strbuf_str(&out));
	else if (first == last)
		reply_msgf(ctx->reply, "academic.agenda_empty", acad_day_text(ctx->a, ctx->user.lang, first));
	else
		reply_msgf(ctx->reply, "academic.agenda_empty_range", acad_day_text(ctx->a, ctx->user.lang, first),
		    acad_day_text(ctx->a, ctx->user.lang, last));
	rc = 0;
out:
	strbuf_release(&out);
	return rc;
}
