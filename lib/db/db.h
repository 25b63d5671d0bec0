/* See LICENSE. db.h: the one way to talk to PostgreSQL. Only lib/db/ includes libpq-fe.h. */
#ifndef MSB_DB_DB_H
#define MSB_DB_DB_H

#include <stdbool.h>
#include <stdint.h>

struct db;
struct db_res;

/*
 * Connects with libpq connection string "conninfo" and sets an empty
 * search_path, so every statement names its schema in full. Returns NULL
 * with the reason logged (never the connection string: it may hold a password).
 */
struct db	*db_open(const char *conninfo);
void		 db_close(struct db *);		/* NULL-safe */

/*
 * Makes sure the connection is usable, reconnecting once if the server went
 * away. Returns 0, or -1 if the database cannot be reached (the webhook answers 503).
 */
int		 db_ensure(struct db *);

/* True after a statement failed because the connection was lost (not because of the statement). */
bool		 db_is_down(const struct db *);

/*
 * Runs "sql" with "n" text parameters ($1..$n; NULL means SQL NULL).
 * db_query expects rows (PGRES_TUPLES_OK) and returns NULL on error;
 * db_exec expects none and returns 0 or -1. Errors are logged with the
 * statement's first line, never its parameters.
 */
struct db_res	*db_query(struct db *, const char *sql, int n, const char *const *params);
int		 db_exec(struct db *, const char *sql, int n, const char *const *params);
/* Like db_exec, and "*affected" receives the rows changed (PQcmdTuples). */
int		 db_exec_count(struct db *, const char *sql, int n, const char *const *params, long *affected);

/*
 * Statements sent at once and answered at once (libpq's pipeline mode):
 * one wait for the server instead of one each. They run in order, in the
 * current transaction (db_begin's BEGIN goes out with them); after one
 * fails the rest are skipped. Returns 0 with out[i] holding statement i's
 * result (rows or none; the caller frees each), or -1 with out[] all NULL
 * and the failure logged as db_query logs it.
 */
struct db_stmt {
	const char		*sql;
	int			 n;
	const char *const	*params;
};
#define DB_PIPELINE_MAX 8
int		 db_pipeline(struct db *, const struct db_stmt *, int count, struct db_res **out);

int		 db_rows(const struct db_res *);
/* Rows a statement changed (PQcmdTuples); 0 when it says none. */
long		 db_affected(const struct db_res *);
/* The value at "row" of column "col" (by name), NULL when SQL NULL or no such column. */
const char	*db_get(const struct db_res *, int row, const char *col);
/* The same as an integer; "dflt" when NULL or not a number. */
int64_t		 db_get_i64(const struct db_res *, int row, const char *col, int64_t dflt);
/* Binary column (bytea) is not used: store files as text or outside the database. */
void		 db_res_free(struct db_res *);	/* NULL-safe; the one PQclear */

/*
 * The one transaction helper: BEGIN, "fn"(db, arg), COMMIT if it returned 0,
 * ROLLBACK otherwise. Returns what "fn" returned, or -1 if BEGIN/COMMIT failed.
 */
int		 db_tx(struct db *, int (*fn)(struct db *, void *arg), void *arg);
int		 db_begin(struct db *);
int		 db_commit(struct db *);
int		 db_rollback(struct db *);

/* Decimal text of "v" in "buf" (room for 21 bytes), for passing integers as parameters. */
#define DB_I64_LEN 24
const char	*db_i64(char buf[DB_I64_LEN], int64_t v);

/*
 * Applies every migration compiled in from sql/ that core.schema_migrations
 * does not record yet, each in its own transaction, in order. Idempotent.
 * "applied" (may be NULL) receives how many ran. Returns 0 or -1.
 */
int		 db_migrate(struct db *, int *applied);

#endif
