/* See LICENSE. digest.c: the morning digest: the setting (digest.set) and its producer. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "reminders/reminders.h"
#include "bot/reply.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "reminders/queue.h"

/* Telegram takes 4096 characters; a digest is cut at a line before this many bytes. */
#define DIGEST_MAX_BYTES	3800
/* A digest that could not go within this long after its time is stale: dropped as missed. */
#define DIGEST_GRACE		(2 * 60 * 60)
/*
 * Building a digest takes a query per day section (about 10 ms), and many
 * students pick the same hour: digests are built up to an hour ahead, at
 * most DIGEST_PER_RUN a run, so 08:00 for a hundred thousand students is
 * spread over the runs before it instead of stalling the one at 08:00.
 */
#define DIGEST_LOOKAHEAD	(60 * 60)
#define DIGEST_PER_RUN		2000
#define DIGEST_BUDGET_MS	10000	/* and for at most this long, so the run keeps time to send */

static int
digest_off(struct bot_ctx *c)
{
	char uid[DB_I64_LEN];
	const char *p[1];
	long n = 0;

	p[0] = db_i64(uid, c->user.id);
	/* A digest already built for the coming hour goes too. */
	if (db_exec_count(c->db, "UPDATE reminders.digest SET enabled = false, updated_at = now()"
	    " WHERE user_id = $1 AND enabled", 1, p, &n) != 0 ||
	    reminders_cancel(c->db, c->user.id, "digest", c->user.id) != 0)
		return -1;
	reply_msgf(c->reply, n > 0 ? "reminders.digest.off" : "reminders.digest.was_off");
	return 0;
}

int
reminders_digest_set(struct bot_ctx *c, const struct nlu_result *r)
{
	char uid[DB_I64_LEN], at[6];
	const char *p[2];

	/* The parser's slots: arg "off" ("/digest off"), or the time as due_time ("resumen 8:00"). */
	if (strcmp(r->arg, "off") == 0 || strcmp(r->target, "off") == 0)
		return digest_off(c);
	if (r->due_time[0] == '\0') {
		reply_msgf(c->reply, "reminders.digest.need_time");
		return 0;
	}
	snprintf(at, sizeof at, "%s", r->due_time);
	p[0] = db_i64(uid, c->user.id);
	p[1] = at;
	if (db_exec(c->db, "INSERT INTO reminders.digest (user_id, at_time) VALUES ($1, $2::time)"
	    " ON CONFLICT (user_id) DO UPDATE SET at_time = EXCLUDED.at_time, enabled = true,"
	    " updated_at = now()", 2, p) != 0 ||
	    reminders_cancel(c->db, c->user.id, "digest", c->user.id) != 0)	/* built for the old time */
		return -1;
	reply_msgf(c->reply, "reminders.digest.on", at);
	return 0;
}

/* Every day section for local "date" under "heading"; the number of items they added, or -1. */
static int
add_day(struct db *db, int64_t uid, const char *lang, const char *tz, const char *date,
    const char *heading, struct strbuf *out)
{
	struct strbuf day = STRBUF_INIT;
	int n;

	if ((n = bot_day_timeline(db, uid, lang, tz, date, &day)) < 0) {
		strbuf_release(&day);
		return -1;
	}
	if (n > 0) {
		strbuf_addf(out, "\n\n%s\n", heading);
		strbuf_adds(out, strbuf_str(&day));
	}
	strbuf_release(&day);
	return n;
}

/* Cuts "sb" at its last line break before DIGEST_MAX_BYTES: never inside a tag or a character. */
static void
cap_length(struct strbuf *sb)
{
	size_t n;

	if (sb->len <= DIGEST_MAX_BYTES)
		return;
	for (n = DIGEST_MAX_BYTES; n > 0 && sb->buf[n] != '\n'; n--)
		;
	sb->len = n;
	sb->buf[n] = '\0';
	strbuf_adds(sb, "\n…");
}

static int
digest_one(struct db *db, const struct db_res *r, int i)
{
	struct strbuf text = STRBUF_INIT;
	struct reminder_spec s;
	const char *lang = db_get(r, i, "lang"), *tz = db_get(r, i, "tz");
	int64_t uid = db_get_i64(r, i, "user_id", 0);
	int n, m, rc = -1;

	strbuf_addf(&text, i18n_get(lang, "reminders.digest.title"), db_get(r, i, "label"));
	if ((n = add_day(db, uid, lang, tz, db_get(r, i, "today"), i18n_get(lang, "reminders.digest.today"),
	    &text)) < 0)
		goto out;
	/* Tomorrow too, for what is due then; a module with nothing for tomorrow adds nothing. */
	if ((m = add_day(db, uid, lang, tz, db_get(r, i, "tomorrow"),
	    i18n_get(lang, "reminders.digest.tomorrow"), &text)) < 0)
		goto out;
	if (n == 0)
		strbuf_addf(&text, "\n\n%s", i18n_get(lang, "reminders.digest.empty"));
	cap_length(&text);
	memset(&s, 0, sizeof s);
	s.user_id = uid;
	s.kind = "digest";
	s.ref_id = uid;		/* one digest a user: the user is its own reference */
	s.due_at = (time_t)db_get_i64(r, i, "at", 0);
	s.expires_at = s.due_at + DIGEST_GRACE;
	s.text_html = strbuf_str(&text);
	rc = reminders_schedule(db, &s);
out:
	strbuf_release(&text);
	return rc;
}

/*
 * Users whose digest instant (their local date + at_time, in their zone,
 * so 08:00 stays 08:00 across DST) lies in [from, to + DIGEST_LOOKAHEAD) and
 * who have no digest row for it yet: the text is built once, not every
 * minute, soonest first.
 */
static const char due_sql[] =
    "SELECT d.user_id, u.lang, u.tz, x.day::text AS today, (x.day + 1)::text AS tomorrow,"
    "  to_char(x.day, 'DD/MM') AS label, extract(epoch FROM x.inst)::bigint AS at"
    " FROM reminders.digest d JOIN core.users u ON u.user_id = d.user_id,"
    " LATERAL (SELECT DISTINCT v.day, (v.day + d.at_time) AT TIME ZONE u.tz AS inst"
    "  FROM (VALUES ((to_timestamp($1::float8) AT TIME ZONE u.tz)::date),"
    "   ((to_timestamp($2::float8) AT TIME ZONE u.tz)::date)) v(day)) x"
    " WHERE d.enabled AND u.active"
    "  AND x.inst >= to_timestamp($1::float8) AND x.inst < to_timestamp($2::float8)"
    "  AND NOT EXISTS (SELECT 1 FROM reminders.queue q WHERE q.kind = 'digest'"
    "   AND q.ref_id = d.user_id AND q.due_at = x.inst)"
    " ORDER BY x.inst LIMIT $3::int";

static long
elapsed_ms(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (long)(now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

int
reminders_digest_producer(struct db *db, time_t from, time_t to)
{
	char f[DB_I64_LEN], t[DB_I64_LEN], lim[DB_I64_LEN];
	struct timespec t0;
	const char *p[3];
	struct db_res *r;
	int i, rc = 0;

	p[0] = db_i64(f, (int64_t)from);
	p[1] = db_i64(t, (int64_t)to + DIGEST_LOOKAHEAD);
	p[2] = db_i64(lim, DIGEST_PER_RUN);
	if ((r = db_query(db, due_sql, 3, p)) == NULL)
		return -1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < db_rows(r) && rc == 0 && elapsed_ms(&t0) < DIGEST_BUDGET_MS; i++)
		rc = digest_one(db, r, i);
	db_res_free(r);
	return rc;
}
