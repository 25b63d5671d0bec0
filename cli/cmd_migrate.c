/* See LICENSE. cmd_migrate.c: mystudentbot migrate. */
#include <stdio.h>

#include "cmds.h"
#include "core/config.h"
#include "db/db.h"

int
cmd_migrate(int argc, char **argv)
{
	struct config cfg;
	struct db *db;
	int applied = 0, rc;

	(void)argc; (void)argv;
	config_load_or_exit(&cfg, 0);
	if ((db = db_open(cfg.database_url)) == NULL) {
		fprintf(stderr, "migrate: cannot connect to the database\n");
		return 1;
	}
	rc = db_migrate(db, &applied);
	db_close(db);
	if (rc != 0) {
		fprintf(stderr, "migrate: failed (see the log)\n");
		return 1;
	}
	printf("migrate: %d applied, database up to date\n", applied);
	return 0;
}
