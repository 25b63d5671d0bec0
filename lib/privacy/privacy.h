/* See LICENSE. privacy.h: a user's data, all of it: exported as JSON (/exportar), deleted on request (/borrar_mis_datos). */
#ifndef MSB_PRIVACY_PRIVACY_H
#define MSB_PRIVACY_PRIVACY_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "bot/bot.h"
#include "core/i18n.h"

struct db;
struct strbuf;

/* Callback data prefix of the privacy buttons ("p:del:ID", "p:no:ID"). */
#define PRIVACY_CB	"p:"

extern const struct msg privacy_msgs[];

/* "/exportar", "/export": sends every row of the user's, in every module, as one JSON document. */
int	privacy_export(struct bot_ctx *, const struct nlu_result *);
/* "/borrar_mis_datos", "/delete_my_data": asks first, with two buttons. */
int	privacy_delete_ask(struct bot_ctx *, const struct nlu_result *);
/* The buttons: "p:del:ID" deletes (ID must be the presser), "p:no:ID" keeps everything. */
int	privacy_callback(struct bot_ctx *, const char *data);

/*
 * Appends to "out" the export document {"format", "version", "user_id",
 * "exported_at" (now, UTC), "tables"}: "tables" holds every table (any schema but PostgreSQL's
 * own) with a user_id column: {"schema.table": [ {column: value, ...}, ... ], ...},
 * holding the rows of "user_id". Table and column names come from the
 * catalog (quoted by quote_ident), the id is a parameter. Returns the number
 * of rows written, or -1 on a database error.
 */
long	privacy_export_json(struct db *, int64_t user_id, time_t now, struct strbuf *out);

/*
 * Deletes the user's row in core.users (every module's tables follow by
 * ON DELETE CASCADE), then any row left in a table with a user_id column.
 * Returns the number of rows deleted outside the cascade (0 when every
 * table cascades), or -1 on a database error.
 */
long	privacy_delete_user(struct db *, int64_t user_id);

#endif
