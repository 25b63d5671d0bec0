/* See LICENSE. db.c: libpq behind parameterized calls, exact status checks and one PQclear. */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "db/db.h"
#include "db/db_int.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/strbuf.h"

struct db_res {
	PGresult	*res;
};

/*
 * Notices such as "schema core already exists, skipping" are noise; a
 * WARNING is worth a log line. libpq would otherwise print them on stderr.
 */
static void
notice_receiver(void *arg, const PGresult *res)
{
	const char	*sev = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
	const char	*msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);

	if (sev != NULL && strcmp(sev, "WARNING") == 0)
		log_warn("db: server warning: %s", msg != NULL ? msg : "?");
}

/* The first line of "sql", without leading blanks, cut to fit: names the statement in logs. */
const char *
db_sql_name(const char *sql, char *buf, size_t len)
{
	size_t	 n;

	sql += strspn(sql, " \t\r\n");
	n = strcspn(sql, "\r\n");
	snprintf(buf, len, "%.*s", (int)(n < 100 ? n : 100), sql);
	return buf;
}

/* Replaces each occurrence of "needle" in "*m" by "?": "*m" is reallocated. */
static void
mask(char **m, const char *needle)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p = *m, *hit;
	size_t		 nlen = strlen(needle);

	if (strstr(p, needle) == NULL)
		return;
	while ((hit = strstr(p, needle)) != NULL) {
		strbuf_add(&sb, p, (size_t)(hit - p));
		strbuf_addc(&sb, '?');
		p = hit + nlen;
	}
	strbuf_adds(&sb, p);
	free(*m);
	*m = strbuf_detach(&sb, NULL);
}

/*
 * The server's primary message and SQLSTATE, with every parameter value
 * that shows up in it masked: "invalid input syntax for type bigint: ..."
 * would otherwise copy user text into the log. DETAIL is left out for the
 * same reason (a unique violation quotes the key). One-byte values stay.
 */
static void
scrubbed_error(const PGresult *res, int n, const char *const *params, struct strbuf *out)
{
	const char	*msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
	const char	*state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
	char		*m;
	int		 i;

	/* No fields: libpq made the error itself (connection lost); it holds no parameter. */
	if (msg == NULL)
		msg = PQresultErrorMessage(res);
	m = xstrdup(msg != NULL && *msg != '\0' ? msg : "no message");
	for (i = 0; i < n; i++)
		if (params[i] != NULL && strlen(params[i]) >= 2)
			mask(&m, params[i]);
	strbuf_addf(out, "%s (SQLSTATE %s)", m, state != NULL ? state : "?");
	free(m);
}

void
db_note_failure(struct db *db)
{
	if (PQstatus(db->conn) == CONNECTION_BAD)
		db->down = true;
}

/*
 * What every new or reset connection needs: UTF-8 on the wire, an empty
 * search_path (sql/ names every schema, so a user-created object can never
 * shadow ours), and notices kept out of stderr.
 */
static int
db_setup(struct db *db)
{
	struct db_res	*r;

	PQsetNoticeReceiver(db->conn, notice_receiver, NULL);
	if (PQsetClientEncoding(db->conn, "UTF8") != 0) {
		log_err("db: cannot set client encoding: %s", PQerrorMessage(db->conn));
		return -1;
	}
	r = db_query(db, "SELECT pg_catalog.set_config('search_path', '', false)", 0, NULL);
	db_res_free(r);
	return r != NULL ? 0 : -1;
}

/* The conninfo is never logged: it may hold a password. libpq's message does not repeat it. */
struct db *
db_open(const char *conninfo)
{
	struct db	*db = xcalloc(1, sizeof *db);

	db->conn = PQconnectdb(conninfo);
	if (db->conn == NULL || PQstatus(db->conn) != CONNECTION_OK) {
		log_err("db: cannot connect: %s",
		    db->conn != NULL ? PQerrorMessage(db->conn) : "out of memory");
		goto fail;
	}
	if (db_setup(db) != 0)
		goto fail;
	return db;
fail:
	db_close(db);
	return NULL;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	PQfinish(db->conn);
	free(db);
}

/*
 * A server restart closes our socket while we sit idle. PQconsumeInput
 * never blocks, so it notices that without a round trip: the first call
 * may only read the server's goodbye (an ErrorResponse "terminating
 * connection"), the second then sees the end of the stream.
 */
static bool
idle_conn_alive(PGconn *c)
{
	int	 i;

	for (i = 0; i < 2; i++)
		if (PQstatus(c) != CONNECTION_OK || PQconsumeInput(c) != 1)
			return false;
	return PQstatus(c) == CONNECTION_OK;
}

/* Then one PQreset, and the session set-up again. */
/*
 * Between updates the session must be idle: a transaction or a BEGIN left
 * over by a path that forgot to end it would make every later update fail.
 */
