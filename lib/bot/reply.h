/* See LICENSE. reply.h: what the bot will say, kept as data until the update's transaction commits. */
#ifndef MSB_BOT_REPLY_H
#define MSB_BOT_REPLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;

enum reply_kind {
	REPLY_MESSAGE,		/* sendMessage, HTML parse mode */
	REPLY_PHOTO,		/* sendPhoto, multipart from memory */
	REPLY_DOCUMENT,		/* sendDocument, multipart from memory */
	REPLY_EDIT,		/* editMessageText of message_id */
	REPLY_CALLBACK_ANSWER	/* answerCallbackQuery */
};

#define REPLY_MAX_BUTTONS 48
#define REPLY_MAX_TEXT	4096	/* Telegram's limit in characters; counted in bytes here, which is stricter */

/* An inline keyboard button; callback_data is at most 64 bytes (Bot API), url for link buttons. */
struct reply_button {
	const char	*text;
	const char	*data;
	const char	*url;
	int		 row;
};

struct reply_item {
	enum reply_kind		 kind;
	int64_t			 chat_id;
	int64_t			 message_id;	/* REPLY_EDIT */
	const char		*text;		/* HTML text or caption; answer text for callbacks */
	struct reply_button	 buttons[REPLY_MAX_BUTTONS];
	int			 nbuttons;
	int			 row;		/* row the next button goes to */
	const unsigned char	*file;		/* REPLY_PHOTO / REPLY_DOCUMENT bytes, in the arena */
	size_t			 file_len;
	const char		*filename;
	const char		*mime;
	const char		*callback_id;	/* REPLY_CALLBACK_ANSWER */
};

struct reply {
	struct arena		*a;
	const char		*lang;		/* the user's language, for reply_msgf */
	int64_t			 chat_id;	/* where replies go unless told otherwise */
	struct reply_item	*items;
	size_t			 n, cap;
};

void	reply_init(struct reply *, struct arena *, const char *lang, int64_t chat_id);

/*
 * A message of HTML "html" (already escaped where it holds user text). Text
 * longer than REPLY_MAX_TEXT is sent as several messages, cut between lines;
 * the item returned (for buttons) is the last.
 */
struct reply_item	*reply_text(struct reply *, const char *html);
/* A message from catalog key "key" formatted with the arguments (escape user text with reply_esc). */
struct reply_item	*reply_msgf(struct reply *, const char *key, ...);
/* The catalog text of "key" in the user's language, formatted, in the arena (for building longer replies). */
const char		*reply_fmt(struct reply *, const char *key, ...);
/* "s" escaped for HTML, in the arena. */
const char		*reply_esc(struct reply *, const char *s);

struct reply_item	*reply_photo(struct reply *, const void *png, size_t len, const char *caption_html);
struct reply_item	*reply_document(struct reply *, const void *bytes, size_t len, const char *filename,
			    const char *mime, const char *caption_html);
struct reply_item	*reply_edit(struct reply *, int64_t message_id, const char *html);
struct reply_item	*reply_callback_answer(struct reply *, const char *callback_id, const char *text);

/* Adds a callback button (label from the caller, data <= 64 bytes) to the item's current row. */
void	reply_button(struct reply_item *, struct reply *, const char *label, const char *data);
void	reply_url_button(struct reply_item *, struct reply *, const char *label, const char *url);
/* Following buttons go on a new row. */
void	reply_row(struct reply_item *);

#endif
