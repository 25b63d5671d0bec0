/* See LICENSE. store.c: the academic schema's SQL. Every statement names the user in its WHERE clause. */
#include <stdlib.h>
#include <string.h>

#include "academic/acad.h"
#include "core/mem.h"
#include "db/db.h"
#include "reminders/queue.h"

int
acad_batch_new(struct db *db, int64_t *batch)
{
	struct db_res *r = db_query(db, "SELECT nextval('academic.batches') AS b", 0, NULL);

	if (r == NULL)
		return -1;
	*batch = db_get_i64(r, 0, "b", 0);
	db_res_free(r);
	return *batch > 0 ? 0 : -1;
}

/* A new subject takes the first palette colour none of the user's subjects has. */
int
acad_subject_get(struct db *db, int64_t user_id, const char *said, int64_t batch, int64_t *id)
{
	char uid[DB_I64_LEN], b[DB_I64_LEN], code[128], name[128];
	const char *p[4];
	struct db_res *r;

	acad_subject_split(said, code, sizeof code, name, sizeof name);
	p[0] = db_i64(uid, user_id);
	p[1] = code;
	p[2] = name[0] != '\0' ? name : NULL;
	p[3] = db_i64(b, batch);
	r = db_query(db, "SELECT id FROM academic.subjects WHERE user_id = $1"
	    " AND (lower(code) = lower($2) OR lower(name) = lower($2)"
	    "  OR lower(code) = lower($3::text) OR lower(name) = lower($3::text))"
	    " ORDER BY lower(code) = lower($2) DESC, id LIMIT 1", 3, p);
	if (r == NULL)
		return -1;
	*id = db_get_i64(r, 0, "id", 0);
	db_res_free(r);
	if (*id > 0) {
		char sid[DB_I64_LEN];
		const char *q[3] = { p[0], db_i64(sid, *id), p[2] };

		/* "CC" known, now said as "Cloud Computing (CC)": remember the full name. */
		if (p[2] != NULL && db_exec(db, "UPDATE academic.subjects SET name = $3 WHERE user_id = $1 AND id = $2"
		    " AND name IS NULL AND lower(code) <> lower($3)", 3, q) != 0)
			return -1;
		return 0;
	}
	r = db_query(db, "INSERT INTO academic.subjects (user_id, code, name, color, batch_id)"
	    " VALUES ($1, $2, $3, (SELECT coalesce(min(g), 0) FROM generate_series(0, 11) g"
	    "   WHERE g NOT IN (SELECT color FROM academic.subjects WHERE user_id = $1)), $4)"
	    " RETURNING id", 4, p);
	if (r == NULL)
		return -1;
	*id = db_get_i64(r, 0, "id", 0);
	db_res_free(r);
	return *id > 0 ? 0 : -1;
}

int
acad_class_insert(struct db *db, int64_t user_id, int64_t subject_id, int weekday, const char *start,
    const char *end, const char *room, const char *kind, int every_weeks, const char *anchor_monday, int64_t batch,
    int64_t *id)
{
	char uid[DB_I64_LEN], sid[DB_I64_LEN], wd[DB_I64_LEN], ev[DB_I64_LEN], b[DB_I64_LEN];
	const char *p[10];
	struct db_res *r;
	int n;

	p[0] = db_i64(uid, user_id);
	p[1] = db_i64(sid, subject_id);
	p[2] = db_i64(wd, weekday);
	p[3] = start;
	p[4] = end;
	p[5] = room != NULL && room[0] != '\0' ? room : NULL;
	p[6] = db_i64(ev, every_weeks);
	p[7] = anchor_monday;
	p[8] = db_i64(b, batch);
	p[9] = kind;
	r = db_query(db, "INSERT INTO academic.classes (user_id, subject_id, weekday, start_time, end_time,"
	    " room, every_weeks, anchor_monday, batch_id, kind)"
	    " VALUES ($1, $2, $3, $4::time, $5::time, $6, $7, $8::date, $9, $10)"
	    " ON CONFLICT (user_id, subject_id, weekday, start_time, end_time, (coalesce(room, '')))"
	    " DO NOTHING RETURNING id", 10, p);
	if (r == NULL)
		return -1;
	n = db_rows(r);
	*id = n > 0 ? db_get_i64(r, 0, "id", 0) : 0;
	db_res_free(r);
	return n > 0 ? 1 : 0;
}

int
acad_class_count(struct db *db, int64_t user_id)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, user_id) };
	struct db_res *r = db_query(db, "SELECT count(*) AS n FROM academic.classes WHERE user_id = $1", 1, p);
	int n;

	if (r == NULL)
		return -1;
	n = (int)db_get_i64(r, 0, "n", -1);
	db_res_free(r);
	return n;
}