static void
end_leftover_tx(struct db *db)
{
	if (!db->begin_pending && PQtransactionStatus(db->conn) == PQTRANS_IDLE)
		return;
	log_warn("db: a transaction was left open; rolling it back");
	db->begin_pending = false;
	if (PQtransactionStatus(db->conn) != PQTRANS_IDLE)
		db_exec(db, "ROLLBACK", 0, NULL);
}

int
db_ensure(struct db *db)
{
	if (!db->down && idle_conn_alive(db->conn)) {
		end_leftover_tx(db);
		return 0;
	}
	db->begin_pending = false;	/* the transaction it was for is gone with the connection */
	PQreset(db->conn);
	if (PQstatus(db->conn) != CONNECTION_OK) {
		log_err("db: reconnect failed: %s", PQerrorMessage(db->conn));
		db->down = true;
		return -1;
	}
	db->down = false;
	if (db_setup(db) != 0) {
		db_note_failure(db);
		return -1;
	}
	log_info("db: reconnected");
	return 0;
}

bool
db_is_down(const struct db *db)
{
	return db->down;
}

/* One pipelined query's result, and the NULL that closes it. NULL when the connection is gone. */
static PGresult *
pipeline_result(PGconn *c)
{
	PGresult	*r = PQgetResult(c), *more;

	while (r != NULL && (more = PQgetResult(c)) != NULL)
		PQclear(more);	/* not a single-result query: cannot happen with ours */
	return r;
}

/*
 * Sends a pending BEGIN and "count" statements in one pipeline (libpq's
 * pipeline mode) and reads every answer: one wait for the server instead
 * of one each. On the webhook's path that halves the waits for a "hola".
 * out[i] gets statement i's result: after a failure the server skips the
 * rest (PGRES_PIPELINE_ABORTED); NULL when the connection went.
 */
static void
pipeline(struct db *db, const struct db_stmt *st, int count, PGresult **out)
{
	PGconn		*c = db->conn;
	bool		 begin = db->begin_pending, sent;
	PGresult	*r;
	int		 i;

	db->begin_pending = false;
	for (i = 0; i < count; i++)
		out[i] = NULL;
	if (PQenterPipelineMode(c) != 1)
		return;
	sent = !begin || PQsendQueryParams(c, "BEGIN", 0, NULL, NULL, NULL, NULL, 0) == 1;
	for (i = 0; sent && i < count; i++)
		sent = PQsendQueryParams(c, st[i].sql, st[i].n, NULL, st[i].params, NULL, NULL, 0) == 1;
	if (sent && PQpipelineSync(c) == 1) {
		bool alive = true;

		if (begin) {
			r = pipeline_result(c);
			alive = r != NULL;
			if (!alive || PQresultStatus(r) != PGRES_COMMAND_OK)
				log_err("db: BEGIN: %s", alive ? PQresultErrorMessage(r) : PQerrorMessage(c));
			PQclear(r);
		}
		for (i = 0; alive && i < count; i++)
			alive = (out[i] = pipeline_result(c)) != NULL;
		if (alive && (r = PQgetResult(c)) != NULL)
			PQclear(r);	/* PGRES_PIPELINE_SYNC */
	}
	if (PQexitPipelineMode(c) != 1)
		db->down = true;	/* answers left unread: only a lost connection does that; reset it */
}

/* Logs why "res" (NULL: the connection's error) is not what statement "sql" should give. */
static void
report(struct db *db, const char *sql, int n, const char *const *params, const PGresult *res)
{
	struct strbuf	 why = STRBUF_INIT;
	char		 name[128];

	if (res != NULL && PQresultStatus(res) == PGRES_FATAL_ERROR)
		scrubbed_error(res, n, params, &why);
	else if (res != NULL)
		strbuf_addf(&why, "unexpected %s", PQresStatus(PQresultStatus(res)));
	else
		strbuf_adds(&why, PQerrorMessage(db->conn));
	log_err("db: %s: %s", db_sql_name(sql, name, sizeof name), strbuf_str(&why));
	strbuf_release(&why);
}

int
db_send_pending_begin(struct db *db)
{
	if (!db->begin_pending)
		return 0;
	db->begin_pending = false;
	return db_exec(db, "BEGIN", 0, NULL);
}

/*
 * The one place a single statement runs with parameters (text, $1..$n).
 * Checks the exact status "want"; on anything else logs the statement's
 * first line and the scrubbed server message, clears the result and
 * returns NULL. A pending BEGIN goes out with it.
 */
static PGresult *
run(struct db *db, const char *sql, int n, const char *const *params, ExecStatusType want)
{
	struct db_stmt	 st = { sql, n, params };
	PGresult	*res;

	if (db->begin_pending)
		pipeline(db, &st, 1, &res);
	else
		res = PQexecParams(db->conn, sql, n, NULL, params, NULL, NULL, 0);
	if (res != NULL && PQresultStatus(res) == want)
		return res;
	report(db, sql, n, params, res);
	PQclear(res);
	db_note_failure(db);
	return NULL;
}

