/* See LICENSE. split.c: a long list cut into messages Telegram accepts (4096 characters each). */
#include <string.h>

#include "tasks/internal.h"
#include "core/mem.h"

/*
 * Lines are never cut in the middle (a cut could split an HTML tag or a
 * UTF-8 sequence); a chunk closes before the line that would overflow it.
 * Byte length is used as the measure: Telegram counts UTF-16 units after
 * removing the markup, which is never more than the UTF-8 bytes.
 */
size_t
tasks_split(struct arena *a, const char *header, const char *const *lines, size_t nlines,
    size_t max, const char ***chunks)
{
	const char **out;
	char *buf;
	size_t i, n = 0, len = 0, ll, hl = header ? strlen(header) : 0;

	out = arena_alloc(a, (nlines + 2) * sizeof *out);
	buf = arena_alloc(a, max + 1);
	if (hl > 0 && hl <= max) {
		memcpy(buf, header, hl);
		len = hl;
	}
	for (i = 0; i < nlines; i++) {
		ll = strlen(lines[i]);
		if (ll > max - 1)
			ll = max - 1;	/* not reachable with bounded titles; keeps the invariant */
		if (len > 0 && len + 1 + ll > max) {
			buf[len] = '\0';
			out[n++] = buf;
			buf = arena_alloc(a, max + 1);
			len = 0;
		}
		if (len > 0)
			buf[len++] = '\n';
		memcpy(buf + len, lines[i], ll);
		len += ll;
	}
	if (len > 0) {
		buf[len] = '\0';
		out[n++] = buf;
	}
	*chunks = out;
	return n;
}
