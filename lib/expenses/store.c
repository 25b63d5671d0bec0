/* See LICENSE. store.c: expenses.expenses and expenses.occurrences(), always for one user. */
#include <stdio.h>
#include <string.h>

#include "expenses/internal.h"
#include "expenses/money.h"
#include "core/mem.h"
#include "db/db.h"

int64_t
exp_insert(struct db *db, int64_t user, const struct exp_row *r)
{
	char u[DB_I64_LEN], amount[MONEY_SQL_LEN];
	const char *p[7] = { db_i64(u, user), money_sql(amount, r->cents), r->currency, r->concept,
	    r->category, r->day, r->every[0] ? r->every : NULL };
	struct db_res *res;
	int64_t id;

	res = db_query(db, "INSERT INTO expenses.expenses (user_id, amount, currency, concept, category, "
	    "spent_on, every) VALUES ($1, $2::numeric, $3, $4, $5, $6::date, $7) RETURNING id", 7, p);
	if (res == NULL)
		return -1;
	id = db_get_i64(res, 0, "id", -1);
	db_res_free(res);
	return id;
}

static void
row_from(const struct db_res *res, int i, struct arena *a, struct exp_row *r)
{
	const char *v;

	memset(r, 0, sizeof *r);
	r->id = db_get_i64(res, i, "id", 0);
	if (money_parse(db_get(res, i, "amount"), &r->cents) != 0)
		r->cents = 0;
	snprintf(r->currency, sizeof r->currency, "%s", (v = db_get(res, i, "currency")) ? v : "");
	r->concept = arena_strdup(a, (v = db_get(res, i, "concept")) ? v : "");
	snprintf(r->category, sizeof r->category, "%s", (v = db_get(res, i, "category")) ? v : "other");
	snprintf(r->day, sizeof r->day, "%s", (v = db_get(res, i, "spent_on")) ? v : "");
	snprintf(r->every, sizeof r->every, "%s", (v = db_get(res, i, "every")) ? v : "");
	snprintf(r->until, sizeof r->until, "%s", (v = db_get(res, i, "until_on")) ? v : "");
}

#define ROW_COLS "id, amount::text AS amount, currency, concept, category, spent_on::text AS spent_on, " \
	"every, until_on::text AS until_on"

int
exp_get(struct db *db, int64_t user, int64_t id, struct arena *a, struct exp_row *r)
{
	char u[DB_I64_LEN], i[DB_I64_LEN];
	const char *p[2] = { db_i64(u, user), db_i64(i, id) };
	struct db_res *res;
	int n;

	res = db_query(db, "SELECT " ROW_COLS " FROM expenses.expenses WHERE user_id = $1 AND id = $2", 2, p);
	if (res == NULL)
		return -1;
	if ((n = db_rows(res)) > 0)
		row_from(res, 0, a, r);
	db_res_free(res);
	return n > 0;
}

/* Runs a one-row change "sql" ($1 user, $2 id, $3 optional); 1 if a row of that user changed. */
static int
change(struct db *db, const char *sql, int64_t user, int64_t id, const char *arg)
{
	char u[DB_I64_LEN], i[DB_I64_LEN];
	const char *p[3] = { db_i64(u, user), db_i64(i, id), arg };
	long n = 0;

	if (db_exec_count(db, sql, arg ? 3 : 2, p, &n) != 0)
		return -1;
	return n > 0;
}

int
exp_remove(struct db *db, int64_t user, int64_t id)
{
	return change(db, "DELETE FROM expenses.expenses WHERE user_id = $1 AND id = $2", user, id, NULL);
}

int
exp_set_category(struct db *db, int64_t user, int64_t id, const char *cat)
{
	return change(db, "UPDATE expenses.expenses SET category = $3 WHERE user_id = $1 AND id = $2",
	    user, id, cat);
}

int
exp_set_once(struct db *db, int64_t user, int64_t id)
{
	return change(db, "UPDATE expenses.expenses SET every = NULL, until_on = NULL "
	    "WHERE user_id = $1 AND id = $2", user, id, NULL);
}

int
exp_stop(struct db *db, int64_t user, int64_t id, day_t last)
{
	char d[DAY_LEN];

	/* A series that had not begun yet ends the day before its start: no occurrence counts. */
	return change(db, "UPDATE expenses.expenses SET until_on = greatest($3::date, spent_on - 1) "
	    "WHERE user_id = $1 AND id = $2 AND every IS NOT NULL AND until_on IS NULL",
	    user, id, day_str(d, last));
}

