/* See LICENSE. store.c: the SQL of tasks.tasks, tasks.settings, tasks.last_list and tasks.undo. */
#include <stdio.h>
#include <string.h>

#include "tasks/internal.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "db/db.h"

/* Every read of a task goes through these columns; leads fall back to the user's defaults. */
#define TASK_COLS \
	"SELECT t.id, t.title, t.subject, extract(epoch FROM t.due_at)::bigint AS due, t.has_time," \
	" coalesce(t.leads, s.leads, '" TASKS_DEFAULT_LEADS "'::integer[]) AS leads," \
	" t.leads IS NOT NULL AS own, t.status" \
	" FROM tasks.tasks t LEFT JOIN tasks.settings s ON s.user_id = t.user_id"

static void
row_task(const struct db_res *r, int i, struct arena *a, struct task *t)
{
	const char *v;
	int n;

	memset(t, 0, sizeof *t);
	t->id = db_get_i64(r, i, "id", 0);
	t->title = arena_strdup(a, db_get(r, i, "title"));
	t->subject = arena_strdup(a, db_get(r, i, "subject"));
	t->due = (time_t)db_get_i64(r, i, "due", 0);
	v = db_get(r, i, "has_time");
	t->has_time = v != NULL && v[0] == 't';
	n = tasks_leads_parse(db_get(r, i, "leads"), t->leads, TASKS_MAX_LEADS);
	t->nleads = n < 0 ? 0 : n;
	v = db_get(r, i, "own");
	t->own_leads = v != NULL && v[0] == 't';
	v = db_get(r, i, "status");
	snprintf(t->status, sizeof t->status, "%s", v ? v : "");
}

static int
rows_tasks(struct db_res *r, struct arena *a, struct task **out, size_t *n)
{
	int i;

	if (r == NULL)
		return -1;
	*n = (size_t)db_rows(r);
	*out = arena_alloc(a, (*n + 1) * sizeof **out);
	for (i = 0; i < db_rows(r); i++)
		row_task(r, i, a, &(*out)[i]);
	db_res_free(r);
	return 0;
}

int
tasks_store_insert(struct db *db, int64_t user_id, const struct task *t, int64_t *id)
{
	char uid[DB_I64_LEN], due[DB_I64_LEN], leads[128];
	const char *p[7];
	struct db_res *r;

	tasks_leads_format(t->leads, t->nleads, leads, sizeof leads);
	p[0] = db_i64(uid, user_id);
	p[1] = t->title;
	p[2] = t->subject;
	p[3] = db_i64(due, (int64_t)t->due);
	p[4] = t->has_time ? "true" : "false";
	p[5] = t->status;
	p[6] = t->own_leads ? leads : NULL;
	r = db_query(db,
	    "INSERT INTO tasks.tasks (user_id, title, subject, due_at, has_time, status, leads)"
	    " VALUES ($1, $2, $3, to_timestamp($4), $5, $6, $7::integer[]) RETURNING id", 7, p);
	if (r == NULL || db_rows(r) != 1) {
		db_res_free(r);
		return -1;
	}
	*id = db_get_i64(r, 0, "id", 0);
	db_res_free(r);
	return 0;
}

int
tasks_store_get(struct db *db, struct arena *a, int64_t user_id, int64_t id, struct task *t)
{
	char uid[DB_I64_LEN], tid[DB_I64_LEN];
	const char *p[2];
	struct db_res *r;
	int rc = 1;

	p[0] = db_i64(uid, user_id);
	p[1] = db_i64(tid, id);
	r = db_query(db, TASK_COLS " WHERE t.user_id = $1 AND t.id = $2", 2, p);
	if (r == NULL)
		return -1;
	if (db_rows(r) == 1) {
		row_task(r, 0, a, t);
		rc = 0;
	}
	db_res_free(r);
	return rc;
}

