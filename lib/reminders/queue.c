/* See LICENSE. queue.c: scheduling into and cancelling from reminders.queue. */
#include <stddef.h>

#include "reminders/queue.h"
#include "db/db.h"

int
reminders_schedule(struct db *db, const struct reminder_spec *r)
{
	char uid[DB_I64_LEN], ref[DB_I64_LEN], due[DB_I64_LEN], exp[DB_I64_LEN];
	const char *p[6];

	p[0] = db_i64(uid, r->user_id);
	p[1] = r->kind;
	p[2] = db_i64(ref, r->ref_id);
	p[3] = db_i64(due, (int64_t)r->due_at);
	p[4] = db_i64(exp, (int64_t)r->expires_at);
	p[5] = r->text_html;
	/* A reminder already sent or missed stays as it is: scheduling is idempotent. */
	return db_exec(db,
	    "INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html)"
	    " VALUES ($1, $2, $3, to_timestamp($4), to_timestamp($5), $6)"
	    " ON CONFLICT (kind, ref_id, due_at) DO UPDATE"
	    " SET expires_at = EXCLUDED.expires_at, text_html = EXCLUDED.text_html"
	    " WHERE reminders.queue.status = 'pending'", 6, p);
}

int
reminders_cancel(struct db *db, int64_t user_id, const char *kind, int64_t ref_id)
{
	char uid[DB_I64_LEN], ref[DB_I64_LEN];
	const char *p[3];

	p[0] = db_i64(uid, user_id);
	p[1] = kind;
	p[2] = db_i64(ref, ref_id);
	return db_exec(db,
	    "DELETE FROM reminders.queue"
	    " WHERE user_id = $1 AND kind = $2 AND ref_id = $3 AND status = 'pending'", 3, p);
}
