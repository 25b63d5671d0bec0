/* See LICENSE. strbuf.c: the growing NUL-terminated byte buffer, and HTML escaping for Telegram. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/log.h"
#include "core/mem.h"

/* Makes room for "extra" more bytes plus the NUL; doubles to keep appends amortised O(1). */
static void
strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t	 want;

	if (extra > SIZE_MAX - sb->len - 1) {
		log_err("strbuf: length overflow");
		abort();
	}
	want = sb->len + extra + 1;
	if (want <= sb->cap)
		return;
	if (sb->cap < 64)
		sb->cap = 64;
	while (sb->cap < want)
		sb->cap = sb->cap > SIZE_MAX / 2 ? want : sb->cap * 2;
	sb->buf = xrealloc(sb->buf, sb->cap);
}

void
strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	strbuf_grow(sb, len);
	if (len > 0)
		memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addc(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void
strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list	 cp;
	int	 n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		log_err("strbuf_vaddf: bad format");
		abort();
	}
	strbuf_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

/*
 * Telegram's HTML parse mode accepts only &lt; &gt; &amp; &quot; as named
 * entities (Bot API "Formatting options"); an unescaped < in a user's title
 * makes the whole message fail with 400, so every user string passes here.
 */
void
strbuf_add_html(struct strbuf *sb, const char *s)
{
	const char	*run = s;

	for (; *s != '\0'; s++) {
		const char *ent;

		switch (*s) {
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '&': ent = "&amp;"; break;
		case '"': ent = "&quot;"; break;
		default: continue;
		}
		strbuf_add(sb, run, (size_t)(s - run));
		strbuf_adds(sb, ent);
		run = s + 1;
	}
	strbuf_add(sb, run, (size_t)(s - run));
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

void
strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
}

char *
strbuf_detach(struct strbuf *sb, size_t *len)
{
	char	*s = sb->buf != NULL ? sb->buf : xstrdup("");

	if (len != NULL)
		*len = sb->len;
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
	return s;
}

const char *
strbuf_str(const struct strbuf *sb)
{
	return sb->buf != NULL ? sb->buf : "";
}
