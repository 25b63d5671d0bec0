/*
 * See LICENSE. test_db.c: lib/db against a real PostgreSQL. Needs
 * MSB_TEST_DATABASE_URL (a scratch database: the test drops schemas core
 * and test_db) and MSB_TEST_PGDATA (the cluster's data directory, which
 * the test restarts with pg_ctl). Either missing is a failure, not a skip.
 */
#include <fcntl.h>
#include <glob.h>
#include <pwd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/log.h"
#include "core/strbuf.h"
#include "db/db.h"
#include "db/migrations.h"

static struct db *
open_test_db(void)
{
	const char	*url = getenv("MSB_TEST_DATABASE_URL");
	struct db	*db;

	if (url == NULL || *url == '\0')
		fail_msg("MSB_TEST_DATABASE_URL is not set: this test needs a scratch PostgreSQL "
		    "database (e.g. host=/tmp/pgcore user=postgres dbname=mystudentbot)");
	db = db_open(url);
	if (db == NULL)
		fail_msg("cannot connect to MSB_TEST_DATABASE_URL");
	return db;
}

static int
setup(void **state)
{
	struct db	*db = open_test_db();

	assert_int_equal(db_exec(db, "DROP SCHEMA IF EXISTS test_db CASCADE", 0, NULL), 0);
	assert_int_equal(db_exec(db, "CREATE SCHEMA test_db", 0, NULL), 0);
	assert_int_equal(db_exec(db, "CREATE TABLE test_db.t (id bigint PRIMARY KEY, s text)",
	    0, NULL), 0);
	*state = db;
	return 0;
}

static int
teardown(void **state)
{
	db_close(*state);
	return 0;
}

/* Runs "fn" with stderr captured, and returns what was logged (caller frees). */
static char *
captured(void (*fn)(struct db *), struct db *db)
{
	char	 path[] = "/tmp/msb-testdb-XXXXXX", *buf = calloc(1, 65536);
	int	 fd = mkstemp(path), saved = dup(2);

	fflush(stderr);
	dup2(fd, 2);
	fn(db);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	if (read(fd, buf, 65535) < 0)
		buf[0] = '\0';
	close(fd);
	unlink(path);
	return buf;
}

static void
test_verbatim(void **state)
{
	static const char *texts[] = { "it's; DROP TABLE test_db.t; --", "\"quoted\" $1 \\x00 \\\\",
	    "Cálculo 🎓 <b>&amp;", "", NULL };
	struct db	*db = *state;
	struct db_res	*r;
	char		 id[DB_I64_LEN];
	const char	*p[2];
	long		 n = -1;
	int		 i;

	for (i = 0; i < 5; i++) {
		p[0] = db_i64(id, i + 1);
		p[1] = texts[i];
		assert_int_equal(db_exec(db, "INSERT INTO test_db.t (id, s) VALUES ($1, $2)", 2, p), 0);
	}
	r = db_query(db, "SELECT s, id, length(s) AS len FROM test_db.t ORDER BY id", 0, NULL);
	assert_non_null(r);
	assert_int_equal(db_rows(r), 5);
	for (i = 0; i < 4; i++)
		assert_string_equal(db_get(r, i, "s"), texts[i]);
	assert_null(db_get(r, 4, "s"));			/* SQL NULL */
	assert_null(db_get(r, 0, "nope"));		/* no such column */
	assert_null(db_get(r, 5, "s"));			/* no such row */
	assert_int_equal(db_get_i64(r, 4, "id", -1), 5);
	assert_int_equal(db_get_i64(r, 4, "len", -7), -7);	/* NULL gives the default */
	assert_int_equal(db_get_i64(r, 0, "s", -9), -9);	/* not a number */
	db_res_free(r);
	db_res_free(NULL);
	assert_int_equal(db_exec_count(db, "UPDATE test_db.t SET s = s WHERE id <= 2", 0, NULL, &n), 0);
	assert_int_equal(n, 2);
	p[0] = db_i64(id, INT64_MIN);
	assert_string_equal(p[0], "-9223372036854775808");
	r = db_query(db, "SELECT $1::bigint AS v", 1, p);
	assert_true(db_get_i64(r, 0, "v", 0) == INT64_MIN);
	db_res_free(r);
	/* The wrong kind of statement for the call is an error, not a silent success. */
	assert_null(db_query(db, "UPDATE test_db.t SET s = s WHERE false", 0, NULL));
	assert_int_equal(db_exec(db, "SELECT 1", 0, NULL), -1);
	assert_false(db_is_down(db));
}

