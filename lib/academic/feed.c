/* See LICENSE. feed.c: the private calendar feed: its token, its URL, and the classes it exports. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "academic/academic.h"
#include "academic/acad.h"
#include "academic/feed.h"
#include "core/config.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "db/db.h"

/* 160 random bits, written as 40 hex digits: over the 128 the feed promises. */
#define TOKEN_BYTES	20
#define TOKEN_LEN	(2 * TOKEN_BYTES)

/*
 * Each class from its first meeting in the term (or from the week it was
 * added), weekly until the term's last day; days off that fall on it become
 * EXDATEs. UNTIL is in UTC as RFC 5545 3.3.10 requires with a zoned DTSTART.
 */
#define FEED_SQL \
	"SELECT c.id, s.code, c.room, c.every_weeks," \
	" extract(epoch FROM (f.first + c.start_time) AT TIME ZONE $2)::bigint AS st," \
	" extract(epoch FROM (f.first + c.end_time) AT TIME ZONE $2)::bigint AS en," \
	" to_char(((t.ends_on + 1)::timestamp AT TIME ZONE $2) AT TIME ZONE 'UTC' - interval '1 second'," \
	"   'YYYYMMDD\"T\"HH24MISS\"Z\"') AS until," \
	" (SELECT string_agg(extract(epoch FROM (o.day + c.start_time) AT TIME ZONE $2)::bigint::text, ','" \
	"   ORDER BY o.day) FROM academic.days_off o WHERE o.user_id = c.user_id" \
	"   AND extract(isodow FROM o.day) = c.weekday AND o.day >= f.first" \
	"   AND (t.ends_on IS NULL OR o.day <= t.ends_on)) AS exdates" \
	" FROM academic.classes c JOIN academic.subjects s ON s.id = c.subject_id AND s.user_id = c.user_id" \
	" LEFT JOIN academic.terms t ON t.user_id = c.user_id" \
	" CROSS JOIN LATERAL (SELECT coalesce(t.starts_on, c.anchor_monday) AS d0) z" \
	" CROSS JOIN LATERAL (SELECT z.d0 + (c.weekday - extract(isodow FROM z.d0)::int + 7) % 7 AS d) w" \
	" CROSS JOIN LATERAL (SELECT w.d + CASE WHEN abs((w.d - (extract(isodow FROM w.d)::int - 1))" \
	"   - c.anchor_monday) / 7 % c.every_weeks = 0 THEN 0 ELSE 7 END AS first) f" \
	" WHERE c.user_id = $1 AND (t.ends_on IS NULL OR f.first <= t.ends_on)" \
	" ORDER BY c.weekday, c.start_time, c.id"

/* "1,2,3" into a malloc'd array. */
static time_t *
parse_list(const char *s, size_t *n)
{
	time_t *v;
	size_t cap = 1;
	const char *q;
	char *end;

	*n = 0;
	if (s == NULL || *s == '\0')
		return NULL;
	for (q = s; *q != '\0'; q++)
		cap += *q == ',';
	v = xcalloc(cap, sizeof *v);
	while (*s != '\0' && *n < cap) {
		v[(*n)++] = (time_t)strtoll(s, &end, 10);
		s = *end == ',' ? end + 1 : end + strlen(end);
	}
	return v;
}

int
academic_feed_source(struct db *db, int64_t user_id, const char *tz, feed_emit_fn emit, void *arg)
{
	char uid[DB_I64_LEN], buf[160], ubuf[64];
	const char *p[2] = { db_i64(uid, user_id), tz };
	struct feed_event ev;
	struct db_res *r;
	int i;

	if ((r = db_query(db, FEED_SQL, 2, p)) == NULL)
		return -1;
	for (i = 0; i < db_rows(r); i++) {
		const char *until = db_get(r, i, "until");

		memset(&ev, 0, sizeof ev);
		snprintf(ubuf, sizeof ubuf, "class-%lld@mystudentbot", (long long)db_get_i64(r, i, "id", 0));
		snprintf(buf, sizeof buf, "FREQ=WEEKLY%s%s%s", db_get_i64(r, i, "every_weeks", 1) > 1 ? ";INTERVAL=2" : "",
		    until != NULL ? ";UNTIL=" : "", until != NULL ? until : "");
		ev.uid = ubuf;
		ev.summary = db_get(r, i, "code");
		ev.location = db_get(r, i, "room");
		ev.start = (time_t)db_get_i64(r, i, "st", 0);
		ev.end = (time_t)db_get_i64(r, i, "en", 0);
		ev.rrule = buf;
		ev.exdates = parse_list(db_get(r, i, "exdates"), &ev.nexdates);
		emit(arg, &ev);
		free((void *)ev.exdates);
	}
	db_res_free(r);
	return 0;
}

