/* See LICENSE. update.c: a Telegram Update (JSON) into struct update, once, then the tree is freed. */
#include <string.h>

#include "bot/update.h"
#include "core/mem.h"
#include "json/json.h"

/* Where the sender and the chat sit in each kind of update (Bot API "Update"). */
static const char *const kind_keys[] = {
	[UPDATE_MESSAGE] = "message",
	[UPDATE_EDITED_MESSAGE] = "edited_message",
	[UPDATE_CALLBACK_QUERY] = "callback_query",
	[UPDATE_MY_CHAT_MEMBER] = "my_chat_member",
};

static const char *p_update_id[] = { "update_id", NULL };
static const char *p_from_id[] = { "from", "id", NULL };
static const char *p_first_name[] = { "from", "first_name", NULL };
static const char *p_lang[] = { "from", "language_code", NULL };
static const char *p_chat_id[] = { "chat", "id", NULL };
static const char *p_chat_type[] = { "chat", "type", NULL };
static const char *p_message_id[] = { "message_id", NULL };
static const char *p_date[] = { "date", NULL };
static const char *p_text[] = { "text", NULL };
static const char *p_caption[] = { "caption", NULL };
static const char *p_doc_id[] = { "document", "file_id", NULL };
static const char *p_doc_name[] = { "document", "file_name", NULL };
static const char *p_doc_mime[] = { "document", "mime_type", NULL };
static const char *p_doc_size[] = { "document", "file_size", NULL };
static const char *p_cb_id[] = { "id", NULL };
static const char *p_cb_data[] = { "data", NULL };
static const char *p_cb_msg[] = { "message", NULL };
static const char *p_member_status[] = { "new_chat_member", "status", NULL };

const char *
update_kind_name(enum update_kind k)
{
	switch (k) {
	case UPDATE_MESSAGE:		return "message";
	case UPDATE_EDITED_MESSAGE:	return "edited_message";
	case UPDATE_CALLBACK_QUERY:	return "callback_query";
	case UPDATE_MY_CHAT_MEMBER:	return "my_chat_member";
	default:			return "other";
	}
}

static const char *
dup_str(struct arena *a, const struct json_node *n, const char *const *path)
{
	return arena_strdup(a, json_get_str(n, path));
}

static int64_t
get_i64(const struct json_node *n, const char *const *path)
{
	int64_t v = 0;

	(void)json_get_i64(n, path, &v);
	return v;
}

/* The sender ("from") of any kind of update. */
static void
read_sender(const struct json_node *n, struct arena *a, struct update *u)
{
	u->user_id = get_i64(n, p_from_id);
	u->first_name = dup_str(a, n, p_first_name);
	u->language_code = dup_str(a, n, p_lang);
}

/* A Message object: its chat, id, date, text or caption, and document. */
static void
read_message(const struct json_node *m, struct arena *a, struct update *u)
{
	u->chat_id = get_i64(m, p_chat_id);
	u->chat_type = dup_str(a, m, p_chat_type);
	u->message_id = get_i64(m, p_message_id);
	u->date = get_i64(m, p_date);
	u->text = dup_str(a, m, p_text);
	if (u->text == NULL)
		u->text = dup_str(a, m, p_caption);
	u->document_file_id = dup_str(a, m, p_doc_id);
	u->document_name = dup_str(a, m, p_doc_name);
	u->document_mime = dup_str(a, m, p_doc_mime);
	u->document_size = get_i64(m, p_doc_size);
}

static void
read_kind(const struct json_node *root, struct arena *a, struct update *u)
{
	const struct json_node *n = NULL, *msg;
	size_t k;

	u->kind = UPDATE_OTHER;
	for (k = 0; k < sizeof kind_keys / sizeof kind_keys[0]; k++) {
		const char *path[] = { kind_keys[k], NULL };

		if ((n = json_get(root, path)) != NULL && json_is_object(n)) {
			u->kind = (enum update_kind)k;
			break;
		}
	}
	if (u->kind == UPDATE_OTHER)
		return;
	read_sender(n, a, u);
	switch (u->kind) {
	case UPDATE_MESSAGE:
	case UPDATE_EDITED_MESSAGE:
		read_message(n, a, u);
		break;
	case UPDATE_CALLBACK_QUERY:
		u->callback_id = dup_str(a, n, p_cb_id);
		u->callback_data = dup_str(a, n, p_cb_data);
		if ((msg = json_get(n, p_cb_msg)) != NULL) {
			u->chat_id = get_i64(msg, p_chat_id);
			u->message_id = get_i64(msg, p_message_id);
		}
		if (u->chat_id == 0)
			u->chat_id = u->user_id;
		break;
	case UPDATE_MY_CHAT_MEMBER:
		u->chat_id = get_i64(n, p_chat_id);
		u->chat_type = dup_str(a, n, p_chat_type);
		u->member_status = dup_str(a, n, p_member_status);
		break;
	default:
		break;
	}
}

enum update_parse_status
update_from_node(const struct json_node *root, struct arena *a, struct update *u)
{
	memset(u, 0, sizeof *u);
	/* An Update is an object with an integer update_id; the rest is optional. */
	if (!json_is_object(root) || json_get_i64(root, p_update_id, &u->update_id) != 0)
		return UPDATE_PARSE_NOT_UPDATE;
	read_kind(root, a, u);
	return UPDATE_PARSE_OK;
}

enum update_parse_status
update_parse(const char *body, size_t len, struct arena *a, struct update *u)
{
	struct json_doc *doc;
	char err[128];
	enum update_parse_status rc;

	memset(u, 0, sizeof *u);
	if (len > UPDATE_MAX_BYTES)
		return UPDATE_PARSE_TOO_BIG;
	doc = json_parse(body, len, UPDATE_MAX_BYTES, UPDATE_MAX_DEPTH, err, sizeof err);
	if (doc == NULL)
		return UPDATE_PARSE_NOT_JSON;
	rc = update_from_node(json_root(doc), a, u);
	json_free(doc);
	return rc;
}