static void
bad_query(struct db *db)
{
	const char	*p[] = { "SECRETPARAM" };

	assert_null(db_query(db, "SELECT $1::bigint AS v\n  -- second line", 1, p));
}

static void
test_error_log(void **state)
{
	char	*out;

	setenv("MSB_LOG_STDERR", "1", 1);
	log_init("test_db");
	out = captured(bad_query, *state);
	assert_non_null(strstr(out, "SELECT $1::bigint AS v"));
	assert_non_null(strstr(out, "22P02"));
	assert_null(strstr(out, "second line"));
	assert_null(strstr(out, "SECRETPARAM"));
	free(out);
}

static void
open_bad(struct db *unused)
{
	assert_null(db_open("host=/nonexistent-msb dbname=x password=SECRETPW"));
}

static void
test_open_fails(void **state)
{
	char	*out = captured(open_bad, NULL);

	assert_non_null(strstr(out, "db: cannot connect"));
	assert_null(strstr(out, "SECRETPW"));
	free(out);
}

static int
insert_then(struct db *db, void *arg)
{
	const char	*p[] = { arg };

	if (db_exec(db, "INSERT INTO test_db.t (id, s) VALUES ($1, 'tx')", 1, p) != 0)
		return -1;
	return strcmp(arg, "100") == 0 ? 0 : 1;	/* 100 commits, others roll back */
}

static int
count_id(struct db *db, const char *id)
{
	const char	*p[] = { id };
	struct db_res	*r = db_query(db, "SELECT count(*) AS n FROM test_db.t WHERE id = $1", 1, p);
	int		 n = (int)db_get_i64(r, 0, "n", -1);

	db_res_free(r);
	return n;
}

static void
test_tx(void **state)
{
	struct db	*db = *state;
	char		 id100[] = "100", id101[] = "101";

	assert_int_equal(db_tx(db, insert_then, id100), 0);
	assert_int_equal(count_id(db, "100"), 1);
	assert_int_equal(db_tx(db, insert_then, id101), 1);
	assert_int_equal(count_id(db, "101"), 0);
	/* A failing statement: rolled back, and the connection is usable after. */
	assert_int_equal(db_tx(db, insert_then, id100), -1);
	assert_int_equal(count_id(db, "100"), 1);
	/* COMMIT of an aborted transaction reports failure. */
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_exec(db, "SELECT 1/0", 0, NULL), -1);
	assert_int_equal(db_commit(db), -1);
	assert_int_equal(count_id(db, "100"), 1);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_rollback(db), 0);
	assert_false(db_is_down(db));
}

static void
test_migrate(void **state)
{
	struct db	*db = *state;
	struct db_res	*r;
	int		 applied = -1;

	assert_int_equal(db_exec(db, "DROP SCHEMA IF EXISTS core CASCADE", 0, NULL), 0);
	assert_int_equal(db_migrate(db, &applied), 0);
	assert_int_equal(applied, migrations_count);
	assert_true(migrations_count >= 1);
	assert_int_equal(db_migrate(db, &applied), 0);
	assert_int_equal(applied, 0);
	assert_int_equal(db_migrate(db, NULL), 0);
	r = db_query(db, "SELECT count(*) AS n FROM core.schema_migrations", 0, NULL);
	assert_int_equal(db_get_i64(r, 0, "n", -1), migrations_count);
	db_res_free(r);
	r = db_query(db, "SELECT count(*) AS n FROM core.users", 0, NULL);
	assert_non_null(r);
	db_res_free(r);
}

