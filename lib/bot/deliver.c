/* See LICENSE. deliver.c: a committed reply list out to Telegram, the first item in the webhook response. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bot/deliver.h"
#include "core/log.h"
#include "reminders/queue.h"
#include "json/json.h"
#include "telegram/tg.h"

const char *
reply_item_method(const struct reply_item *it)
{
	switch (it->kind) {
	case REPLY_MESSAGE:		return "sendMessage";
	case REPLY_PHOTO:		return "sendPhoto";
	case REPLY_DOCUMENT:		return "sendDocument";
	case REPLY_EDIT:		return "editMessageText";
	case REPLY_CALLBACK_ANSWER:	return "answerCallbackQuery";
	}
	return "sendMessage";
}

/* {"inline_keyboard": [[{"text":..,"callback_data":..}, ...], ...]} */
static void
keyboard_json(const struct reply_item *it, struct json_gen *g)
{
	int i, row = -1;

	json_gen_obj_open(g);
	json_gen_str(g, "inline_keyboard");
	json_gen_arr_open(g);
	for (i = 0; i < it->nbuttons; i++) {
		const struct reply_button *b = &it->buttons[i];

		if (b->row != row) {
			if (row != -1)
				json_gen_arr_close(g);
			json_gen_arr_open(g);
			row = b->row;
		}
		json_gen_obj_open(g);
		json_gen_kv_str(g, "text", b->text);
		if (b->url != NULL)
			json_gen_kv_str(g, "url", b->url);
		else
			json_gen_kv_str(g, "callback_data", b->data);
		json_gen_obj_close(g);
	}
	if (row != -1)
		json_gen_arr_close(g);
	json_gen_arr_close(g);
	json_gen_obj_close(g);
}

void
reply_item_json(const struct reply_item *it, struct json_gen *g, int with_method)
{
	json_gen_obj_open(g);
	if (with_method)
		json_gen_kv_str(g, "method", reply_item_method(it));
	if (it->kind == REPLY_CALLBACK_ANSWER) {
		json_gen_kv_str(g, "callback_query_id", it->callback_id);
		if (it->text != NULL)
			json_gen_kv_str(g, "text", it->text);
		json_gen_obj_close(g);
		return;
	}
	json_gen_kv_i64(g, "chat_id", it->chat_id);
	if (it->kind == REPLY_EDIT)
		json_gen_kv_i64(g, "message_id", it->message_id);
	json_gen_kv_str(g, "text", it->text ? it->text : "");
	json_gen_kv_str(g, "parse_mode", "HTML");
	json_gen_str(g, "link_preview_options");
	json_gen_obj_open(g);
	json_gen_kv_bool(g, "is_disabled", 1);
	json_gen_obj_close(g);
	if (it->nbuttons > 0) {
		json_gen_str(g, "reply_markup");
		keyboard_json(it, g);
	}
	json_gen_obj_close(g);
}

/* A photo or document as multipart/form-data, the file straight from memory. */
static int
send_file(const struct reply_item *it, struct tg *tg, struct tg_result *res)
{
	char chat[32];
	const char *field = it->kind == REPLY_PHOTO ? "photo" : "document";
	struct tg_part parts[5];
	size_t n = 0;
	struct json_gen *g = NULL;
	int rc;

	snprintf(chat, sizeof chat, "%lld", (long long)it->chat_id);
	parts[n++] = (struct tg_part){ "chat_id", chat, strlen(chat), NULL, NULL };
	parts[n++] = (struct tg_part){ field, (const char *)it->file, it->file_len, it->filename, it->mime };
	if (it->text != NULL && it->text[0] != '\0') {
		parts[n++] = (struct tg_part){ "caption", it->text, strlen(it->text), NULL, NULL };
		parts[n++] = (struct tg_part){ "parse_mode", "HTML", 4, NULL, NULL };
	}
	if (it->nbuttons > 0) {
		size_t len;
		const char *kb;

		g = json_gen_new();
		keyboard_json(it, g);
		kb = json_gen_text(g, &len);
		parts[n++] = (struct tg_part){ "reply_markup", kb, len, NULL, NULL };
	}
	rc = tg_call_multipart(tg, reply_item_method(it), parts, n, res);
	json_gen_free(g);
	return rc;
}

