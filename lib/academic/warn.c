/* See LICENSE. warn.c: class warnings: the lead time per student, and the producer that queues each warning. */
#include <string.h>

#include "academic/academic.h"
#include "academic/acad.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "reminders/queue.h"

/* A day ahead is the most that still reads as "before class". */
#define WARN_MAX	1440

static int
for_classes(const struct nlu_result *r)
{
	return r->target[0] == '\0' || strcmp(r->target, "classes") == 0;
}

/* "avísame 15 minutos antes de clase": turns warnings on with that lead. */
int
academic_warn_set(struct bot_ctx *ctx, const struct nlu_result *r)
{
	char uid[DB_I64_LEN], min[DB_I64_LEN];
	const char *p[2];

	if (!for_classes(r)) {
		reply_msgf(ctx->reply, "academic.warn_which");
		return 0;
	}
	if (!r->has_minutes || r->minutes < 1 || r->minutes > WARN_MAX) {
		reply_msgf(ctx->reply, "academic.warn_help");
		return 0;
	}
	p[0] = db_i64(uid, ctx->user.id);
	p[1] = db_i64(min, r->minutes);
	/* Pending warnings were made with the old lead: drop them, the producer makes them anew. */
	if (db_exec(ctx->db, "INSERT INTO academic.settings (user_id, warn_on, warn_minutes) VALUES ($1, true, $2)"
	    " ON CONFLICT (user_id) DO UPDATE SET warn_on = true, warn_minutes = EXCLUDED.warn_minutes", 2, p) != 0 ||
	    acad_warnings_cancel(ctx->db, ctx->user.id) != 0)
		return -1;
	reply_msgf(ctx->reply, "academic.warn_set", r->minutes);
	return 0;
}

/* "no me avises de las clases". */
int
academic_warn_off(struct bot_ctx *ctx, const struct nlu_result *r)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, ctx->user.id) };

	if (!for_classes(r)) {
		reply_msgf(ctx->reply, "academic.warn_which");
		return 0;
	}
	if (db_exec(ctx->db, "INSERT INTO academic.settings (user_id, warn_on) VALUES ($1, false)"
	    " ON CONFLICT (user_id) DO UPDATE SET warn_on = false", 1, p) != 0 ||
	    acad_warnings_cancel(ctx->db, ctx->user.id) != 0)
		return -1;
	reply_msgf(ctx->reply, "academic.warn_off");
	return 0;
}

/*
 * Every class occurrence whose warning (start minus the student's lead)
 * falls in [$1, $2). For each (zone, lead) pair in use, the window shifted
 * by the lead is turned into that zone's local days and start times (an hour
 * wider on each side when a daylight-saving jump falls inside it, so the jump
 * cannot hide a class), and the
 * classes starting then are found through classes_day_start ("OFFSET 0"
 * keeps the planner from trading that index for a scan of every class:
 * it cannot tell the day list is a few rows). The exact test
 * is then on instants computed by PostgreSQL in the student's zone, so DST is
 * right; the term, days off and alternate weeks as in ACAD_CLASSES_ON_DAY_SQL.
 */
#define PRODUCE_SQL \
	"WITH pairs AS (SELECT DISTINCT u.tz, st.warn_minutes AS lead FROM academic.settings st" \
	"   JOIN core.users u ON u.user_id = st.user_id WHERE st.warn_on AND u.active)," \
	" win0 AS (SELECT p.tz, p.lead," \
	"   (to_timestamp($1) + make_interval(mins => p.lead)) AT TIME ZONE p.tz AS lo," \
	"   (to_timestamp($2) + make_interval(mins => p.lead)) AT TIME ZONE p.tz AS hi" \
	"   FROM pairs p)," \
	" win AS (SELECT w.tz, w.lead," \
	"   CASE WHEN w.hi - w.lo = to_timestamp($2) - to_timestamp($1) THEN w.lo" \
	"     ELSE least(w.lo, w.hi) - interval '1 hour' END AS lo," \
	"   CASE WHEN w.hi - w.lo = to_timestamp($2) - to_timestamp($1) THEN w.hi" \
	"     ELSE greatest(w.lo, w.hi) + interval '1 hour' END AS hi" \
	"   FROM win0 w)," \
	" days AS (SELECT w.tz, w.lead, g.d::date AS day," \
	"   CASE WHEN g.d::date = w.lo::date THEN w.lo::time ELSE time '00:00' END AS t_lo," \
	"   CASE WHEN g.d::date = w.hi::date THEN w.hi::time END AS t_hi" \
	"   FROM win w CROSS JOIN LATERAL generate_series(w.lo::date, w.hi::date, interval '1 day') AS g(d))," \
	" cand AS MATERIALIZED (SELECT d.tz, d.lead, d.day, c.id, c.user_id, c.subject_id, c.room, c.start_time," \
	"   c.anchor_monday, c.every_weeks FROM days d" \
	"   CROSS JOIN LATERAL (SELECT * FROM academic.classes c0 WHERE c0.weekday = extract(isodow FROM d.day)::int" \
	"   AND c0.start_time >= d.t_lo AND c0.start_time <= coalesce(d.t_hi, time '24:00') OFFSET 0) c" \
	"   WHERE abs((d.day - (extract(isodow FROM d.day)::int - 1)) - c.anchor_monday) / 7 % c.every_weeks = 0" \
	"   AND (d.day + c.start_time) AT TIME ZONE d.tz - make_interval(mins => d.lead) >= to_timestamp($1)" \
	"   AND (d.day + c.start_time) AT TIME ZONE d.tz - make_interval(mins => d.lead) < to_timestamp($2))" \
	" SELECT c.id, c.user_id, u.lang, s.code, c.room, c.lead AS warn_minutes," \
	" extract(epoch FROM (c.day + c.start_time) AT TIME ZONE c.tz)::bigint AS starts" \
	" FROM cand c" \
	" JOIN core.users u ON u.user_id = c.user_id AND u.tz = c.tz AND u.active" \
	" JOIN academic.settings st ON st.user_id = c.user_id AND st.warn_on AND st.warn_minutes = c.lead" \
	" JOIN academic.subjects s ON s.id = c.subject_id AND s.user_id = c.user_id" \
	" LEFT JOIN academic.terms t ON t.user_id = c.user_id" \
	" WHERE (t.starts_on IS NULL OR c.day >= t.starts_on) AND (t.ends_on IS NULL OR c.day <= t.ends_on)" \
	" AND NOT EXISTS (SELECT 1 FROM academic.days_off o WHERE o.user_id = c.user_id AND o.day = c.day)"

