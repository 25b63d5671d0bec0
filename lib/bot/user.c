/* See LICENSE. user.c: users in core.users, created on first contact. */
#include <stdlib.h>
#include <string.h>

#include "bot/user.h"
#include "bot/bot.h"
#include "bot/update.h"
#include "core/config.h"
#include "core/i18n.h"
#include "db/db.h"

int
user_load_or_create(struct db *db, const struct config *cfg, const struct update *u, struct user *out)
{
	char uid[DB_I64_LEN], chat[DB_I64_LEN];
	const char *lang = i18n_lang_from_code(u->language_code);
	const char *p[6];
	struct db_res *res;
	int rc = -1;

	/* Telegram's private chat with a user has the user's id; groups are not theirs to keep. */
	p[0] = db_i64(uid, u->user_id);
	p[1] = db_i64(chat, u->user_id);
	p[2] = lang ? lang : cfg->lang;
	p[3] = cfg->tz;
	p[4] = u->first_name;
	p[5] = u->kind == UPDATE_MY_CHAT_MEMBER ? "f" : "t";
	res = db_query(db,
	    "INSERT INTO core.users (user_id, chat_id, lang, tz, first_name) VALUES ($1, $2, $3, $4, $5)"
	    " ON CONFLICT (user_id) DO UPDATE SET first_name = EXCLUDED.first_name,"
	    "   active = core.users.active OR $6::boolean, updated_at = now()"
	    " RETURNING chat_id, lang, tz, active, (xmax = 0) AS is_new", 6, p);
	if (res == NULL || db_rows(res) != 1)
		goto out;
	memset(out, 0, sizeof *out);
	out->id = u->user_id;
	out->chat_id = db_get_i64(res, 0, "chat_id", u->user_id);
	strncpy(out->lang, db_get(res, 0, "lang"), sizeof out->lang - 1);
	strncpy(out->tz, db_get(res, 0, "tz"), sizeof out->tz - 1);
	out->active = strcmp(db_get(res, 0, "active"), "t") == 0;
	out->is_new = strcmp(db_get(res, 0, "is_new"), "t") == 0;
	rc = 0;
out:
	db_res_free(res);
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

int
user_flood_hit(struct db *db, int64_t user_id)
{
	char uid[DB_I64_LEN];
	const char *p[1] = { db_i64(uid, user_id) };
	struct db_res *res;
	int hits = -1;

	/* A fixed one-minute window: cheap, and enough to slow one user without touching others. */
	res = db_query(db,
	    "INSERT INTO core.flood (user_id, window_start, hits) VALUES ($1, date_trunc('minute', now()), 1)"
	    " ON CONFLICT (user_id) DO UPDATE SET"
	    "   hits = CASE WHEN core.flood.window_start = date_trunc('minute', now())"
	    "          THEN core.flood.hits + 1 ELSE 1 END,"
	    "   window_start = date_trunc('minute', now())"
	    " RETURNING hits", 1, p);
	if (res != NULL && db_rows(res) == 1)
		hits = (int)db_get_i64(res, 0, "hits", -1);
	db_res_free(res);
	return hits;
}
