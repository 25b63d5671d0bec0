/* See LICENSE. privacy.c: export and deletion of everything of a user's, found through the catalog. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "privacy/privacy.h"
#include "core/log.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "json/json.h"

/*
 * Every column of every base table that has a user_id column, outside
 * PostgreSQL's own schemas, in a stable order. Names come back quoted by
 * quote_ident, so the statements built from them hold no text of anyone's.
 * A module added later is exported and swept without a change here.
 */
static const char catalog_sql[] =
    "SELECT c.table_schema || '.' || c.table_name AS name,"
    "       quote_ident(c.table_schema) || '.' || quote_ident(c.table_name) AS qtable,"
    "       c.column_name AS col, quote_ident(c.column_name) AS qcol, c.data_type AS type"
    "  FROM information_schema.columns c"
    "  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
    " WHERE t.table_type = 'BASE TABLE'"
    "   AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg\\_%'"
    "   AND EXISTS (SELECT 1 FROM information_schema.columns u"
    "                WHERE u.table_schema = c.table_schema AND u.table_name = c.table_name"
    "                  AND u.column_name = 'user_id')"
    " ORDER BY c.table_schema <> 'core', c.table_schema, c.table_name, c.ordinal_position";

enum col_kind { COL_TEXT, COL_INT, COL_BOOL };

static enum col_kind
col_kind(const char *type)
{
	if (type == NULL)
		return COL_TEXT;
	if (strcmp(type, "smallint") == 0 || strcmp(type, "integer") == 0 || strcmp(type, "bigint") == 0)
		return COL_INT;
	if (strcmp(type, "boolean") == 0)
		return COL_BOOL;
	return COL_TEXT;	/* numeric stays a string ("5.00"), as money is everywhere else */
}

static void
gen_value(struct json_gen *g, enum col_kind k, const char *v)
{
	char *end;
	long long n;

	if (v == NULL) {
		json_gen_null(g);
		return;
	}
	if (k == COL_BOOL) {
		json_gen_bool(g, strcmp(v, "true") == 0 || strcmp(v, "t") == 0);	/* bool::text is "true" */
		return;
	}
	if (k == COL_INT) {
		errno = 0;
		n = strtoll(v, &end, 10);
		if (errno == 0 && *end == '\0') {
			json_gen_i64(g, (int64_t)n);
			return;
		}
	}
	json_gen_str(g, v);
}

/*
 * The rows of "user_id" in the table of catalog rows [first, last) of "cat":
 * one object each, into "g". Returns the number of rows, or -1.
 */
static long
export_table(struct db *db, const struct db_res *cat, int first, int last, const char *uid,
    struct json_gen *g)
{
	struct strbuf sql = STRBUF_INIT;
	struct db_res *res = NULL;
	const char *p[1] = { uid };
	char alias[16];
	long rows = -1;
	int i, r;

	strbuf_adds(&sql, "SELECT ");
	for (i = first; i < last; i++)
		strbuf_addf(&sql, "%s%s::text AS c%d", i > first ? ", " : "", db_get(cat, i, "qcol"), i - first);
	strbuf_addf(&sql, " FROM %s WHERE user_id = $1", db_get(cat, first, "qtable"));
	if ((res = db_query(db, sql.buf, 1, p)) == NULL)
		goto out;
	json_gen_str(g, db_get(cat, first, "name"));
	json_gen_arr_open(g);
	for (r = 0; r < db_rows(res); r++) {
		json_gen_obj_open(g);
		for (i = first; i < last; i++) {
			snprintf(alias, sizeof alias, "c%d", i - first);
			json_gen_str(g, db_get(cat, i, "col"));
			gen_value(g, col_kind(db_get(cat, i, "type")), db_get(res, r, alias));
		}
		json_gen_obj_close(g);
	}
	json_gen_arr_close(g);
	rows = db_rows(res);
out:
	db_res_free(res);
	strbuf_release(&sql);
	return rows;
}

long
privacy_export_json(struct db *db, int64_t user_id, time_t now, struct strbuf *out)
{
	char uid[DB_I64_LEN], when[32];
	struct json_gen *g = json_gen_new();
	struct db_res *cat;
	const char *text;
	struct tm tm;
	long total = -1, n;
	size_t len;
	int first, last, rows;

	db_i64(uid, user_id);
	if ((cat = db_query(db, catalog_sql, 0, NULL)) == NULL)
		goto out;
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_gen_obj_open(g);
	json_gen_kv_str(g, "format", "mystudentbot-export");
	json_gen_kv_i64(g, "version", 1);
	json_gen_kv_i64(g, "user_id", user_id);
	json_gen_kv_str(g, "exported_at", when);
	json_gen_str(g, "tables");
	json_gen_obj_open(g);
	total = 0;
	rows = db_rows(cat);
	for (first = 0; first < rows; first = last) {
		for (last = first + 1; last < rows &&
		    strcmp(db_get(cat, last, "qtable"), db_get(cat, first, "qtable")) == 0; last++)
			;
		if ((n = export_table(db, cat, first, last, uid, g)) < 0) {
			total = -1;
			goto out;
		}
		total += n;
	}
	json_gen_obj_close(g);
	json_gen_obj_close(g);
	if ((text = json_gen_text(g, &len)) == NULL) {
		total = -1;
		goto out;
	}
	strbuf_add(out, text, len);
out:
	db_res_free(cat);
	json_gen_free(g);
	return total;
}

long
privacy_delete_user(struct db *db, int64_t user_id)
{
	static const char tables_sql[] =
	    "SELECT DISTINCT quote_ident(c.table_schema) || '.' || quote_ident(c.table_name) AS qtable"
	    "  FROM information_schema.columns c"
	    "  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
	    " WHERE t.table_type = 'BASE TABLE' AND c.column_name = 'user_id'"
	    "   AND c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg\\_%'"
	    " ORDER BY 1";
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, user_id) };
	struct strbuf sql = STRBUF_INIT;
	struct db_res *tables = NULL;
	long swept = -1, n;
	int i;

	/* The one statement that matters: every module's rows follow core.users by ON DELETE CASCADE. */
	if (db_exec(db, "DELETE FROM core.users WHERE user_id = $1", 1, p) != 0)
		goto out;
	/* Then whatever a table without the cascade kept (none today: test_abuse checks every migration). */
	if ((tables = db_query(db, tables_sql, 0, NULL)) == NULL)
		goto out;
	swept = 0;
	for (i = 0; i < db_rows(tables); i++) {
		strbuf_reset(&sql);
		strbuf_addf(&sql, "DELETE FROM %s WHERE user_id = $1", db_get(tables, i, "qtable"));
		if (db_exec_count(db, sql.buf, 1, p, &n) != 0) {
			swept = -1;
			goto out;
		}
		if (n > 0)
			log_warn("privacy: %ld rows of %s had no ON DELETE CASCADE", n, db_get(tables, i, "qtable"));
		swept += n;
	}
out:
	strbuf_release(&sql);
	db_res_free(tables);
	return swept;
}