static const char *const sums_sql[] = {
	/* The currency used most often first: sums of different currencies do not compare. */
	[EXP_BY_CURRENCY] = "SELECT currency, '' AS key, (sum(amount) * 100)::bigint AS total_cents, count(*) AS n "
	    "FROM expenses.occurrences($1, $2::date, $3::date) GROUP BY 1, 2 ORDER BY count(*) DESC, 1",
	[EXP_BY_CATEGORY] = "SELECT currency, category AS key, (sum(amount) * 100)::bigint AS total_cents, count(*) AS n "
	    "FROM expenses.occurrences($1, $2::date, $3::date) GROUP BY 1, 2 ORDER BY 1, sum(amount) DESC, 2",
	[EXP_BY_CONCEPT] = "SELECT currency, min(concept) AS key, (sum(amount) * 100)::bigint AS total_cents, count(*) AS n "
	    "FROM expenses.occurrences($1, $2::date, $3::date) GROUP BY 1, lower(concept) "
	    "ORDER BY 1, sum(amount) DESC, 2",
	[EXP_BY_DAY] = "SELECT currency, day::text AS key, (sum(amount) * 100)::bigint AS total_cents, count(*) AS n "
	    "FROM expenses.occurrences($1, $2::date, $3::date) GROUP BY 1, 2 ORDER BY 1, 2",
	[EXP_BY_MONTH] = "SELECT currency, to_char(day, 'YYYY-MM') AS key, (sum(amount) * 100)::bigint AS total_cents, "
	    "count(*) AS n FROM expenses.occurrences($1, $2::date, $3::date) GROUP BY 1, 2 ORDER BY 1, 2",
};

int
exp_sums(struct db *db, int64_t user, day_t from, day_t to, enum exp_group g, struct arena *a,
    struct exp_sum **out)
{
	char u[DB_I64_LEN], f[DAY_LEN], t[DAY_LEN];
	const char *p[3] = { db_i64(u, user), day_str(f, from), day_str(t, to) };
	struct db_res *res;
	struct exp_sum *s;
	int i, n;

	if ((res = db_query(db, sums_sql[g], 3, p)) == NULL)
		return -1;
	n = db_rows(res);
	*out = s = arena_alloc(a, sizeof *s * (size_t)(n > 0 ? n : 1));
	for (i = 0; i < n; i++) {
		snprintf(s[i].currency, sizeof s[i].currency, "%s", db_get(res, i, "currency"));
		s[i].key = arena_strdup(a, db_get(res, i, "key") ? db_get(res, i, "key") : "");
		/* Summed in numeric, exact, then whole cents: a sum may pass the per-row limit. */
		s[i].cents = db_get_i64(res, i, "total_cents", 0);
		s[i].count = (long)db_get_i64(res, i, "n", 0);
	}
	db_res_free(res);
	return n;
}

static const char *const rows_sql[] = {
	[EXP_ALL] = "SELECT " ROW_COLS " FROM expenses.expenses WHERE user_id = $1 "
	    "ORDER BY spent_on, id LIMIT $2",
	[EXP_RECENT] = "SELECT " ROW_COLS " FROM expenses.expenses WHERE user_id = $1 "
	    "ORDER BY id DESC LIMIT $2",
	/* Rows with an occurrence in [$3, $4): what a list of a period shows. */
	[EXP_IN_RANGE] = "SELECT " ROW_COLS " FROM expenses.expenses WHERE user_id = $1 AND id IN "
	    "(SELECT o.id FROM expenses.occurrences($1, $3::date, $4::date) o) "
	    "ORDER BY spent_on DESC, id DESC LIMIT $2",
	/* Repeating rows still running whose concept contains $3, accents and case aside ("" matches all). */
	[EXP_REPEATING_LIKE] = "SELECT " ROW_COLS " FROM expenses.expenses WHERE user_id = $1 "
	    "AND every IS NOT NULL AND until_on IS NULL AND translate(lower(concept), 'áéíóúüñ', 'aeiouun') "
	    "LIKE '%' || translate(lower($3), 'áéíóúüñ%_', 'aeiouun') || '%' ORDER BY id DESC LIMIT $2",
};

int
exp_rows(struct db *db, int64_t user, enum exp_pick pick, const char *a1, const char *a2, int limit,
    struct arena *a, struct exp_row **out)
{
	char u[DB_I64_LEN], l[DB_I64_LEN];
	const char *p[4] = { db_i64(u, user), db_i64(l, limit), a1, a2 };
	int np = pick == EXP_IN_RANGE ? 4 : pick == EXP_REPEATING_LIKE ? 3 : 2;
	struct db_res *res;
	int i, n;

	if ((res = db_query(db, rows_sql[pick], np, p)) == NULL)
		return -1;
	n = db_rows(res);
	*out = arena_alloc(a, sizeof **out * (size_t)(n > 0 ? n : 1));
	for (i = 0; i < n; i++)
		row_from(res, i, a, &(*out)[i]);
	db_res_free(res);
	return n;
}