static int
send_item(const struct reply_item *it, struct tg *tg, struct tg_result *out)
{
	struct tg_result res;
	int rc;

	memset(&res, 0, sizeof res);
	if (it->kind == REPLY_PHOTO || it->kind == REPLY_DOCUMENT) {
		rc = send_file(it, tg, &res);
	} else {
		struct json_gen *g = json_gen_new();
		const char *body;
		size_t len;

		reply_item_json(it, g, 0);
		body = json_gen_text(g, &len);
		rc = tg_call_json(tg, reply_item_method(it), body, len, &res);
		json_gen_free(g);
	}
	if (rc != 0)
		log_warn("deliver: %s to chat %lld: %s (%ld)", reply_item_method(it),
		    (long long)it->chat_id, tg_status_name(res.status), res.http_code);
	out->status = res.status;
	out->retry_after = res.retry_after;
	tg_result_release(&res);
	return rc;
}

/*
 * A worker waits for Telegram at most this long in all, retries included, so
 * that it answers the webhook well within nginx's 30 s and Telegram's 60 s.
 */
#define DELIVER_BUDGET_MS	10000
#define DELIVER_5XX_PAUSE_MS	300

static long
ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (long)(t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0)
		;
}

/*
 * Sends "it", once more after a 429 (waiting exactly retry_after, Bot API)
 * or a 5xx, when that still fits in the budget that began at "t0". A
 * timeout is not retried: Telegram may have taken the message, and the
 * worker has waited long enough. Returns 0 when Telegram accepted it.
 */
static int
send_with_retry(const struct reply_item *it, struct tg *tg, const struct timespec *t0,
    struct tg_result *res)
{
	long wait;

	memset(res, 0, sizeof *res);
	if (send_item(it, tg, res) == 0)
		return 0;
	if (res->status == TG_RETRY_AFTER)
		wait = res->retry_after > 0 ? res->retry_after * 1000 : 1000;
	else if (res->status == TG_SERVER_ERROR)
		wait = DELIVER_5XX_PAUSE_MS;
	else
		return -1;
	if (ms_since(t0) + wait >= DELIVER_BUDGET_MS)
		return -1;
	sleep_ms(wait);
	return send_item(it, tg, res);
}

/*
 * A text reply Telegram refused for now (429 past the budget, 5xx) waits in
 * the reminder queue, which the reminder run sends when Telegram lets it:
 * the reply arrives late, without its buttons, but it is not lost. Only a
 * private chat can wait there (the queue writes to the user's own chat).
 */
static int
spool_item(struct db *db, const struct reply_item *it, const struct tg_result *res)
{
	struct reminder_spec spec;
	struct timespec now;
	time_t later = time(NULL) + (res->status == TG_RETRY_AFTER ? res->retry_after : 60);

	if (db == NULL || it->kind != REPLY_MESSAGE || it->chat_id <= 0 ||
	    (res->status != TG_RETRY_AFTER && res->status != TG_SERVER_ERROR))
		return -1;
	clock_gettime(CLOCK_REALTIME, &now);
	memset(&spec, 0, sizeof spec);
	spec.user_id = it->chat_id;
	spec.kind = REMINDERS_KIND_REPLY;
	spec.ref_id = (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;	/* unique per reply */
	spec.due_at = later;
	spec.expires_at = later + 24 * 3600;
	spec.text_html = it->text;
	return reminders_schedule(db, &spec);
}

/*
 * A method in the response body runs after we answer, so only the last item
 * may ride there, or messages would arrive out of order. The common reply is
 * a single message: it costs no extra round trip.
 */
int
reply_deliver(const struct reply *r, struct tg *tg, struct strbuf *body, struct db *spool)
{
	size_t i, n = r->n;
	int failed = 0;
	struct timespec t0;
	struct tg_result res;
	const struct reply_item *last = n > 0 ? &r->items[n - 1] : NULL;

	if (body != NULL && last != NULL && last->kind != REPLY_PHOTO && last->kind != REPLY_DOCUMENT) {
		struct json_gen *g = json_gen_new();
		const char *txt;
		size_t len;

		reply_item_json(last, g, 1);
		txt = json_gen_text(g, &len);
		strbuf_add(body, txt, len);
		json_gen_free(g);
		n--;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		if (tg != NULL && send_with_retry(&r->items[i], tg, &t0, &res) == 0)
			continue;
		if (tg != NULL && spool_item(spool, &r->items[i], &res) == 0)
			log_info("deliver: reply to chat %lld queued for the reminder run",
			    (long long)r->items[i].chat_id);
		else
			failed++;
	}
	return failed;
}
