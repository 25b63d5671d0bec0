/* See LICENSE. num.c: strtoll with an end pointer, errno and a range, in one place. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "core/num.h"

int
num_parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
	char *end;
	long long v;

	/* strtoll would skip leading white space; a number typed by someone should not. */
	if (s == NULL || *s == '\0' || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = (int64_t)v;
	return 0;
}