/* pg_ctl restart on MSB_TEST_PGDATA, as the directory's owner when we are root (initdb refuses root). */
static void
restart_server(void)
{
	const char	*dir = getenv("MSB_TEST_PGDATA");
	struct strbuf	 cmd = STRBUF_INIT;
	struct passwd	*pw;
	struct stat	 st;
	glob_t		 g;

	if (dir == NULL || *dir == '\0')
		fail_msg("MSB_TEST_PGDATA is not set: the reconnect test restarts the server "
		    "with pg_ctl and needs its data directory");
	if (strchr(dir, '\'') != NULL || stat(dir, &st) != 0)
		fail_msg("MSB_TEST_PGDATA is not a usable directory");
	if (getuid() == 0) {
		if ((pw = getpwuid(st.st_uid)) == NULL)
			fail_msg("no user owns MSB_TEST_PGDATA");
		strbuf_addf(&cmd, "runuser -u '%s' -- ", pw->pw_name);
	}
	if (glob("/usr/lib/postgresql/*/bin/pg_ctl", 0, NULL, &g) == 0 && g.gl_pathc > 0)
		strbuf_addf(&cmd, "%s", g.gl_pathv[g.gl_pathc - 1]);
	else
		strbuf_adds(&cmd, "pg_ctl");
	globfree(&g);
	strbuf_addf(&cmd, " -D '%s' -w -m fast restart >/dev/null 2>&1", dir);
	if (system(cmd.buf) != 0)
		fail_msg("could not restart the server: %s", cmd.buf);
	strbuf_release(&cmd);
}

static void
test_reconnect(void **state)
{
	struct db	*db = *state;
	struct db_res	*r;

	/* A statement on the dead connection fails and marks the db down. */
	restart_server();
	assert_null(db_query(db, "SELECT 1 AS one", 0, NULL));
	assert_true(db_is_down(db));
	assert_int_equal(db_ensure(db), 0);
	assert_false(db_is_down(db));
	r = db_query(db, "SELECT pg_catalog.current_setting('search_path') AS sp", 0, NULL);
	assert_non_null(r);
	assert_string_equal(db_get(r, 0, "sp"), "");	/* the session set-up ran again */
	db_res_free(r);
	/* db_ensure before any statement notices the restart by itself. */
	restart_server();
	assert_int_equal(db_ensure(db), 0);
	r = db_query(db, "SELECT 1 AS one", 0, NULL);
	assert_non_null(r);
	db_res_free(r);
	assert_false(db_is_down(db));
	assert_int_equal(db_ensure(db), 0);
}

/* Statements sent together: results in order, counts, and all-or-nothing on failure. */
static void
test_pipeline(void **state)
{
	struct db	*db = *state;
	const char	*p200[] = { "200", "two hundred" }, *p201[] = { "201" }, *pbad[] = { "x" };
	const struct db_stmt ok[] = {
		{ "INSERT INTO test_db.t (id, s) VALUES ($1, $2) ON CONFLICT DO NOTHING", 2, p200 },
		{ "INSERT INTO test_db.t (id) VALUES ($1) RETURNING id", 1, p201 },
		{ "SELECT s FROM test_db.t WHERE id = $1", 1, p200 },
	};
	const struct db_stmt bad[] = {
		{ "INSERT INTO test_db.t (id) VALUES (202)", 0, NULL },
		{ "SELECT $1::bigint AS n", 1, pbad },
		{ "INSERT INTO test_db.t (id) VALUES (203)", 0, NULL },
	};
	struct db_res	*out[3];

	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_pipeline(db, ok, 3, out), 0);
	assert_int_equal(db_affected(out[0]), 1);
	assert_int_equal(db_get_i64(out[1], 0, "id", 0), 201);
	assert_string_equal(db_get(out[2], 0, "s"), "two hundred");	/* sees the first one's row */
	for (int i = 0; i < 3; i++)
		db_res_free(out[i]);
	/* The BEGIN went out with them: a rollback takes both rows away. */
	assert_int_equal(db_rollback(db), 0);
	assert_int_equal(count_id(db, "200"), 0);
	assert_int_equal(count_id(db, "201"), 0);

	/* Outside a transaction they are one implicit transaction: a failure keeps nothing. */
	assert_int_equal(db_pipeline(db, bad, 3, out), -1);
	assert_null(out[0]);
	assert_null(out[1]);
	assert_null(out[2]);
	assert_int_equal(count_id(db, "202"), 0);
	assert_int_equal(count_id(db, "203"), 0);
	assert_false(db_is_down(db));
	assert_int_equal(db_pipeline(db, ok, 0, out), -1);
	assert_int_equal(db_pipeline(db, ok, DB_PIPELINE_MAX + 1, out), -1);
}

