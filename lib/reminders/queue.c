/* See LICENSE. queue.c: scheduling into and cancelling from reminders.queue. */
#include <inttypes.h>
#include <stddef.h>

#include "reminders/queue.h"
#include "db/db.h"

/*
 * The one statement that schedules, for one reminder or thousands: the
 * columns arrive as arrays (a fixed statement, six parameters whatever the
 * count). DISTINCT ON keeps the last of a key given twice, which is what
 * one INSERT after another left, and which a single INSERT ... ON CONFLICT
 * could not do (it refuses to update one row twice). A reminder already
 * sent or missed stays as it is, so scheduling is idempotent; one whose
 * text and expiry are unchanged is not rewritten, so a producer that runs
 * every minute leaves no dead rows behind.
 */
static const char schedule_sql[] =
    "INSERT INTO reminders.queue (user_id, kind, ref_id, due_at, expires_at, text_html)"
    " SELECT DISTINCT ON (b.kind, b.ref_id, b.due)"
    "   b.user_id, b.kind, b.ref_id, to_timestamp(b.due), to_timestamp(b.exp), b.text"
    " FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[])"
    "   WITH ORDINALITY AS b(user_id, kind, ref_id, due, exp, text, i)"
    " ORDER BY b.kind, b.ref_id, b.due, b.i DESC"
    " ON CONFLICT (kind, ref_id, due_at) DO UPDATE"
    " SET expires_at = EXCLUDED.expires_at, text_html = EXCLUDED.text_html"
    " WHERE reminders.queue.status = 'pending'"
    "   AND (reminders.queue.expires_at, reminders.queue.text_html)"
    "     IS DISTINCT FROM (EXCLUDED.expires_at, EXCLUDED.text_html)";

static void
elem_sep(struct strbuf *arr)
{
	strbuf_addc(arr, arr->len == 0 ? '{' : ',');
}

static void
elem_i64(struct strbuf *arr, int64_t v)
{
	elem_sep(arr);
	strbuf_addf(arr, "%" PRId64, v);
}

/* Quoted, with " and \ escaped by a backslash (PostgreSQL "Array Value Input"); NULL is SQL NULL. */
static void
elem_text(struct strbuf *arr, const char *s)
{
	elem_sep(arr);
	if (s == NULL) {
		strbuf_adds(arr, "NULL");
		return;
	}
	strbuf_addc(arr, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			strbuf_addc(arr, '\\');
		strbuf_addc(arr, *s);
	}
	strbuf_addc(arr, '"');
}

/* The batch's six array literals, in the order of schedule_sql's parameters. */
#define BATCH_COLS 6
static void
batch_columns(struct reminder_batch *b, struct strbuf *col[BATCH_COLS])
{
	col[0] = &b->user;
	col[1] = &b->kind;
	col[2] = &b->ref;
	col[3] = &b->due;
	col[4] = &b->exp;
	col[5] = &b->text;
}

static void
batch_reset(struct reminder_batch *b)
{
	struct strbuf *col[BATCH_COLS];
	int i;

	batch_columns(b, col);
	for (i = 0; i < BATCH_COLS; i++)
		strbuf_reset(col[i]);
	b->n = 0;
}

int
reminders_batch_flush(struct db *db, struct reminder_batch *b)
{
	struct strbuf *col[BATCH_COLS];
	const char *p[BATCH_COLS];
	int i, rc;

	if (b->n == 0)
		return 0;
	batch_columns(b, col);
	for (i = 0; i < BATCH_COLS; i++) {
		strbuf_addc(col[i], '}');
		p[i] = strbuf_str(col[i]);
	}
	rc = db_exec(db, schedule_sql, BATCH_COLS, p);
	batch_reset(b);
	return rc;
}

int
reminders_batch_add(struct db *db, struct reminder_batch *b, const struct reminder_spec *r)
{
	elem_i64(&b->user, r->user_id);
	elem_text(&b->kind, r->kind);
	elem_i64(&b->ref, r->ref_id);
	elem_i64(&b->due, (int64_t)r->due_at);
	elem_i64(&b->exp, (int64_t)r->expires_at);
	elem_text(&b->text, r->text_html);
	if (++b->n < REMINDERS_BATCH_ROWS)
		return 0;
	return reminders_batch_flush(db, b);
}

void
reminders_batch_release(struct reminder_batch *b)
{
	struct strbuf *col[BATCH_COLS];
	int i;

	batch_columns(b, col);
	for (i = 0; i < BATCH_COLS; i++)
		strbuf_release(col[i]);
	b->n = 0;
}

int
reminders_schedule(struct db *db, const struct reminder_spec *r)
{
	struct reminder_batch b = REMINDER_BATCH_INIT;
	int rc;

	rc = reminders_batch_add(db, &b, r);
	if (rc == 0)
		rc = reminders_batch_flush(db, &b);
	reminders_batch_release(&b);
	return rc;
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

int
reminders_retext(struct db *db, int64_t user_id, const char *kind, int64_t ref_id, const char *text_html)
{
	char uid[DB_I64_LEN], ref[DB_I64_LEN];
	const char *p[4] = { db_i64(uid, user_id), kind, db_i64(ref, ref_id), text_html };

	return db_exec(db,
	    "UPDATE reminders.queue SET text_html = $4"
	    " WHERE user_id = $1 AND kind = $2 AND ref_id = $3 AND status = 'pending'", 4, p);
}