int
tasks_store_pending(struct db *db, struct arena *a, int64_t user_id, struct task **out, size_t *n)
{
	char uid[DB_I64_LEN];
	const char *p[1];

	p[0] = db_i64(uid, user_id);
	return rows_tasks(db_query(db, TASK_COLS " WHERE t.user_id = $1 AND t.status = 'pending'"
	    " ORDER BY t.due_at, t.id", 1, p), a, out, n);
}

int
tasks_store_due_between(struct db *db, struct arena *a, int64_t user_id, time_t from, time_t to,
    struct task **out, size_t *n)
{
	char uid[DB_I64_LEN], f[DB_I64_LEN], e[DB_I64_LEN];
	const char *p[3];

	p[0] = db_i64(uid, user_id);
	p[1] = db_i64(f, (int64_t)from);
	p[2] = db_i64(e, (int64_t)to);
	return rows_tasks(db_query(db, TASK_COLS " WHERE t.user_id = $1 AND t.status = 'pending'"
	    " AND t.due_at >= to_timestamp($2) AND t.due_at < to_timestamp($3)"
	    " ORDER BY t.due_at, t.id", 3, p), a, out, n);
}

/* Changes one row of the user; 1 when no such row is theirs. */
static int
exec_one(struct db *db, const char *sql, int n, const char *const *p)
{
	long affected = 0;

	if (db_exec_count(db, sql, n, p, &affected) != 0)
		return -1;
	return affected == 1 ? 0 : 1;
}

int
tasks_store_set_status(struct db *db, int64_t user_id, int64_t id, const char *status)
{
	char uid[DB_I64_LEN], tid[DB_I64_LEN];
	const char *p[3];

	p[0] = db_i64(uid, user_id);
	p[1] = db_i64(tid, id);
	p[2] = status;
	return exec_one(db, "UPDATE tasks.tasks SET status = $3, updated_at = now(),"
	    " done_at = CASE WHEN $3 = 'done' THEN now() END"
	    " WHERE user_id = $1 AND id = $2", 3, p);
}

int
tasks_store_set_due(struct db *db, int64_t user_id, int64_t id, time_t due, bool has_time)
{
	char uid[DB_I64_LEN], tid[DB_I64_LEN], d[DB_I64_LEN];
	const char *p[4];

	p[0] = db_i64(uid, user_id);
	p[1] = db_i64(tid, id);
	p[2] = db_i64(d, (int64_t)due);
	p[3] = has_time ? "true" : "false";
	return exec_one(db, "UPDATE tasks.tasks SET due_at = to_timestamp($3), has_time = $4,"
	    " updated_at = now() WHERE user_id = $1 AND id = $2", 4, p);
}

int
tasks_store_set_leads(struct db *db, int64_t user_id, int64_t id, const int *leads, int n, bool own)
{
	char uid[DB_I64_LEN], tid[DB_I64_LEN], l[128];
	const char *p[3];

	tasks_leads_format(leads, n, l, sizeof l);
	p[0] = db_i64(uid, user_id);
	p[1] = db_i64(tid, id);
	p[2] = own ? l : NULL;
	return exec_one(db, "UPDATE tasks.tasks SET leads = $3::integer[], updated_at = now()"
	    " WHERE user_id = $1 AND id = $2", 3, p);
}

int
tasks_store_undo_push(struct db *db, int64_t user_id, int64_t task_id, const char *action, int64_t *undo_id)
{
	char uid[DB_I64_LEN], tid[DB_I64_LEN];
	const char *p[3];
	struct db_res *r;

	p[0] = db_i64(uid, user_id);
	p[1] = db_i64(tid, task_id);
	p[2] = action;
	r = db_query(db,
	    "INSERT INTO tasks.undo (user_id, task_id, action, prev)"
	    " SELECT t.user_id, t.id, $3, CASE WHEN $3 = 'add'"
	    "  THEN to_jsonb(t) || '{\"status\": \"deleted\"}'::jsonb ELSE to_jsonb(t) END"
	    " FROM tasks.tasks t WHERE t.user_id = $1 AND t.id = $2 RETURNING id", 3, p);
	if (r == NULL || db_rows(r) != 1) {
		db_res_free(r);
		return -1;
	}
	*undo_id = db_get_i64(r, 0, "id", 0);
	db_res_free(r);
	return 0;
}

