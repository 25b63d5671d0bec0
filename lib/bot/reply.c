/* See LICENSE. reply.c: building the reply list in the request's arena. */
#include <stdarg.h>
#include <string.h>

#include "bot/reply.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/strbuf.h"

void
reply_init(struct reply *r, struct arena *a, const char *lang, int64_t chat_id)
{
	memset(r, 0, sizeof *r);
	r->a = a;
	r->lang = lang;
	r->chat_id = chat_id;
}

static struct reply_item *
reply_add(struct reply *r, enum reply_kind kind)
{
	struct reply_item *it, *grown;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 4;
		grown = arena_alloc(r->a, r->cap * sizeof *grown);
		if (r->n > 0)
			memcpy(grown, r->items, r->n * sizeof *grown);
		r->items = grown;
	}
	it = &r->items[r->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->chat_id = r->chat_id;
	return it;
}

/*
 * Where to end a chunk of at most REPLY_MAX_TEXT bytes of "s": after the last
 * newline, else the last space, else on a UTF-8 character boundary.
 */
static size_t
chunk_end(const char *s, size_t len)
{
	size_t i;

	if (len <= REPLY_MAX_TEXT)
		return len;
	for (i = REPLY_MAX_TEXT; i > REPLY_MAX_TEXT / 2; i--)
		if (s[i - 1] == '\n')
			return i;
	for (i = REPLY_MAX_TEXT; i > REPLY_MAX_TEXT / 2; i--)
		if (s[i - 1] == ' ')
			return i;
	for (i = REPLY_MAX_TEXT; i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; i--)
		;
	return i;
}

/*
 * A message of "html"; text over Telegram's limit becomes several messages,
 * cut between lines, so no module can lose a reply to a 400. Buttons added
 * to the returned item go under the last part.
 */
static struct reply_item *
reply_message(struct reply *r, const char *html)
{
	struct reply_item *it = NULL;
	size_t len = strlen(html), n;

	do {
		n = chunk_end(html, len);
		it = reply_add(r, REPLY_MESSAGE);
		it->text = arena_strndup(r->a, html, n);
		html += n;
		len -= n;
	} while (len > 0);
	return it;
}

struct reply_item *
reply_text(struct reply *r, const char *html)
{
	return reply_message(r, html ? html : "");
}

/* The catalog text of "key" formatted with "ap". The format comes from our catalogs, never from users. */
static const char *
reply_vfmt(struct reply *r, const char *key, va_list ap)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	return arena_vprintf(r->a, i18n_get(r->lang, key), ap);
#pragma GCC diagnostic pop
}

const char *
reply_fmt(struct reply *r, const char *key, ...)
{
	va_list ap;
	const char *s;

	va_start(ap, key);
	s = reply_vfmt(r, key, ap);
	va_end(ap);
	return s;
}

struct reply_item *
reply_msgf(struct reply *r, const char *key, ...)
{
	const char *text;
	va_list ap;

	va_start(ap, key);
	text = reply_vfmt(r, key, ap);
	va_end(ap);
	return reply_message(r, text);
}

const char *
reply_esc(struct reply *r, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	strbuf_add_html(&sb, s ? s : "");
	out = arena_strdup(r->a, strbuf_str(&sb));
	strbuf_release(&sb);
	return out;
}

static struct reply_item *
reply_file(struct reply *r, enum reply_kind kind, const void *bytes, size_t len,
    const char *filename, const char *mime, const char *caption)
{
	struct reply_item *it = reply_add(r, kind);
	unsigned char *copy = arena_alloc(r->a, len ? len : 1);

	memcpy(copy, bytes, len);
	it->file = copy;
	it->file_len = len;
	it->filename = arena_strdup(r->a, filename);
	it->mime = arena_strdup(r->a, mime);
	it->text = arena_strdup(r->a, caption);
	return it;
}

struct reply_item *
reply_photo(struct reply *r, const void *png, size_t len, const char *caption_html)
{
	return reply_file(r, REPLY_PHOTO, png, len, "chart.png", "image/png", caption_html);
}

struct reply_item *
reply_document(struct reply *r, const void *bytes, size_t len, const char *filename,
    const char *mime, const char *caption_html)
{
	return reply_file(r, REPLY_DOCUMENT, bytes, len, filename, mime, caption_html);
}

struct reply_item *
reply_edit(struct reply *r, int64_t message_id, const char *html)
{
	struct reply_item *it = reply_add(r, REPLY_EDIT);

	it->message_id = message_id;
	it->text = arena_strdup(r->a, html);
	return it;
}

struct reply_item *
reply_callback_answer(struct reply *r, const char *callback_id, const char *text)
{
	struct reply_item *it = reply_add(r, REPLY_CALLBACK_ANSWER);

	it->callback_id = arena_strdup(r->a, callback_id);
	it->text = arena_strdup(r->a, text);
	return it;
}

static struct reply_button *
next_button(struct reply_item *it)
{
	struct reply_button *b;

	/* A keyboard of more than REPLY_MAX_BUTTONS is a bug of the caller, not the user: keep the first ones. */
	if (it->nbuttons >= REPLY_MAX_BUTTONS)
		return NULL;
	b = &it->buttons[it->nbuttons++];
	memset(b, 0, sizeof *b);
	b->row = it->row;
	return b;
}

void
reply_button(struct reply_item *it, struct reply *r, const char *label, const char *data)
{
	struct reply_button *b = next_button(it);

	if (b == NULL)
		return;
	b->text = arena_strdup(r->a, label);
	/* callback_data is limited to 64 bytes by the Bot API; ours are short ids. */
	b->data = arena_strndup(r->a, data, 64);
}

void
reply_url_button(struct reply_item *it, struct reply *r, const char *label, const char *url)
{
	struct reply_button *b = next_button(it);

	if (b == NULL)
		return;
	b->text = arena_strdup(r->a, label);
	b->url = arena_strdup(r->a, url);
}

void
reply_row(struct reply_item *it)
{
	if (it->nbuttons > 0 && it->buttons[it->nbuttons - 1].row == it->row)
		it->row++;
}
