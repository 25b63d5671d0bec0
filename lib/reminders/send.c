/* See LICENSE. send.c: one reminder as a Bot API sendMessage with its snooze buttons. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "reminders/queue.h"
#include "reminders/reminders.h"
#include "reminders/store.h"
#include "core/i18n.h"
#include "json/json.h"
#include "telegram/tg.h"

static void
snooze_button(struct json_gen *g, const struct due_row *row, const char *key, int minutes)
{
	char data[64];

	/* "r:snooze:<id>:<minutes>": at most 9 + 20 + 1 + 4 bytes, under the Bot API's 64. */
	snprintf(data, sizeof data, "%s%" PRId64 ":%d", REMINDERS_SNOOZE_PREFIX, row->id, minutes);
	json_gen_obj_open(g);
	json_gen_kv_str(g, "text", i18n_get(row->lang, key));
	json_gen_kv_str(g, "callback_data", data);
	json_gen_obj_close(g);
}

int
reminders_send(struct tg *tg, const struct due_row *row, struct tg_result *res)
{
	struct json_gen *g = json_gen_new();
	const char *body;
	size_t len;
	int rc;

	json_gen_obj_open(g);
	json_gen_kv_i64(g, "chat_id", row->chat_id);
	json_gen_kv_str(g, "text", row->text);
	json_gen_kv_str(g, "parse_mode", "HTML");
	/* A reply that waited here is not a reminder: nothing to snooze. */
	if (strcmp(row->kind, REMINDERS_KIND_REPLY) != 0) {
		json_gen_str(g, "reply_markup");
		json_gen_obj_open(g);
		json_gen_str(g, "inline_keyboard");
		json_gen_arr_open(g);
		json_gen_arr_open(g);
		snooze_button(g, row, "reminders.btn.15m", 15);
		snooze_button(g, row, "reminders.btn.1h", 60);
		snooze_button(g, row, "reminders.btn.tomorrow", REMINDERS_SNOOZE_TOMORROW);
		json_gen_arr_close(g);
		json_gen_arr_close(g);
		json_gen_obj_close(g);
	}
	json_gen_obj_close(g);
	body = json_gen_text(g, &len);
	rc = tg_call_json(tg, "sendMessage", body, len, res);
	json_gen_free(g);
	return rc;
}
