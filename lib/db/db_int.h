/* See LICENSE. db_int.h: what db.c shares with migrate.c; nothing outside lib/db/ includes it. */
#ifndef MSB_DB_DB_INT_H
#define MSB_DB_DB_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <libpq-fe.h>

struct db {
	PGconn	*conn;
	bool	 down;	/* a statement failed because the connection was lost */
	bool	 begin_pending;	/* db_begin was called; BEGIN goes out with the next statement */
};

/* The first line of "sql" in "buf": how a statement is named in logs. */
const char	*db_sql_name(const char *sql, char *buf, size_t len);

/* Sends a pending BEGIN on its own: before a raw libpq call that would otherwise run outside it. */
int		 db_send_pending_begin(struct db *);

/* After any failure: marks the db down if libpq says the connection is gone. */
void		 db_note_failure(struct db *);

#endif
