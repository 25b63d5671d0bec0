/* See LICENSE. snooze.c: the snooze buttons under every reminder ("r:snooze:<queue id>:<minutes>"). */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reminders/reminders.h"
#include "bot/reply.h"
#include "db/db.h"

/* Parses "<id>:<minutes>" strictly; only the three offered choices are accepted. */
static int
parse_snooze(const char *s, int64_t *id, int *minutes)
{
	char *end;
	long long v;
	long m;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != ':' || v <= 0)
		return -1;
	s = end + 1;
	m = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0')
		return -1;
	if (m != 15 && m != 60 && m != REMINDERS_SNOOZE_TOMORROW)
		return -1;
	*id = v;
	*minutes = (int)m;
	return 0;
}

/*
 * One new pending row for this occurrence only: the original (a class's
 * weekly warning, a task's lead time) is left as it was, so the next
 * occurrence comes at its usual time. "Tomorrow" is the same wall-clock
 * time a day later in the user's zone. The new row keeps the original's
 * grace before it counts as missed (at least an hour: the user asked for it).
 */
static const char snooze_sql[] =
    "WITH src AS ("
    " SELECT q.user_id, q.kind, q.ref_id, q.text_html, x.due,"
    "  x.due + GREATEST(q.expires_at - q.due_at, interval '1 hour') AS expires"
    " FROM reminders.queue q, LATERAL (SELECT CASE WHEN $3::int = $6::int"
    "   THEN ((date_trunc('minute', to_timestamp($4::float8)) AT TIME ZONE $5) + interval '1 day') AT TIME ZONE $5"
    "   ELSE date_trunc('minute', to_timestamp($4::float8)) + make_interval(mins => $3::int)"
    "  END AS due) x"
    " WHERE q.id = $1 AND q.user_id = $2),"
    " ins AS (INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html)"
    "  SELECT user_id, kind, ref_id, due, expires, text_html FROM src"
    "  ON CONFLICT (kind, ref_id, due_at) DO NOTHING)"
    " SELECT to_char(due AT TIME ZONE $5, 'DD/MM HH24:MI') AS local FROM src";

int
reminders_button(struct bot_ctx *c, const char *data)
{
	char id_s[DB_I64_LEN], uid[DB_I64_LEN], min_s[DB_I64_LEN], now_s[DB_I64_LEN], tmr[DB_I64_LEN];
	const char *p[6];
	struct db_res *r;
	int64_t id;
	int minutes;

	if (strncmp(data, REMINDERS_SNOOZE_PREFIX, strlen(REMINDERS_SNOOZE_PREFIX)) != 0 ||
	    parse_snooze(data + strlen(REMINDERS_SNOOZE_PREFIX), &id, &minutes) != 0) {
		reply_callback_answer(c->reply, c->u->callback_id, reply_fmt(c->reply, "reminders.stale"));
		return 0;
	}
	p[0] = db_i64(id_s, id);
	p[1] = db_i64(uid, c->user.id);
	p[2] = db_i64(min_s, minutes);
	p[3] = db_i64(now_s, (int64_t)c->now);
	p[4] = c->user.tz;
	p[5] = db_i64(tmr, REMINDERS_SNOOZE_TOMORROW);
	if ((r = db_query(c->db, snooze_sql, 6, p)) == NULL)
		return -1;
	/* No row: another user's id (forged or forwarded): refused politely, nothing changed. */
	if (db_rows(r) != 1)
		reply_callback_answer(c->reply, c->u->callback_id, reply_fmt(c->reply, "reminders.not_yours"));
	else
		reply_callback_answer(c->reply, c->u->callback_id,
		    reply_fmt(c->reply, "reminders.snoozed", db_get(r, 0, "local")));
	db_res_free(r);
	return 0;
}
