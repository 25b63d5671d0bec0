/* See LICENSE. timetable.c: how long the weekly timetable PNG takes to draw (bench/timetable.sh builds and runs it). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "academic/acad.h"

/* A full week: 25 classes Monday to Saturday, long names, an overlap, alternate weeks. */
static const struct acad_block week[] = {
	{ "CC", "1.6", 1, 510, 630, 0, 1 }, { "Álgebra Lineal", "0.3", 1, 630, 750, 1, 1 },
	{ "SO", "3.2", 1, 690, 810, 2, 1 }, { "Redes", "Lab 2", 1, 900, 1020, 3, 2 },
	{ "IA", "1.1", 2, 540, 660, 4, 1 }, { "BD", "1.2", 2, 660, 780, 5, 1 },
	{ "PL", "1.3", 2, 960, 1080, 6, 1 }, { "Estadística y Probabilidad", "2.1", 2, 1080, 1200, 7, 1 },
	{ "CC", "1.6", 3, 510, 630, 0, 1 }, { "Álgebra Lineal", "0.3", 3, 630, 750, 1, 1 },
	{ "Redes", "Lab 2", 3, 900, 1020, 3, 1 }, { "TFG", NULL, 3, 1020, 1140, 8, 1 },
	{ "IA", "1.1", 4, 540, 660, 4, 1 }, { "BD", "1.2", 4, 660, 780, 5, 1 },
	{ "SO", "3.2", 4, 780, 900, 2, 1 }, { "PL", "1.3", 4, 960, 1080, 6, 1 },
	{ "Inglés B2", "Idiomas 4", 5, 540, 660, 9, 1 }, { "Ética", "0.1", 5, 660, 720, 10, 1 },
	{ "Estadística y Probabilidad", "2.1", 5, 720, 840, 7, 1 }, { "CC", "Lab 1", 5, 900, 1020, 0, 2 },
	{ "Tutoría", "Despacho 4", 6, 600, 660, 11, 1 }, { "Deporte", "Pabellón", 6, 660, 780, 9, 1 },
	{ "IA", "Lab 3", 5, 1020, 1140, 4, 2 }, { "BD", "Lab 3", 2, 780, 900, 5, 2 },
	{ "SO", "Lab 4", 3, 750, 870, 2, 2 },
};

static double
clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

int
main(int argc, char **argv)
{
	int i, runs = argc > 1 ? atoi(argv[1]) : 100;
	size_t n = sizeof week / sizeof week[0], len = 0;
	double t0, first, total, best = 1e9, cpu0;
	void *png;

	t0 = now_ms();
	if (acad_timetable_png(week, n, "es", &png, &len) != 0)
		return 1;
	first = now_ms() - t0;	/* includes loading the fonts into FreeType's cache */
	free(png);
	total = 0;
	cpu0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	for (i = 0; i < runs; i++) {
		double t = now_ms(), d;

		if (acad_timetable_png(week, n, "es", &png, &len) != 0)
			return 1;
		d = now_ms() - t;
		total += d;
		if (d < best)
			best = d;
		free(png);
	}
	/* "name: value" lines, as bench/run collects them. CPU time is what the machine's other load cannot inflate. */
	printf("timetable PNG, full week (%zu classes), CPU per image: %.2f ms\n", n,
	    (clock_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu0) / runs);
	printf("timetable PNG, wall clock, mean of %d: %.2f ms\n", runs, total / runs);
	printf("timetable PNG, best: %.2f ms\n", best);
	printf("timetable PNG, first (fonts loaded): %.2f ms\n", first);
	printf("timetable PNG size: %zu bytes\n", len);
	return 0;
}