static int
token_ok(const char *t)
{
	size_t i;

	if (t == NULL || strlen(t) != TOKEN_LEN)
		return 0;
	for (i = 0; i < TOKEN_LEN; i++)
		if (!((t[i] >= '0' && t[i] <= '9') || (t[i] >= 'a' && t[i] <= 'f')))
			return 0;
	return 1;
}

int
academic_feed_ics(struct db *db, const char *token, struct strbuf *out)
{
	const char *p[1] = { token };
	struct acad_ical *f;
	struct db_res *r;
	int64_t uid;
	char tz[64];
	int i;

	if (!token_ok(token))
		return 1;
	r = db_query(db, "SELECT s.user_id, u.tz FROM academic.settings s JOIN core.users u ON u.user_id = s.user_id"
	    " WHERE s.feed_token = $1", 1, p);
	if (r == NULL)
		return -1;
	if (db_rows(r) == 0) {
		db_res_free(r);
		return 1;
	}
	uid = db_get_i64(r, 0, "user_id", 0);
	snprintf(tz, sizeof tz, "%s", db_get(r, 0, "tz") != NULL ? db_get(r, 0, "tz") : "UTC");
	db_res_free(r);
	f = acad_ical_new(tz, time(NULL));
	for (i = 0; feed_sources[i] != NULL; i++)
		if (feed_sources[i](db, uid, tz, acad_ical_emit, f) < 0) {
			acad_ical_finish(f, NULL);
			return -1;
		}
	acad_ical_finish(f, out);
	return 0;
}

static int
token_new(char out[TOKEN_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[TOKEN_BYTES];
	size_t got = 0;
	ssize_t n;
	int i;

	while (got < sizeof raw) {
		n = getrandom(raw + got, sizeof raw - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	for (i = 0; i < TOKEN_BYTES; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[TOKEN_LEN] = '\0';
	return 0;
}

static const char *
base_url(const struct bot_ctx *ctx)
{
	if (ctx->cfg != NULL && ctx->cfg->public_url[0] != '\0')
		return ctx->cfg->public_url;
	return arena_printf(ctx->a, "http://127.0.0.1:%d", ctx->cfg != NULL ? ctx->cfg->http_port : 8080);
}

/* "/calendario" shows the feed URL, making the token on first use; "/calendario nuevo" replaces it. */
int
academic_calendar_feed(struct bot_ctx *ctx, const struct nlu_result *r)
{
	char uid[DB_I64_LEN], tok[TOKEN_LEN + 1];
	const char *p[2] = { db_i64(uid, ctx->user.id), NULL };
	int renew = strcmp(r->arg, "new") == 0;
	struct db_res *res;
	const char *url;

	if ((res = db_query(ctx->db, "SELECT feed_token FROM academic.settings WHERE user_id = $1", 1, p)) == NULL)
		return -1;
	snprintf(tok, sizeof tok, "%s", db_rows(res) > 0 && db_get(res, 0, "feed_token") != NULL ?
	    db_get(res, 0, "feed_token") : "");
	db_res_free(res);
	if (tok[0] == '\0' || renew) {
		if (token_new(tok) != 0) {
			log_err("academic: getrandom failed");
			return -1;
		}
		p[1] = tok;
		if (db_exec(ctx->db, "INSERT INTO academic.settings (user_id, feed_token) VALUES ($1, $2)"
		    " ON CONFLICT (user_id) DO UPDATE SET feed_token = EXCLUDED.feed_token", 2, p) != 0)
			return -1;
	}
	url = arena_printf(ctx->a, "%s/calendar/%s.ics", base_url(ctx), tok);
	reply_msgf(ctx->reply, renew ? "academic.feed_new" : "academic.feed", reply_esc(ctx->reply, url));
	return 0;
}
