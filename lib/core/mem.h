/* See LICENSE. mem.h: allocation that never returns NULL, and the per-request arena. */
#ifndef MSB_CORE_MEM_H
#define MSB_CORE_MEM_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Out of memory is not a condition a worker can answer sensibly: these log
 * the size and abort(), and the supervisor (the pool's parent) respawns.
 */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);

/*
 * An arena hands out memory that lives until arena_reset() or arena_free():
 * everything a request allocates comes from one, and is freed in one place.
 */
struct arena;

struct arena	*arena_new(void);
void		 arena_free(struct arena *);          /* NULL-safe */
void		 arena_reset(struct arena *);         /* keeps the first block */
void		*arena_alloc(struct arena *, size_t); /* zeroed, aligned for any type */
char		*arena_strdup(struct arena *, const char *);   /* NULL in, NULL out */
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
char		*arena_vprintf(struct arena *, const char *fmt, va_list);

#endif
