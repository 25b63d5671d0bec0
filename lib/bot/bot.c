/* See LICENSE. bot.c: one update in one transaction: dedup, user, dispatch, commit. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bot/bot.h"
#include "bot/user.h"
#include "core/config.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/tz.h"
#include "db/db.h"

const char *
bot_outcome_name(enum bot_outcome o)
{
	switch (o) {
	case BOT_DONE:		return "done";
	case BOT_DUPLICATE:	return "duplicate";
	case BOT_DB_DOWN:	return "db-down";
	default:		return "error";
	}
}

/* Ids are kept a week: Telegram retries for 24 hours at most. Pruned now and then, not every time. */
static int
prune_updates(struct db *db, int64_t update_id)
{
	if (update_id % 512 != 0)
		return 0;
	return db_exec(db, "DELETE FROM core.updates WHERE received_at < now() - interval '7 days'", 0, NULL);
}

/* Records "update_id" alone (no sender to load). Returns 1 if it is new, 0 if seen before, -1 on error. */
static int
record_update(struct db *db, int64_t update_id)
{
	char id[DB_I64_LEN];
	const char *p[1] = { db_i64(id, update_id) };
	long n = 0;

	if (db_exec_count(db, "INSERT INTO core.updates (update_id) VALUES ($1) ON CONFLICT DO NOTHING",
	    1, p, &n) != 0)
		return -1;
	return n == 1;
}

/* The update's id, and its sender if it has one. Returns 1 if it is new, 0 if seen before, -1 on error. */
static int
arrive(struct bot_ctx *c)
{
	int fresh;

	fresh = c->u->user_id != 0 ? user_arrive(c->db, c->cfg, c->u, &c->user) :
	    record_update(c->db, c->u->update_id);
	if (fresh == 1 && prune_updates(c->db, c->u->update_id) != 0)
		return -1;
	return fresh;
}

static intent_fn
find_intent(const char *intent, const char *target)
{
	const struct intent_route *r;

	for (r = intent_routes; r->intent != NULL; r++)
		if (strcmp(r->intent, intent) == 0 && (r->target == NULL || strcmp(r->target, target) == 0))
			return r->fn;
	return NULL;
}

static int
run_intent(struct bot_ctx *c, const struct nlu_result *res)
{
	intent_fn fn = find_intent(res->intent, res->target);

	if (fn == NULL)
		fn = find_intent("unknown", "");
	return fn(c, res);
}

/*
 * "/cmd@bot args" → the command's intent. The command's word and its
 * arguments are read by the parser like any sentence ("/gastos semana" is
 * "gastos semana"), so handlers get slots, not text to pick apart; when the
 * parser reads another intent, the command's wins with the slots dropped.
 * "arg" keeps the arguments as typed ("/zona Europe/Madrid").
 * Returns 0, or -1 if no such command.
 */
static int
parse_command(const char *text, const struct nlu_now *now, const char *lang, struct nlu_result *res)
{
	const struct command_route *r;
	size_t n = strcspn(text, " @\n\t");
	const char *args = text + strcspn(text, " \n\t");
	char sentence[512];

	for (r = command_routes; r->command != NULL; r++) {
		if (strlen(r->command) != n || strncasecmp(r->command, text, n) != 0)
			continue;
		while (isspace((unsigned char)*args))
			args++;
		snprintf(sentence, sizeof sentence, "%.*s %s", (int)n - 1, text + 1, args);
		nlu_parse(sentence, now, lang, res);
		if (strcmp(res->intent, r->intent) != 0) {
			memset(res, 0, sizeof *res);
			snprintf(res->intent, sizeof res->intent, "%s", r->intent);
		}
		if (res->arg[0] == '\0')	/* the parser's arg ("new" for "nuevo"), else the typed one ("/zona X") */
			snprintf(res->arg, sizeof res->arg, "%s", args);
		return 0;
	}
	return -1;
}

static int
dispatch_message(struct bot_ctx *c)
{
	struct nlu_result *res = arena_alloc(c->a, sizeof *res);
	const char *text = c->u->text;

	if (c->u->document_file_id != NULL) {
		snprintf(res->intent, sizeof res->intent, "calendar.import");
		return run_intent(c, res);
	}
	if (text == NULL || *text == '\0') {
		reply_msgf(c->reply, "core.not_text");
		return 0;
	}
	if (text[0] != '/' || parse_command(text, &c->local, c->user.lang, res) != 0)
		nlu_parse(text, &c->local, c->user.lang, res);
	return run_intent(c, res);
}

static int
dispatch_callback(struct bot_ctx *c)
{
	const struct callback_route *r;
	const char *data = c->u->callback_data ? c->u->callback_data : "";
	size_t before = c->reply->n, i;
	int rc = 0, handled = 0;

	for (r = callback_routes; r->prefix != NULL; r++) {
		if (strncmp(data, r->prefix, strlen(r->prefix)) == 0) {
			rc = r->fn(c, data);
			handled = 1;
			break;
		}
	}
	/* Every callback gets an answer, or the user's client keeps spinning. */
	for (i = before; i < c->reply->n; i++)
		if (c->reply->items[i].kind == REPLY_CALLBACK_ANSWER)
			return rc;
	reply_callback_answer(c->reply, c->u->callback_id,
	    handled ? NULL : reply_fmt(c->reply, "core.stale_button"));
	return rc;
}