/*
 * Marks the undo record used and puts back what its action changed, from
 * the row saved before it: the status for add/done/delete, the due date for
 * edit, the lead times for remind. Other fields keep later changes.
 */
int
tasks_store_undo_pop(struct db *db, struct arena *a, int64_t user_id, int64_t undo_id, int64_t *task_id,
    const char **action)
{
	char uid[DB_I64_LEN], unid[DB_I64_LEN];
	const char *p[4];
	struct db_res *r;
	int rc;

	p[0] = db_i64(uid, user_id);
	p[1] = db_i64(unid, undo_id);
	r = db_query(db,
	    "UPDATE tasks.undo SET used_at = now()"
	    " WHERE user_id = $1 AND used_at IS NULL AND id = CASE WHEN $2::bigint = 0"
	    "  THEN (SELECT max(id) FROM tasks.undo WHERE user_id = $1) ELSE $2::bigint END"
	    " RETURNING task_id, action, prev::text AS prev", 2, p);
	if (r == NULL)
		return -1;
	if (db_rows(r) != 1) {
		db_res_free(r);
		return 1;
	}
	*task_id = db_get_i64(r, 0, "task_id", 0);
	*action = arena_strdup(a, db_get(r, 0, "action"));
	p[1] = db_i64(unid, *task_id);
	p[2] = *action;
	p[3] = arena_strdup(a, db_get(r, 0, "prev"));
	db_res_free(r);
	rc = exec_one(db,
	    "UPDATE tasks.tasks t SET updated_at = now(),"
	    " status = CASE WHEN $3 IN ('add', 'done', 'delete') THEN p.status ELSE t.status END,"
	    " done_at = CASE WHEN $3 IN ('add', 'done', 'delete') THEN p.done_at ELSE t.done_at END,"
	    " due_at = CASE WHEN $3 = 'edit' THEN p.due_at ELSE t.due_at END,"
	    " has_time = CASE WHEN $3 = 'edit' THEN p.has_time ELSE t.has_time END,"
	    " leads = CASE WHEN $3 = 'remind' THEN p.leads ELSE t.leads END"
	    " FROM jsonb_populate_record(NULL::tasks.tasks, $4::jsonb) p"
	    " WHERE t.user_id = $1 AND t.id = $2", 4, p);
	return rc;
}

int
tasks_store_last_list_save(struct db *db, int64_t user_id, const int64_t *ids, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	char uid[DB_I64_LEN];
	const char *p[2];
	size_t i;
	int rc;

	strbuf_addc(&sb, '{');
	for (i = 0; i < n; i++)
		strbuf_addf(&sb, "%s%lld", i ? "," : "", (long long)ids[i]);
	strbuf_addc(&sb, '}');
	p[0] = db_i64(uid, user_id);
	p[1] = strbuf_str(&sb);
	rc = db_exec(db, "INSERT INTO tasks.last_list (user_id, ids) VALUES ($1, $2::bigint[])"
	    " ON CONFLICT (user_id) DO UPDATE SET ids = EXCLUDED.ids, shown_at = now()", 2, p);
	strbuf_release(&sb);
	return rc;
}

/*
 * Number "n" of the last list the user saw, if that task is still pending;
 * with no list shown yet, the n-th pending task by due date (the order a
 * list would show).
 */
