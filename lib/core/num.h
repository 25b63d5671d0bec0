/* See LICENSE. num.h: decimal integers out of text with their bounds checked (STYLE.md habit 4: no atoi). */
#ifndef MSB_CORE_NUM_H
#define MSB_CORE_NUM_H

#include <stdint.h>

/*
 * The whole of "s" as a base-10 integer in "lo".."hi" into "*out": no
 * empty text, no leading blanks or trailing characters ("10x"), no
 * overflow. Returns 0, or -1 with "*out" untouched.
 */
int	num_parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out);

#endif
