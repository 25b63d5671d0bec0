/* See LICENSE. undo.c: a typed "deshacer" takes back the latest change, whichever module made it. */
#include <string.h>

#include "bot/bot.h"
#include "bot/core_handlers.h"
#include "db/db.h"

/* Changes older than this are forgotten when the user makes a new one. */
#define CHANGES_KEPT	"30 days"

int
bot_change_note(struct bot_ctx *c, const char *module, int64_t ref)
{
	char uid[DB_I64_LEN], r[DB_I64_LEN];
	const char *p[3] = { db_i64(uid, c->user.id), module, db_i64(r, ref) };

	return db_exec(c->db,
	    "WITH old AS (DELETE FROM core.changes WHERE user_id = $1"
	    "   AND made_at < now() - interval '" CHANGES_KEPT "')"
	    " INSERT INTO core.changes (user_id, module, ref) VALUES ($1, $2, $3)", 3, p);
}

static undo_fn
undo_of(const char *module)
{
	const struct undo_route *r;

	for (r = undo_routes; r->module != NULL; r++)
		if (strcmp(r->module, module) == 0)
			return r->fn;
	return NULL;
}

/*
 * Marks the user's newest change undone, if it was not. Returns 1 with
 * "*fn" and "*ref" set, 0 when there is none or it was undone already,
 * -1 on error.
 */
static int
take_latest(struct bot_ctx *c, undo_fn *fn, int64_t *ref)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, c->user.id) };
	struct db_res *r = db_query(c->db,
	    "UPDATE core.changes SET undone_at = now() WHERE undone_at IS NULL AND id ="
	    " (SELECT max(id) FROM core.changes WHERE user_id = $1)"
	    " RETURNING module, ref", 1, p);
	int rc;

	if (r == NULL)
		return -1;
	rc = db_rows(r) == 1;
	if (rc) {
		*fn = undo_of(db_get(r, 0, "module"));
		*ref = db_get_i64(r, 0, "ref", 0);
		rc = *fn != NULL;	/* a module no longer built in */
	}
	db_res_free(r);
	return rc;
}

/*
 * The latest change, once, as each confirmation's undo button: a second
 * "deshacer" does not reach further back (a repeated message must not
 * unpick a week of notes). A change its button undid already is not
 * undone twice either.
 */
int
core_undo(struct bot_ctx *c, const struct nlu_result *res)
{
	undo_fn fn;
	int64_t ref;
	int rc;

	if ((rc = take_latest(c, &fn, &ref)) == 1 && (rc = fn(c, ref)) == 0)
		return 0;
	if (rc < 0)
		return -1;
	reply_msgf(c->reply, "core.undo_none");	/* none, or its button undid it already */
	return 0;
}