int
tasks_store_last_list_get(struct db *db, int64_t user_id, int n, int64_t *id)
{
	char uid[DB_I64_LEN], num[DB_I64_LEN];
	const char *p[2];
	struct db_res *r;
	int rc = 1;

	p[0] = db_i64(uid, user_id);
	p[1] = db_i64(num, n);
	r = db_query(db,
	    "SELECT t.id FROM tasks.last_list l JOIN tasks.tasks t"
	    "  ON t.id = l.ids[$2::int] AND t.user_id = l.user_id AND t.status = 'pending'"
	    " WHERE l.user_id = $1"
	    " UNION ALL"
	    " SELECT id FROM (SELECT id FROM tasks.tasks WHERE user_id = $1 AND status = 'pending'"
	    "  ORDER BY due_at, id OFFSET $2::int - 1 LIMIT 1) nth"
	    " WHERE NOT EXISTS (SELECT 1 FROM tasks.last_list WHERE user_id = $1)", 2, p);
	if (r == NULL)
		return -1;
	if (db_rows(r) >= 1) {
		*id = db_get_i64(r, 0, "id", 0);
		rc = 0;
	}
	db_res_free(r);
	return rc;
}

int
tasks_store_default_leads(struct db *db, int64_t user_id, int *leads, int *n)
{
	char uid[DB_I64_LEN];
	const char *p[1];
	struct db_res *r;
	int k;

	p[0] = db_i64(uid, user_id);
	r = db_query(db, "SELECT leads FROM tasks.settings WHERE user_id = $1", 1, p);
	if (r == NULL)
		return -1;
	k = tasks_leads_parse(db_rows(r) == 1 ? db_get(r, 0, "leads") : TASKS_DEFAULT_LEADS,
	    leads, TASKS_MAX_LEADS);
	db_res_free(r);
	*n = k < 0 ? 0 : k;
	return 0;
}

int
tasks_store_set_default_leads(struct db *db, int64_t user_id, const int *leads, int n)
{
	char uid[DB_I64_LEN], l[128];
	const char *p[2];

	tasks_leads_format(leads, n, l, sizeof l);
	p[0] = db_i64(uid, user_id);
	p[1] = l;
	return db_exec(db, "INSERT INTO tasks.settings (user_id, leads) VALUES ($1, $2::integer[])"
	    " ON CONFLICT (user_id) DO UPDATE SET leads = EXCLUDED.leads", 2, p);
}

/* The one task the user just pointed at ("Change date" pressed less than 30 minutes ago); 1 if none. */
int
tasks_store_current(struct db *db, int64_t user_id, int64_t *id)
{
	char uid[DB_I64_LEN];
	const char *p[1];
	struct db_res *r;
	int rc = 1;

	p[0] = db_i64(uid, user_id);
	r = db_query(db,
	    "SELECT t.id FROM tasks.last_list l JOIN tasks.tasks t"
	    "  ON t.id = l.ids[1] AND t.user_id = l.user_id AND t.status = 'pending'"
	    " WHERE l.user_id = $1 AND cardinality(l.ids) = 1 AND l.shown_at > now() - interval '30 minutes'", 1, p);
	if (r == NULL)
		return -1;
	if (db_rows(r) == 1) {
		*id = db_get_i64(r, 0, "id", 0);
		rc = 0;
	}
	db_res_free(r);
	return rc;
}

/*
 * Forgets what can no longer matter: tasks deleted a month ago (their undo
 * is long gone), drafts never answered for a day, undo records a month old.
 * Runs on the user's own rows when they add a task, so no job is needed.
 */
int
tasks_store_prune(struct db *db, int64_t user_id)
{
	char uid[DB_I64_LEN];
	const char *p[1];

	p[0] = db_i64(uid, user_id);
	if (db_exec(db, "DELETE FROM tasks.undo WHERE user_id = $1 AND created_at < now() - interval '30 days'",
	    1, p) != 0)
		return -1;
	return db_exec(db, "DELETE FROM tasks.tasks WHERE user_id = $1 AND"
	    " ((status = 'deleted' AND updated_at < now() - interval '30 days')"
	    " OR (status = 'draft' AND created_at < now() - interval '1 day'))", 1, p);
}
