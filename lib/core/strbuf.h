/* See LICENSE. strbuf.h: a growing byte buffer, always NUL-terminated (git's strbuf). */
#ifndef MSB_CORE_STRBUF_H
#define MSB_CORE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char	*buf;	/* NULL until the first add; then always NUL-terminated */
	size_t	 len;
	size_t	 cap;
};
#define STRBUF_INIT { NULL, 0, 0 }

void	 strbuf_add(struct strbuf *, const void *, size_t);
void	 strbuf_adds(struct strbuf *, const char *);
void	 strbuf_addc(struct strbuf *, char);
void	 strbuf_addf(struct strbuf *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
void	 strbuf_vaddf(struct strbuf *, const char *fmt, va_list);
/* Appends "s" with <, > and & escaped for Telegram's HTML parse mode (and " for attributes). */
void	 strbuf_add_html(struct strbuf *, const char *s);
void	 strbuf_reset(struct strbuf *);	/* len = 0, keeps memory */
void	 strbuf_release(struct strbuf *);	/* frees; reusable afterwards */
/* Gives the caller the malloc'd string ("" when empty); the strbuf is empty after. */
char	*strbuf_detach(struct strbuf *, size_t *len);
/* The text, "" when nothing was added. */
const char *strbuf_str(const struct strbuf *);

#endif
