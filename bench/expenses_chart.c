/* See LICENSE. expenses_chart.c: time to draw each expense chart kind into PNG bytes (bench/expenses.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chart/chart.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "expenses/money.h"

static void
fmt(void *arg, int64_t v, char *buf, size_t len)
{
	struct strbuf sb = STRBUF_INIT;

	(void)arg;
	money_format(&sb, v, "EUR", "es");
	snprintf(buf, len, "%s", strbuf_str(&sb));
	strbuf_release(&sb);
}

static double
now_ms(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	static const char *cats[] = { "Comida", "Transporte", "Vivienda", "Estudios", "Ocio", "Salud", "Compras",
	    "Facturas", "Otros" };
	static const char *names[] = { "pie", "bars (31 days)", "line (2 months)", "grouped (6 months x 9)" };
	int runs = argc > 1 ? atoi(argv[1]) : 50, k, i, j;
	const char *days[31];
	char dl[31][4];
	int64_t cv[9], d1[31], d2[31], m[6][9];
	struct chart_series pie = { "", cv, 9, 0 }, bars = { "", d1, 31, 0 }, lines[2], groups[6];
	struct arena *a = arena_new();
	double *t = calloc((size_t)runs, sizeof *t), *cpu = calloc((size_t)runs, sizeof *cpu);

	for (i = 0; i < 9; i++)
		cv[i] = (i + 1) * 2345 + (i % 3) * 10000;
	for (i = 0; i < 31; i++) {
		snprintf(dl[i], sizeof dl[i], "%d", i + 1);
		days[i] = dl[i];
		d1[i] = (i + 1) * 1234 + (i % 3) * 3000;
		d2[i] = (i + 1) * 1000;
	}
	for (j = 0; j < 6; j++) {
		for (i = 0; i < 9; i++)
			m[j][i] = (i + 1) * (j + 2) * 700;
		groups[j] = (struct chart_series){ "nov 2026", m[j], 9, 0 };
	}
	lines[0] = (struct chart_series){ "noviembre: 345,54 €", d1, 28, 0 };
	lines[1] = (struct chart_series){ "octubre: 310,00 €", d2, 31, 0 };
	/* Wall time suffers from whatever else the machine runs; CPU time is the chart's own cost. */
	printf("chart rendering at 1080 px wide, %d runs each (median / worst):\n", runs);
	for (k = 0; k < 4; k++) {
		struct chart c = { CHART_PIE, "Reparto por categoría · noviembre de 2026", "Total: 1.234,56 €",
		    cats, NULL, 9, &pie, 1, fmt, NULL, 0, 0, NULL };
		size_t len = 0, bytes = 0;

		if (k == 1) { c.kind = CHART_BARS; c.labels = days; c.nlabels = 31; c.series = &bars; }
		if (k == 2) { c.kind = CHART_LINES; c.labels = days; c.nlabels = 31; c.series = lines; c.nseries = 2; }
		if (k == 3) { c.kind = CHART_GROUPED; c.series = groups; c.nseries = 6; c.subtitle = NULL; }
		chart_png(&c, a, &len);		/* the first run loads the font */
		for (i = 0; i < runs; i++) {
			double t0 = now_ms(CLOCK_MONOTONIC), c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);

			if (chart_png(&c, a, &len) == NULL)
				return 1;
			t[i] = now_ms(CLOCK_MONOTONIC) - t0;
			cpu[i] = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
			bytes = len;
			arena_reset(a);
		}
		qsort(t, (size_t)runs, sizeof *t, cmp);
		qsort(cpu, (size_t)runs, sizeof *cpu, cmp);
		printf("  %-24s wall %6.2f / %6.2f ms   cpu %6.2f / %6.2f ms   %zu bytes\n", names[k], t[runs / 2],
		    t[runs - 1], cpu[runs / 2], cpu[runs - 1], bytes);
	}
	free(t);
	free(cpu);
	arena_free(a);
	return 0;
}
