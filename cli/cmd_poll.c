/* See LICENSE. cmd_poll.c: mystudentbot poll, getUpdates long polling into the same dispatcher. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmds.h"
#include "bot/bot.h"
#include "bot/deliver.h"
#include "core/config.h"
#include "core/log.h"
#include "core/mem.h"
#include "db/db.h"
#include "json/json.h"
#include "telegram/tg.h"

#define POLL_SECONDS	50

static volatile sig_atomic_t	stopping, busy;

/* While waiting on Telegram nothing is half done: leave at once. Mid-update, finish it first. */
static void
on_stop(int sig)
{
	(void)sig;
	if (!busy)
		_exit(0);
	stopping = 1;
}

/* One update through the bot. Returns 0 when it is done with (processed or a duplicate), -1 to retry it. */
static int
poll_one(struct db *db, const struct config *cfg, struct tg *tg, struct arena *a, const struct json_node *n)
{
	struct update u;
	struct reply reply;
	enum bot_outcome o;

	if (update_from_node(n, a, &u) != UPDATE_PARSE_OK)
		return 0;	/* not an Update: nothing Telegram would send again */
	o = bot_process(db, cfg, tg, &u, a, time(NULL), &reply);
	if (o == BOT_DONE)
		reply_deliver(&reply, tg, NULL, db);
	log_info("poll update_id=%lld kind=%s outcome=%s", (long long)u.update_id,
	    update_kind_name(u.kind), bot_outcome_name(o));
	return o == BOT_DB_DOWN || o == BOT_ERROR ? -1 : 0;
}

/* One getUpdates call from "*offset"; advances it past what was handled. Returns 0, or -1 to back off. */
static int
poll_batch(struct db *db, const struct config *cfg, struct tg *tg, struct arena *a, int64_t *offset)
{
	static const char *p_result[] = { "result", NULL };
	static const char *p_id[] = { "update_id", NULL };
	struct tg_result res;
	struct json_doc *doc = NULL;
	const struct json_node *list;
	char body[160], err[64];
	size_t i;
	int64_t id;
	int rc = -1;

	memset(&res, 0, sizeof res);
	snprintf(body, sizeof body, "{\"offset\":%lld,\"timeout\":%d,\"allowed_updates\":"
	    "[\"message\",\"callback_query\",\"my_chat_member\"]}", (long long)*offset, POLL_SECONDS);
	if (tg_call_json(tg, "getUpdates", body, strlen(body), &res) != 0) {
		log_warn("poll: getUpdates: %s (%ld)", tg_status_name(res.status), res.http_code);
		goto out;
	}
	busy = 1;
	doc = json_parse(res.body.buf, res.body.len, 64 << 20, 128, err, sizeof err);
	list = doc ? json_get(json_root(doc), p_result) : NULL;
	for (i = 0; i < json_array_len(list); i++) {
		const struct json_node *n = json_array_at(list, i);

		if (json_get_i64(n, p_id, &id) != 0)
			continue;
		if (poll_one(db, cfg, tg, a, n) != 0)
			goto out;	/* keep the offset: Telegram hands it over again */
		*offset = id + 1;
		arena_reset(a);
	}
	rc = 0;
out:
	json_free(doc);
	tg_result_release(&res);
	arena_reset(a);
	busy = 0;
	return rc;
}

int
cmd_poll(int argc, char **argv)
{
	struct config cfg;
	struct tg *tg;
	struct db *db;
	struct arena *a;
	int64_t offset = 0;

	(void)argc; (void)argv;
	config_load_or_exit(&cfg, CONFIG_NEED_TOKEN);
	tg_global_init();
	signal(SIGINT, on_stop);
	signal(SIGTERM, on_stop);
	if ((db = db_open(cfg.database_url)) == NULL) {
		fprintf(stderr, "poll: cannot connect to the database\n");
		return 1;
	}
	tg = tg_new(cfg.telegram_api, cfg.bot_token, (POLL_SECONDS + 10) * 1000L);
	a = arena_new();
	log_info("poll: started");
	while (!stopping)
		if (poll_batch(db, &cfg, tg, a, &offset) != 0 && !stopping)
			sleep(3);
	arena_free(a);
	tg_free(tg);
	db_close(db);
	return 0;
}
