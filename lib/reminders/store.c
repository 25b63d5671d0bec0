/* See LICENSE. store.c: claiming, marking and pausing in reminders.queue for the reminder run. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "reminders/store.h"
#include "core/mem.h"
#include "db/db.h"

const char *
store_ts(char buf[STORE_TS_LEN], double t)
{
	snprintf(buf, STORE_TS_LEN, "%.6f", t);
	return buf;
}

/*
 * The run is a system job, so unlike handlers these statements span users;
 * every statement on one row still names the row's user_id as well.
 * Expired and inactive rows are settled in the claim itself, so a row is
 * never sent after its class began, nor to a chat that blocked the bot.
 */
static const char claim_sql[] =
    "WITH due AS ("
    " SELECT q.id FROM reminders.queue q"
    " WHERE q.status = 'pending' AND q.due_at <= to_timestamp($1::float8)"
    "  AND (q.claimed_until IS NULL OR q.claimed_until <= to_timestamp($1::float8))"
    " ORDER BY q.due_at, q.id LIMIT $3::int"
    " FOR UPDATE OF q SKIP LOCKED)"
    " UPDATE reminders.queue q SET"
    " status = CASE WHEN q.expires_at <= to_timestamp($1::float8) THEN 'missed'"
    "  WHEN NOT u.active THEN 'cancelled' ELSE 'pending' END,"
    " claimed_until = CASE WHEN q.expires_at <= to_timestamp($1::float8) OR NOT u.active"
    "  THEN NULL ELSE to_timestamp($2::float8) END"
    " FROM due, core.users u"
    " WHERE q.id = due.id AND u.user_id = q.user_id"
    " RETURNING q.id, q.user_id, u.chat_id, u.lang, q.kind, q.text_html, q.status,"
    "  extract(epoch FROM q.due_at) AS due, extract(epoch FROM q.expires_at) AS expires";

int
store_claim(struct db *db, struct arena *a, double now, double lease_until, size_t limit,
    struct due_row **out)
{
	char t1[STORE_TS_LEN], t2[STORE_TS_LEN], lim[DB_I64_LEN];
	const char *p[3];
	struct db_res *r;
	struct due_row *rows;
	int i, n;

	p[0] = store_ts(t1, now);
	p[1] = store_ts(t2, lease_until);
	p[2] = db_i64(lim, (int64_t)limit);
	if ((r = db_query(db, claim_sql, 3, p)) == NULL)
		return -1;
	n = db_rows(r);
	rows = arena_alloc(a, (n ? (size_t)n : 1) * sizeof *rows);
	for (i = 0; i < n; i++) {
		rows[i].id = db_get_i64(r, i, "id", 0);
		rows[i].user_id = db_get_i64(r, i, "user_id", 0);
		rows[i].chat_id = db_get_i64(r, i, "chat_id", 0);
		rows[i].lang = arena_strdup(a, db_get(r, i, "lang"));
		rows[i].kind = arena_strdup(a, db_get(r, i, "kind"));
		rows[i].text = arena_strdup(a, db_get(r, i, "text_html"));
		rows[i].status = arena_strdup(a, db_get(r, i, "status"));
		rows[i].due_at = strtod(db_get(r, i, "due"), NULL);
		rows[i].expires_at = strtod(db_get(r, i, "expires"), NULL);
	}
	db_res_free(r);
	*out = rows;
	return n;
}

int
store_mark_sent(struct db *db, const struct due_row *row, double at)
{
	char id[DB_I64_LEN], uid[DB_I64_LEN], t[STORE_TS_LEN];
	const char *p[3];

	p[0] = db_i64(id, row->id);
	p[1] = db_i64(uid, row->user_id);
	p[2] = store_ts(t, at);
	return db_exec(db,
	    "UPDATE reminders.queue SET status = 'sent', sent_at = to_timestamp($3::float8),"
	    " attempts = attempts + 1, claimed_until = NULL, last_error = NULL"
	    " WHERE id = $1 AND user_id = $2", 3, p);
}

int
store_mark_final(struct db *db, const struct due_row *row, const char *status, const char *why)
{
	char id[DB_I64_LEN], uid[DB_I64_LEN];
	const char *p[4];

	p[0] = db_i64(id, row->id);
	p[1] = db_i64(uid, row->user_id);
	p[2] = status;
	p[3] = why;
	return db_exec(db,
	    "UPDATE reminders.queue SET status = $3, claimed_until = NULL, last_error = $4,"
	    " attempts = attempts + CASE WHEN $3 = 'failed' THEN 1 ELSE 0 END"
	    " WHERE id = $1 AND user_id = $2 AND status = 'pending'", 4, p);
}

int
store_defer(struct db *db, const struct due_row *row, double not_before, const char *why)
{
	char id[DB_I64_LEN], uid[DB_I64_LEN], t[STORE_TS_LEN];
	const char *p[4];

	p[0] = db_i64(id, row->id);
	p[1] = db_i64(uid, row->user_id);
	p[2] = not_before > 0 ? store_ts(t, not_before) : NULL;
	p[3] = why;
	return db_exec(db,
	    "UPDATE reminders.queue SET attempts = attempts + 1, last_error = $4,"
	    " claimed_until = to_timestamp($3::float8)"
	    " WHERE id = $1 AND user_id = $2 AND status = 'pending'", 4, p);
}

int
store_release(struct db *db, const struct due_row *row)
{
	char id[DB_I64_LEN], uid[DB_I64_LEN];
	const char *p[2];

	p[0] = db_i64(id, row->id);
	p[1] = db_i64(uid, row->user_id);
	return db_exec(db,
	    "UPDATE reminders.queue SET claimed_until = NULL"
	    " WHERE id = $1 AND user_id = $2 AND status = 'pending'", 2, p);
}

static int
block_tx(struct db *db, void *arg)
{
	const char *p[1];

	p[0] = arg;
	/* core.users.active is the dispatcher's flag: the next message from the user turns it back on. */
	if (db_exec(db, "UPDATE core.users SET active = false, updated_at = now() WHERE user_id = $1",
	    1, p) != 0)
		return -1;
	return db_exec(db,
	    "UPDATE reminders.queue SET status = 'cancelled', claimed_until = NULL,"
	    " last_error = 'blocked by the user'"
	    " WHERE user_id = $1 AND status = 'pending'", 1, p);
}

int
store_block_user(struct db *db, int64_t user_id)
{
	char uid[DB_I64_LEN];

	return db_tx(db, block_tx, (void *)db_i64(uid, user_id));
}

int
store_pause_get(struct db *db, double *not_before)
{
	struct db_res *r;
	const char *v;

	*not_before = 0;
	r = db_query(db, "SELECT extract(epoch FROM not_before) AS nb FROM reminders.pause"
	    " WHERE scope = 'bot'", 0, NULL);
	if (r == NULL)
		return -1;
	if (db_rows(r) == 1 && (v = db_get(r, 0, "nb")) != NULL)
		*not_before = strtod(v, NULL);
	db_res_free(r);
	return 0;
}

int
store_pause_set(struct db *db, double not_before)
{
	char t[STORE_TS_LEN];
	const char *p[1];

	p[0] = store_ts(t, not_before);
	return db_exec(db,
	    "INSERT INTO reminders.pause (scope, not_before) VALUES ('bot', to_timestamp($1::float8))"
	    " ON CONFLICT (scope) DO UPDATE SET not_before = EXCLUDED.not_before, set_at = now()", 1, p);
}
