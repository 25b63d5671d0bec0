/* See LICENSE. update.h: the parts of a Telegram Update the bot uses (Bot API "Update"). */
#ifndef MSB_BOT_UPDATE_H
#define MSB_BOT_UPDATE_H

#include <stddef.h>
#include <stdint.h>

struct arena;

enum update_kind {
	UPDATE_MESSAGE,
	UPDATE_EDITED_MESSAGE,
	UPDATE_CALLBACK_QUERY,
	UPDATE_MY_CHAT_MEMBER,
	UPDATE_OTHER		/* accepted, recorded, ignored */
};

/* Strings are NULL when absent; all memory comes from the arena given to update_parse. */
struct update {
	int64_t			 update_id;
	enum update_kind	 kind;
	int64_t			 user_id;	/* from.id; 0 when the update has no sender */
	int64_t			 chat_id;	/* chat.id; for callbacks, the message's chat */
	const char		*chat_type;	/* "private", "group", ... */
	const char		*first_name;
	const char		*language_code;
	int64_t			 message_id;	/* the message, or the callback's message */
	int64_t			 date;		/* unix time of the message */
	const char		*text;		/* text or caption */
	const char		*callback_id;
	const char		*callback_data;
	const char		*document_file_id;
	const char		*document_name;
	const char		*document_mime;
	int64_t			 document_size;
	const char		*member_status;	/* my_chat_member.new_chat_member.status */
};

enum update_parse_status {
	UPDATE_PARSE_OK = 0,
	UPDATE_PARSE_NOT_JSON = -1,	/* 400 */
	UPDATE_PARSE_NOT_UPDATE = -2,	/* valid JSON, but no integer update_id: 400 */
	UPDATE_PARSE_TOO_BIG = -3	/* over UPDATE_MAX_BYTES: 413 */
};

#define UPDATE_MAX_BYTES	(1024 * 1024)
#define UPDATE_MAX_DEPTH	64

struct json_node;

/* Parses "len" bytes of "body" into "*u", copying strings into "a". */
enum update_parse_status	update_parse(const char *body, size_t len, struct arena *a, struct update *u);
/* The same from an already parsed JSON value (getUpdates returns an array of them). */
enum update_parse_status	update_from_node(const struct json_node *, struct arena *a, struct update *u);
const char			*update_kind_name(enum update_kind);

#endif
