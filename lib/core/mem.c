/* See LICENSE. mem.c: xmalloc and friends (abort on OOM) and the chained-block arena. */
#include <stdarg.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mem.h"
#include "core/log.h"

/*
 * Out of memory: say how much was asked for, then abort() so the supervisor
 * respawns a clean worker (STYLE.md habit 8: redis and git do the same).
 */
static void
oom(size_t n)
{
	log_err("out of memory allocating %zu bytes", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void	*p = malloc(n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if (size != 0 && nmemb > SIZE_MAX / size)
		oom(SIZE_MAX);
	p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (p == NULL)
		oom(nmemb * size);
	return p;
}

void *
xrealloc(void *old, size_t n)
{
	void	*p = realloc(old, n ? n : 1);

	if (p == NULL)
		oom(n);
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	size_t	 len = strnlen(s, n);
	char	*p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/*
 * The arena: a chain of blocks, newest first. Small requests are carved from
 * the head block; a request larger than a default block gets a block of its
 * own. arena_reset keeps only the first (oldest) block, so a FastCGI loop
 * that resets after each request stops calling malloc once warm.
 */
#define ARENA_BLOCK	(16 * 1024)
#define ARENA_ALIGN	(alignof(max_align_t))

struct block {
	struct block	*next;	/* older block */
	size_t		 size;	/* usable bytes in data[] */
	size_t		 used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block	*head;	/* newest block; the chain ends at the first one */
};

static struct block *
block_new(size_t size)
{
	struct block	*b;

	if (size > SIZE_MAX - sizeof *b)
		oom(SIZE_MAX);
	b = xmalloc(sizeof *b + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct arena *
arena_new(void)
{
	struct arena	*a = xmalloc(sizeof *a);

	a->head = block_new(ARENA_BLOCK);
	return a;
}

/* Frees every block from "b" to the end of the chain except the last when "keep_first". */
static struct block *
free_chain(struct block *b, int keep_first)
{
	struct block	*next;

	while (b != NULL) {
		next = b->next;
		if (next == NULL && keep_first)
			return b;
		free(b);
		b = next;
	}
	return NULL;
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	free_chain(a->head, 0);
	free(a);
}

void
arena_reset(struct arena *a)
{
	if (a == NULL)
		return;
	a->head = free_chain(a->head, 1);
	a->head->used = 0;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct block	*b = a->head;
	size_t		 off, need;
	void		*p;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - ARENA_ALIGN)
		oom(n);
	need = (n + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	off = b->used;
	if (need > b->size - off) {
		b = block_new(need > ARENA_BLOCK ? need : ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
		off = 0;
	}
	p = b->data + off;
	b->used = off + need;
	memset(p, 0, n);
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	size_t	 len;
	char	*p;

	if (s == NULL)
		return NULL;
	len = strnlen(s, n);
	p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	return p;
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 cp;
	int	 n;
	char	*p;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		log_err("arena_vprintf: bad format");
		abort();
	}
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
