/* See LICENSE. webhook.c: CONTRACT.md §4, one stage per function: route → secret → parse → process → answer. */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "http.h"
#include "bot/bot.h"
#include "bot/deliver.h"
#include "bot/reply.h"
#include "bot/update.h"
#include "core/config.h"
#include "core/log.h"
#include "core/mem.h"
#include "db/db.h"

const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 413: return "Payload Too Large";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default:  return "Unknown";
	}
}

static void
answer(struct http_answer *ans, int status, const char *text)
{
	ans->status = status;
	ans->content_type = "application/json";
	strbuf_reset(&ans->body);
	if (text != NULL)
		strbuf_addf(&ans->body, "{\"ok\":%s,\"description\":\"%s\"}", status == 200 ? "true" : "false", text);
}

/*
 * Compares the secret in time that does not depend on where the first
 * difference is, so its bytes cannot be guessed one by one. An unset secret
 * refuses everything (CONTRACT.md §3).
 */
static int
secret_matches(const char *want, const char *got)
{
	size_t wl = strlen(want), gl, i;
	unsigned char diff;

	if (wl == 0 || got == NULL)
		return 0;
	gl = strlen(got);
	diff = (unsigned char)(wl != gl);
	for (i = 0; i < wl; i++)
		diff |= (unsigned char)want[i] ^ (unsigned char)(i < gl ? got[i] : 0);
	return diff == 0;
}

static double
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* A parsed update through the bot; sends what does not ride in the answer. */
static void
process(struct worker *w, const struct update *u, struct http_answer *ans)
{
	struct reply reply;
	enum bot_outcome o;
	int failed;

	if (w->db == NULL && (w->db = db_open(w->cfg->database_url)) == NULL) {
		answer(ans, 503, "database unavailable");
		return;
	}
	o = bot_process(w->db, w->cfg, w->tg, u, w->arena, time(NULL), &reply);
	switch (o) {
	case BOT_DONE:
		ans->status = 200;
		ans->content_type = "application/json";
		failed = reply_deliver(&reply, w->tg, &ans->body, w->db);
		if (failed > 0)
			log_warn("update %lld: %d replies not accepted by Telegram", (long long)u->update_id, failed);
		if (ans->body.len == 0)
			strbuf_adds(&ans->body, "{}");
		break;
	case BOT_DUPLICATE:
		answer(ans, 200, NULL);
		strbuf_adds(&ans->body, "{}");
		break;
	case BOT_DB_DOWN:
		answer(ans, 503, "database unavailable, retry");
		break;
	default:
		answer(ans, 500, "internal error, retry");
		break;
	}
}

static void
webhook(struct worker *w, const struct http_request *req, struct http_answer *ans)
{
	struct update u;
	struct timespec t0;
	enum update_parse_status ps;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&u, 0, sizeof u);
	if (strcmp(req->method, "POST") != 0) {
		answer(ans, 405, "POST only");
	} else if (!secret_matches(w->cfg->webhook_secret, req->secret)) {
		/* Nothing of the body is read into the log, nor stored. */
		answer(ans, 403, "bad secret");
	} else if (req->content_length > HTTP_MAX_BODY || req->body.len > HTTP_MAX_BODY) {
		answer(ans, 413, "body over 1 MiB");
	} else if ((ps = update_parse(req->body.buf ? req->body.buf : "", req->body.len, w->arena, &u))
	    != UPDATE_PARSE_OK) {
		answer(ans, ps == UPDATE_PARSE_TOO_BIG ? 413 : 400,
		    ps == UPDATE_PARSE_NOT_JSON ? "not JSON" : "not an Update");
	} else {
		process(w, &u, ans);
	}
	log_info("webhook update_id=%lld kind=%s status=%d latency_ms=%.1f",
	    (long long)u.update_id, u.update_id ? update_kind_name(u.kind) : "-",
	    ans->status, ms_since(&t0));
}

void
http_handle(struct worker *w, const struct http_request *req, struct http_answer *ans)
{
	const char *path = req->path ? req->path : "";

	ans->status = 500;
	ans->content_type = "application/json";
	if (strncmp(path, "/calendar/", 10) == 0)
		feed_handle(w, req, ans);
	else if (strcmp(path, "/telegram/webhook") == 0)
		webhook(w, req, ans);
	else
		answer(ans, 404, "no such endpoint");
}