static int
dispatch(struct bot_ctx *c)
{
	switch (c->u->kind) {
	case UPDATE_MESSAGE:
		return dispatch_message(c);
	case UPDATE_CALLBACK_QUERY:
		return dispatch_callback(c);
	case UPDATE_MY_CHAT_MEMBER:
		/* In a private chat this arrives when the user blocks or unblocks the bot. */
		if (c->u->member_status != NULL)
			return user_set_active(c->db, c->user.id,
			    strcmp(c->u->member_status, "kicked") != 0 && strcmp(c->u->member_status, "left") != 0);
		return 0;
	default:
		/* Edited messages and other kinds are accepted and ignored: re-running an edit would double it. */
		return 0;
	}
}

void
bot_now_from_tm(const struct tm *tm, const char *tz, struct nlu_now *now)
{
	now->year = tm->tm_year + 1900;
	now->month = tm->tm_mon + 1;
	now->day = tm->tm_mday;
	now->hour = tm->tm_hour;
	now->minute = tm->tm_min;
	now->tz = tz;
}

/* Fills the user's wall clock for the parser. */
static void
set_local_now(struct bot_ctx *c)
{
	struct tm tm;

	if (tz_localtime(c->user.tz, c->now, &tm) != 0 && tz_localtime("UTC", c->now, &tm) != 0)
		memset(&tm, 0, sizeof tm);
	bot_now_from_tm(&tm, c->user.tz, &c->local);
}

/* The user's part of an update, inside the transaction. Returns 0 or -1. */
static int
handle(struct bot_ctx *c)
{
	int hits;

	if (c->u->user_id == 0)
		return 0;
	reply_init(c->reply, c->a, c->user.lang, c->u->chat_id ? c->u->chat_id : c->user.chat_id);
	set_local_now(c);
	if ((hits = c->user.flood_hits) > c->cfg->flood_per_minute) {
		/* Say it once per minute; the rest of the flood is recorded and ignored. */
		if (hits == c->cfg->flood_per_minute + 1 && c->u->kind == UPDATE_MESSAGE)
			reply_msgf(c->reply, "core.flood");
		if (c->u->kind == UPDATE_CALLBACK_QUERY)
			reply_callback_answer(c->reply, c->u->callback_id, NULL);
		return 0;
	}
	return dispatch(c);
}

/* After a handler failed: record the update anyway and say sorry, so Telegram does not retry a bug for a day. */
static enum bot_outcome
recover(struct bot_ctx *c)
{
	if (db_begin(c->db) != 0 || record_update(c->db, c->u->update_id) < 0 || db_commit(c->db) != 0) {
		db_rollback(c->db);
		return db_is_down(c->db) ? BOT_DB_DOWN : BOT_ERROR;
	}
	reply_init(c->reply, c->a, c->user.lang[0] ? c->user.lang : c->cfg->lang, c->u->chat_id);
	if (c->u->kind == UPDATE_CALLBACK_QUERY)
		reply_callback_answer(c->reply, c->u->callback_id, reply_fmt(c->reply, "core.error"));
	else if (c->u->chat_id != 0)
		reply_msgf(c->reply, "core.error");
	return BOT_DONE;
}

enum bot_outcome
bot_process(struct db *db, const struct config *cfg, struct tg *tg, const struct update *u,
    struct arena *a, time_t now, struct reply *reply)
{
	struct bot_ctx c;
	int fresh;

	memset(&c, 0, sizeof c);
	c.db = db; c.cfg = cfg; c.tg = tg; c.a = a; c.u = u; c.reply = reply; c.now = now;
	reply_init(reply, a, cfg->lang, u->chat_id);
	if (db_ensure(db) != 0)
		return BOT_DB_DOWN;
	if (db_begin(db) != 0)
		return db_is_down(db) ? BOT_DB_DOWN : BOT_ERROR;
	if ((fresh = arrive(&c)) <= 0) {
		/* Seen before: nothing of this run may stay (arrive counted the sender again). */
		if (db_rollback(db) == 0 && fresh == 0)
			return BOT_DUPLICATE;
		if (db_is_down(db))
			return BOT_DB_DOWN;
		log_warn("update %lld: recording it failed, rolled back", (long long)u->update_id);
		return recover(&c);	/* a failure that would repeat must not make Telegram retry for a day */
	}
	if (handle(&c) == 0 && db_commit(db) == 0)
		return BOT_DONE;
	db_rollback(db);
	if (db_is_down(db))
		return BOT_DB_DOWN;
	log_warn("update %lld: handler failed, rolled back", (long long)u->update_id);
	return recover(&c);
}
