/* See LICENSE. subject.c: a subject said as "Cloud Computing (CC)": a short code and a full name. */
#include <stdio.h>
#include <string.h>

#include "academic/acad.h"

/*
 * Splits "said" of the form "A (B)" into the shorter part as "code" and the
 * longer as "name" (universities write both orders). Returns 1 when split,
 * 0 when "said" is a bare name (then "code" is a copy of it and "name" "").
 */
int
acad_subject_split(const char *said, char *code, size_t codecap, char *name, size_t namecap)
{
	const char *open = strrchr(said, '(');
	size_t n = strlen(said), alen, blen;

	snprintf(code, codecap, "%s", said);
	name[0] = '\0';
	if (open == NULL || open == said || n < 4 || said[n - 1] != ')' || open[-1] != ' ')
		return 0;
	alen = (size_t)(open - 1 - said);
	blen = (size_t)(said + n - 1 - (open + 1));
	while (alen > 0 && said[alen - 1] == ' ')
		alen--;
	if (alen == 0 || blen == 0 || memchr(open + 1, '(', blen) != NULL)
		return 0;
	if (blen <= alen) {
		snprintf(code, codecap, "%.*s", (int)blen, open + 1);
		snprintf(name, namecap, "%.*s", (int)alen, said);
	} else {
		snprintf(code, codecap, "%.*s", (int)alen, said);
		snprintf(name, namecap, "%.*s", (int)blen, open + 1);
	}
	return 1;
}