static long
cmd_tuples(PGresult *res)
{
	return strtol(PQcmdTuples(res), NULL, 10);	/* "" (no count) is 0 */
}

static struct db_res *
wrap(PGresult *res)
{
	struct db_res	*r = xmalloc(sizeof *r);

	r->res = res;
	return r;
}

int
db_pipeline(struct db *db, const struct db_stmt *st, int count, struct db_res **out)
{
	PGresult	*res[DB_PIPELINE_MAX];
	int		 i, failed = -1;

	if (count < 1 || count > DB_PIPELINE_MAX)
		return -1;
	pipeline(db, st, count, res);
	for (i = 0; i < count && failed < 0; i++)
		if (res[i] == NULL || (PQresultStatus(res[i]) != PGRES_COMMAND_OK &&
		    PQresultStatus(res[i]) != PGRES_TUPLES_OK))
			failed = i;
	if (failed >= 0) {
		report(db, st[failed].sql, st[failed].n, st[failed].params, res[failed]);
		db_note_failure(db);
	}
	for (i = 0; i < count; i++) {
		out[i] = failed < 0 ? wrap(res[i]) : NULL;
		if (failed >= 0)
			PQclear(res[i]);
	}
	return failed < 0 ? 0 : -1;
}

long
db_affected(const struct db_res *r)
{
	return r != NULL ? cmd_tuples(r->res) : 0;
}

struct db_res *
db_query(struct db *db, const char *sql, int n, const char *const *params)
{
	PGresult	*res = run(db, sql, n, params, PGRES_TUPLES_OK);

	return res != NULL ? wrap(res) : NULL;
}

int
db_exec_count(struct db *db, const char *sql, int n, const char *const *params, long *affected)
{
	PGresult	*res = run(db, sql, n, params, PGRES_COMMAND_OK);

	if (res == NULL)
		return -1;
	if (affected != NULL)
		*affected = cmd_tuples(res);
	PQclear(res);
	return 0;
}

int
db_exec(struct db *db, const char *sql, int n, const char *const *params)
{
	return db_exec_count(db, sql, n, params, NULL);
}

int
db_rows(const struct db_res *r)
{
	return r != NULL ? PQntuples(r->res) : 0;
}

/* By name, as PQfnumber does, so a reordered SELECT list cannot shift values. */
const char *
db_get(const struct db_res *r, int row, const char *col)
{
	int	 c;

	if (r == NULL || row < 0 || row >= PQntuples(r->res))
		return NULL;
	if ((c = PQfnumber(r->res, col)) < 0) {
		log_err("db: no column \"%s\" in result", col);
		return NULL;
	}
	return PQgetisnull(r->res, row, c) ? NULL : PQgetvalue(r->res, row, c);
}

int64_t
db_get_i64(const struct db_res *r, int row, const char *col, int64_t dflt)
{
	const char	*s = db_get(r, row, col);
	char		*end;
	long long	 v;

	if (s == NULL || *s == '\0')
		return dflt;
	errno = 0;
	v = strtoll(s, &end, 10);
	return errno != 0 || *end != '\0' ? dflt : (int64_t)v;
}

void
db_res_free(struct db_res *r)
{
	if (r == NULL)
		return;
	PQclear(r->res);
	free(r);
}

/* BEGIN waits for the transaction's first statement (pipeline). */
int
db_begin(struct db *db)
{
	if (db->begin_pending) {
		log_err("db: BEGIN inside a transaction");
		return -1;
	}
	db->begin_pending = true;
	return 0;
}

/* COMMIT of a transaction that had failed "succeeds" with tag ROLLBACK: that is a failure here. */
int
db_commit(struct db *db)
{
	PGresult	*res;
	int		 rc = -1;

	if (db->begin_pending) {	/* nothing ran: nothing to commit */
		db->begin_pending = false;
		return 0;
	}
	if ((res = run(db, "COMMIT", 0, NULL, PGRES_COMMAND_OK)) == NULL)
		return -1;
	if (strcmp(PQcmdStatus(res), "COMMIT") == 0)
		rc = 0;
	else
		log_err("db: COMMIT: the transaction had failed and was rolled back");
	PQclear(res);
	return rc;
}

int
db_rollback(struct db *db)
{
	if (db->begin_pending) {
		db->begin_pending = false;
		return 0;
	}
	return db_exec(db, "ROLLBACK", 0, NULL);
}

int
db_tx(struct db *db, int (*fn)(struct db *, void *arg), void *arg)
{
	int	 rc;

	if (db_begin(db) != 0)
		return -1;
	rc = fn(db, arg);
	if (rc == 0) {
		if (db_commit(db) != 0)
			rc = -1;
	} else
		db_rollback(db);
	return rc;
}

const char *
db_i64(char buf[DB_I64_LEN], int64_t v)
{
	snprintf(buf, DB_I64_LEN, "%" PRId64, v);
	return buf;
}