/* "30 minutos" / "2 horas": the lead as the student reads it. */
static void
lead_text(const char *lang, int minutes, struct strbuf *out)
{
	if (minutes % 60 == 0)
		strbuf_addf(out, i18n_get(lang, minutes == 60 ? "academic.lead_hour" : "academic.lead_hours"),
		    minutes / 60);
	else
		strbuf_addf(out, i18n_get(lang, minutes == 1 ? "academic.lead_minute" : "academic.lead_minutes"),
		    minutes);
}

/* The warning's HTML in "lang": subject and room escaped. */
static void
warn_text(const char *lang, const char *code, const char *room, int minutes, struct strbuf *out)
{
	struct strbuf subj = STRBUF_INIT, rm = STRBUF_INIT, lead = STRBUF_INIT;

	strbuf_add_html(&subj, code);
	lead_text(lang, minutes, &lead);
	if (room != NULL && room[0] != '\0') {
		strbuf_add_html(&rm, room);
		strbuf_addf(out, i18n_get(lang, "academic.warn_room"), strbuf_str(&subj), strbuf_str(&rm),
		    strbuf_str(&lead));
	} else {
		strbuf_addf(out, i18n_get(lang, "academic.warn_text"), strbuf_str(&subj), strbuf_str(&lead));
	}
	strbuf_release(&subj);
	strbuf_release(&rm);
	strbuf_release(&lead);
}

/*
 * Queues the warning of every class that "from".."to" warns about. The
 * warnings go in batches (reminders_batch_add), a statement per thousand
 * rather than one each: at 20,000 students one minute holds thousands. The
 * texts stay rendered here, from the catalog, as every other reminder's.
 */
int
academic_warn_produce(struct db *db, time_t from, time_t to)
{
	char f[DB_I64_LEN], t[DB_I64_LEN];
	const char *p[2] = { db_i64(f, (int64_t)from), db_i64(t, (int64_t)to) };
	struct reminder_batch batch = REMINDER_BATCH_INIT;
	struct strbuf text = STRBUF_INIT;
	struct reminder_spec spec;
	struct db_res *r;
	int i, rc = 0;

	if (to <= from)
		return 0;
	/*
	 * The planner cannot know the day list is a few rows, prices the query
	 * high and JIT-compiles it: a second of compiling for milliseconds of
	 * work, every minute. Off for this transaction (the reminder run gives
	 * each producer its own).
	 */
	if ((r = db_query(db, "SELECT set_config('jit', 'off', true) AS jit", 0, NULL)) == NULL)
		return -1;
	db_res_free(r);
	if ((r = db_query(db, PRODUCE_SQL, 2, p)) == NULL)
		return -1;
	for (i = 0; i < db_rows(r) && rc == 0; i++) {
		int lead = (int)db_get_i64(r, i, "warn_minutes", ACAD_WARN_DEFAULT);

		strbuf_reset(&text);
		warn_text(db_get(r, i, "lang"), db_get(r, i, "code"), db_get(r, i, "room"), lead, &text);
		memset(&spec, 0, sizeof spec);
		spec.user_id = db_get_i64(r, i, "user_id", 0);
		spec.kind = "class";
		spec.ref_id = db_get_i64(r, i, "id", 0);
		spec.expires_at = (time_t)db_get_i64(r, i, "starts", 0);
		spec.due_at = spec.expires_at - (time_t)lead * 60;
		spec.text_html = strbuf_str(&text);
		rc = reminders_batch_add(db, &batch, &spec);
	}
	if (rc == 0)
		rc = reminders_batch_flush(db, &batch);
	if (rc != 0)
		log_err("academic: scheduling class warnings failed");
	reminders_batch_release(&batch);
	db_res_free(r);
	strbuf_release(&text);
	return rc;
}
