/* See LICENSE. migrate.c: applies the compiled-in sql/ migrations once each, under an advisory lock. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <libpq-fe.h>

#include "db/db.h"
#include "db/db_int.h"
#include "db/migrations.h"
#include "core/log.h"

/*
 * Every migrator takes this transaction-level advisory lock first, so two
 * `mystudentbot migrate` runs (or a migrate racing `make run`) apply each
 * file once: the second waits, then finds the name already recorded.
 */
#define MIGRATE_LOCK	"8314650177"	/* any fixed bigint; "MSB" in spirit */

static const char lock_sql[] = "SELECT pg_catalog.pg_advisory_xact_lock($1::bigint)";

static int
lock(struct db *db)
{
	const char	*p[] = { MIGRATE_LOCK };
	struct db_res	*r = db_query(db, lock_sql, 1, p);

	db_res_free(r);
	return r != NULL ? 0 : -1;
}

/* core.schema_migrations itself, made under the lock so two first runs do not race. */
static int
ensure_table(struct db *db, void *arg)
{
	if (lock(db) != 0 ||
	    db_exec(db, "CREATE SCHEMA IF NOT EXISTS core", 0, NULL) != 0 ||
	    db_exec(db, "CREATE TABLE IF NOT EXISTS core.schema_migrations (\n"
	    "\tname text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", 0, NULL) != 0)
		return -1;
	return 0;
}

/*
 * A migration file holds several statements, which PQexecParams refuses, so
 * this is the code base's one PQexec. The text is compiled in from sql/ by
 * scripts/embed-sql.sh: it is never user input. Runs inside the caller's
 * transaction (BEGIN was sent), so the whole file lands or none of it.
 */
static int
exec_script(struct db *db, const struct migration *m)
{
	PGresult	*res;
	ExecStatusType	 st;
	int		 rc = 0;

	if (db_send_pending_begin(db) != 0)
		return -1;
	res = PQexec(db->conn, m->sql);
	st = res != NULL ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		log_err("db: migration %s failed: %s", m->name,
		    res != NULL ? PQresultErrorMessage(res) : PQerrorMessage(db->conn));
		db_note_failure(db);
		rc = -1;
	}
	PQclear(res);
	return rc;
}

struct step {
	const struct migration	*m;
	bool			 ran;
};

/* One migration's transaction: lock, skip if recorded, run, record. */
static int
apply_one(struct db *db, void *arg)
{
	struct step	*s = arg;
	const char	*p[] = { s->m->name };
	struct db_res	*r;
	int		 done;

	if (lock(db) != 0)
		return -1;
	r = db_query(db, "SELECT 1 AS x FROM core.schema_migrations WHERE name = $1", 1, p);
	if (r == NULL)
		return -1;
	done = db_rows(r);
	db_res_free(r);
	if (done)
		return 0;
	if (exec_script(db, s->m) != 0 ||
	    db_exec(db, "INSERT INTO core.schema_migrations (name) VALUES ($1)", 1, p) != 0)
		return -1;
	s->ran = true;
	return 0;
}

int
db_migrate(struct db *db, int *applied)
{
	struct step	 s;
	int		 i, n = 0;

	if (applied != NULL)
		*applied = 0;
	if (db_tx(db, ensure_table, NULL) != 0)
		return -1;
	for (i = 0; i < migrations_count; i++) {
		s.m = &migrations[i];
		s.ran = false;
		if (db_tx(db, apply_one, &s) != 0) {
			log_err("db: migrate stopped at %s; %d applied before it", s.m->name, n);
			return -1;
		}
		if (s.ran) {
			log_info("db: applied migration %s", s.m->name);
			n++;
		}
	}
	if (applied != NULL)
		*applied = n;
	return 0;
}