int
acad_settings_ensure(struct db *db, int64_t user_id, int *minutes)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, user_id) };
	struct db_res *r;

	if (db_exec(db, "INSERT INTO academic.settings (user_id) VALUES ($1) ON CONFLICT DO NOTHING", 1, p) != 0)
		return -1;
	r = db_query(db, "SELECT CASE WHEN warn_on THEN warn_minutes ELSE 0 END AS m FROM academic.settings"
	    " WHERE user_id = $1", 1, p);
	if (r == NULL)
		return -1;
	*minutes = (int)db_get_i64(r, 0, "m", ACAD_WARN_DEFAULT);
	db_res_free(r);
	return 0;
}

int
acad_warnings_cancel(struct db *db, int64_t user_id)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, user_id) };
	struct db_res *r = db_query(db, "SELECT id FROM academic.classes WHERE user_id = $1", 1, p);
	int i, rc = 0;

	if (r == NULL)
		return -1;
	for (i = 0; i < db_rows(r) && rc == 0; i++)
		rc = reminders_cancel(db, user_id, "class", db_get_i64(r, i, "id", 0));
	db_res_free(r);
	return rc;
}

int
acad_blocks_load(struct db *db, int64_t user_id, struct arena *a, struct acad_block **out, size_t *n)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, user_id) };
	struct db_res *r;
	struct acad_block *b;
	int i, rows;

	r = db_query(db, "SELECT s.code, c.room, c.weekday, c.every_weeks, s.color,"
	    " extract(hour FROM c.start_time) * 60 + extract(minute FROM c.start_time) AS smin,"
	    " extract(hour FROM c.end_time) * 60 + extract(minute FROM c.end_time) AS emin"
	    " FROM academic.classes c JOIN academic.subjects s ON s.id = c.subject_id AND s.user_id = c.user_id"
	    " WHERE c.user_id = $1 ORDER BY c.weekday, c.start_time, s.code", 1, p);
	if (r == NULL)
		return -1;
	rows = db_rows(r);
	b = arena_alloc(a, (size_t)(rows + 1) * sizeof *b);
	for (i = 0; i < rows; i++) {
		b[i].subject = arena_strdup(a, db_get(r, i, "code"));
		b[i].room = arena_strdup(a, db_get(r, i, "room"));
		b[i].weekday = (int)db_get_i64(r, i, "weekday", 1);
		b[i].start = (int)db_get_i64(r, i, "smin", 0);
		b[i].end = (int)db_get_i64(r, i, "emin", 0);
		b[i].color = (int)db_get_i64(r, i, "color", 0);
		b[i].every_weeks = (int)db_get_i64(r, i, "every_weeks", 1);
	}
	db_res_free(r);
	*out = b;
	*n = (size_t)rows;
	return 0;
}

/*
 * Runs "sql", a DELETE of classes with "RETURNING id" and parameters "p"
 * ($1 the user), and cancels each deleted class's pending warnings.
 * Returns the rows deleted, or -1.
 */
static int
delete_classes(struct db *db, int64_t user_id, const char *sql, const char *const *p)
{
	struct db_res *r;
	int i, n;

	if ((r = db_query(db, sql, 2, p)) == NULL)
		return -1;
	n = db_rows(r);
	for (i = 0; i < db_rows(r) && n >= 0; i++)
		if (reminders_cancel(db, user_id, "class", db_get_i64(r, i, "id", 0)) != 0)
			n = -1;
	db_res_free(r);
	return n;
}

int
acad_batch_delete(struct db *db, int64_t user_id, int64_t batch)
{
	char uid[DB_I64_LEN], b[DB_I64_LEN];
	const char *p[2] = { db_i64(uid, user_id), db_i64(b, batch) };
	int n;

	n = delete_classes(db, user_id,
	    "DELETE FROM academic.classes WHERE user_id = $1 AND batch_id = $2 RETURNING id", p);
	/* The subjects this batch created go too, unless something else uses them by now. */
	if (n >= 0 && db_exec(db, "DELETE FROM academic.subjects s WHERE s.user_id = $1 AND s.batch_id = $2"
	    " AND NOT EXISTS (SELECT 1 FROM academic.classes c WHERE c.subject_id = s.id AND c.user_id = $1)",
	    2, p) != 0)
		return -1;
	return n;
}

int
acad_class_delete(struct db *db, int64_t user_id, int64_t id)
{
	char uid[DB_I64_LEN], cid[DB_I64_LEN];
	const char *p[2] = { db_i64(uid, user_id), db_i64(cid, id) };

	return delete_classes(db, user_id,
	    "DELETE FROM academic.classes WHERE user_id = $1 AND id = $2 RETURNING id", p);
}