/* A transaction some path forgot to end is rolled back by the next db_ensure, not carried on. */
static void
test_leftover_tx(void **state)
{
	struct db	*db = *state;

	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_exec(db, "INSERT INTO test_db.t (id) VALUES (220)", 0, NULL), 0);
	assert_int_equal(db_ensure(db), 0);
	assert_int_equal(count_id(db, "220"), 0);
	assert_int_equal(db_begin(db), 0);	/* a BEGIN never sent */
	assert_int_equal(db_ensure(db), 0);
	assert_int_equal(db_begin(db), 0);	/* accepted again */
	assert_int_equal(db_rollback(db), 0);
}

/* pg_stat_activity's state of backend "pid", as "other" sees it now. */
static const char *
session_state(struct db *other, const char *pid)
{
	static char	 buf[32];
	const char	*p[] = { pid };
	struct db_res	*r = db_query(other, "SELECT state FROM pg_catalog.pg_stat_activity WHERE pid = $1",
	    1, p);

	snprintf(buf, sizeof buf, "%s", r != NULL && db_get(r, 0, "state") ? db_get(r, 0, "state") : "?");
	db_res_free(r);
	return buf;
}

/* BEGIN waits for the first statement; an empty transaction commits without a word to the server. */
static void
test_deferred_begin(void **state)
{
	struct db	*db = *state, *other = open_test_db();
	struct db_res	*r;
	char		 id100[] = "100", pid[24];

	assert_int_equal(db_begin(db), 0);
	assert_int_equal(db_begin(db), -1);	/* not twice */
	assert_int_equal(db_commit(db), 0);
	/* Seen from another session: idle after db_begin, in a transaction after the first statement. */
	r = db_query(db, "SELECT pg_catalog.pg_backend_pid() AS pid", 0, NULL);
	assert_non_null(r);
	snprintf(pid, sizeof pid, "%s", db_get(r, 0, "pid"));
	db_res_free(r);
	assert_int_equal(db_begin(db), 0);
	assert_string_equal(session_state(other, pid), "idle");
	assert_int_equal(db_exec(db, "INSERT INTO test_db.t (id) VALUES (210)", 0, NULL), 0);
	assert_string_equal(session_state(other, pid), "idle in transaction");
	assert_int_equal(count_id(other, "210"), 0);	/* not committed */
	assert_int_equal(db_rollback(db), 0);
	assert_int_equal(count_id(db, "210"), 0);
	/* A server gone while a BEGIN waits: the pipeline fails, the next ensure reconnects. */
	assert_int_equal(db_begin(db), 0);
	restart_server();
	assert_null(db_query(db, "SELECT 1 AS one", 0, NULL));
	assert_true(db_is_down(db));
	db_rollback(db);
	assert_int_equal(db_ensure(db), 0);
	assert_int_equal(db_tx(db, insert_then, id100), 0);
	assert_int_equal(count_id(db, "100"), 1);
	db_close(other);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_verbatim, setup, teardown),
		cmocka_unit_test_setup_teardown(test_error_log, setup, teardown),
		cmocka_unit_test(test_open_fails),
		cmocka_unit_test_setup_teardown(test_tx, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reconnect, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipeline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deferred_begin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_leftover_tx, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
