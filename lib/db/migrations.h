/* See LICENSE. migrations.h: the SQL files of sql/, compiled in by scripts/embed-sql.sh. */
#ifndef MSB_DB_MIGRATIONS_H
#define MSB_DB_MIGRATIONS_H

struct migration {
	const char	*name;	/* file name without .sql, e.g. "001_core"; sorts in order */
	const char	*sql;
};

extern const struct migration	migrations[];
extern const int		migrations_count;

#endif
