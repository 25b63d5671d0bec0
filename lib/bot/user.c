/* See LICENSE. user.c: users in core.users, created on first contact. */
#include <stdio.h>
#include <string.h>

#include "bot/user.h"
#include "bot/bot.h"
#include "bot/update.h"
#include "core/config.h"
#include "core/i18n.h"
#include "db/db.h"

/* The RETURNING row of the upsert in user_arrive. */
static void
user_from_row(const struct db_res *res, int64_t user_id, struct user *out)
{
	memset(out, 0, sizeof *out);
	out->id = user_id;
	out->chat_id = db_get_i64(res, 0, "chat_id", user_id);
	snprintf(out->lang, sizeof out->lang, "%s", db_get(res, 0, "lang"));
	snprintf(out->tz, sizeof out->tz, "%s", db_get(res, 0, "tz"));
	out->active = strcmp(db_get(res, 0, "active"), "t") == 0;
	out->is_new = strcmp(db_get(res, 0, "is_new"), "t") == 0;
	out->flood_hits = (int)db_get_i64(res, 0, "flood_hits", 1);
}

/*
 * Both statements go out together (one wait for the server, with the
 * BEGIN before them). The unique key makes a retried update insert
 * nothing; the caller then rolls back, which undoes the upsert too.
 * Telegram's private chat with a user has the user's id. The upsert
 * counts the update in the user's current minute: a fixed window,
 * cheap, and enough to slow one user without touching others.
 */
int
user_arrive(struct db *db, const struct config *cfg, const struct update *u, struct user *out)
{
	char uid[DB_I64_LEN], upd[DB_I64_LEN];
	const char *lang = i18n_lang_from_code(u->language_code);
	const char *pu[1] = { db_i64(upd, u->update_id) };
	const char *p[5] = { db_i64(uid, u->user_id), lang ? lang : cfg->lang, cfg->tz, u->first_name,
	    u->kind == UPDATE_MY_CHAT_MEMBER ? "f" : "t" };

	const struct db_stmt st[2] = {
		{ "INSERT INTO core.updates (update_id) VALUES ($1) ON CONFLICT DO NOTHING", 1, pu },
		{ "INSERT INTO core.users (user_id, chat_id, lang, tz, first_name, flood_hits)"
		  " VALUES ($1, $1, $2, $3, $4, 1)"
		  " ON CONFLICT (user_id) DO UPDATE SET first_name = EXCLUDED.first_name,"
		  "   active = core.users.active OR $5::boolean, updated_at = now(),"
		  "   flood_hits = CASE WHEN core.users.flood_window = date_trunc('minute', now())"
		  "                THEN core.users.flood_hits + 1 ELSE 1 END,"
		  "   flood_window = date_trunc('minute', now())"
		  " RETURNING chat_id, lang, tz, active, flood_hits, (xmax = 0) AS is_new", 5, p },
	};
	struct db_res *res[2];
	int rc;

	if (db_pipeline(db, st, 2, res) != 0)
		return -1;
	rc = db_rows(res[1]) != 1 ? -1 : db_affected(res[0]) == 1;
	if (rc == 1)
		user_from_row(res[1], u->user_id, out);
	db_res_free(res[0]);
	db_res_free(res[1]);
	return rc;
}

static int
set_field(struct db *db, const char *sql, int64_t user_id, const char *value)
{
	char uid[DB_I64_LEN];
	const char *p[2] = { db_i64(uid, user_id), value };

	return db_exec(db, sql, 2, p);
}

int
user_set_lang(struct db *db, int64_t user_id, const char *lang)
{
	return set_field(db, "UPDATE core.users SET lang = $2, updated_at = now() WHERE user_id = $1",
	    user_id, lang);
}

int
user_set_tz(struct db *db, int64_t user_id, const char *tz)
{
	return set_field(db, "UPDATE core.users SET tz = $2, updated_at = now() WHERE user_id = $1",
	    user_id, tz);
}

int
user_set_active(struct db *db, int64_t user_id, bool active)
{
	return set_field(db, "UPDATE core.users SET active = $2, updated_at = now() WHERE user_id = $1",
	    user_id, active ? "t" : "f");
}
