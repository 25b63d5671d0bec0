/* See LICENSE. parse_bench.c: messages parsed per second on one core, over the lines of a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nlu/nlu.h"

#define MAXMSG	4096

/* CPU time of this thread: other processes on a busy machine do not count against the parser. */
static double
seconds(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* bench/parse_bench FILE [SECONDS]: FILE has one "lang<TAB>text" a line. */
int
main(int argc, char **argv)
{
	static char		 lang[MAXMSG][3], *text[MAXMSG];
	struct nlu_now		 now = { 2026, 11, 28, 10, 0, "Europe/Madrid" };
	struct nlu_result	 r;
	char			 line[8192], *tab;
	FILE			*f;
	size_t			 n = 0, i;
	long			 done = 0;
	double			 t0, el, want = argc > 2 ? atof(argv[2]) : 2.0;

	if (argc < 2 || (f = fopen(argv[1], "r")) == NULL) {
		fprintf(stderr, "usage: parse_bench FILE [SECONDS]\n");
		return 2;
	}
	while (n < MAXMSG && fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		snprintf(lang[n], sizeof lang[n], "%s", line);
		text[n++] = strdup(tab + 1);
	}
	fclose(f);
	if (n == 0)
		return 2;
	t0 = seconds();
	do {
		for (i = 0; i < n; i++)
			nlu_parse(text[i], &now, lang[i], &r);
		done += (long)n;
	} while ((el = seconds() - t0) < want);
	printf("parse messages/s on one core (CPU time): %.0f\n", done / el);
	printf("parse time per message: %.2f us\n", el * 1e6 / done);
	printf("parse run: %ld parses of %zu distinct messages in %.2f s\n", done, n, el);
	return 0;
}
