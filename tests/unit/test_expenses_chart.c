/* See LICENSE. test_expenses_chart.c: each chart kind gives a PNG of the asked size; nothing to draw gives none. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart/chart.h"
#include "core/mem.h"

static const char *const labels[] = { "Comida", "Transporte", "Vivienda", "Educación", "Ocio" };
static const int64_t vals[] = { 32050, 12000, 45000, 0, 2390 };

static void
fmt(void *arg, int64_t v, char *buf, size_t len)
{
	snprintf(buf, len, "%lld,%02lld €", (long long)(v / 100), (long long)(v % 100));
}

/* Width and height from the IHDR chunk, after checking the PNG signature (RFC 2083 3.1, 4.1.1). */
static void
assert_png(const unsigned char *p, size_t len, unsigned w, unsigned h)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	assert_non_null(p);
	assert_true(len > 33);
	assert_memory_equal(p, sig, 8);
	assert_memory_equal(p + 12, "IHDR", 4);
	assert_int_equal((unsigned)p[16] << 24 | p[17] << 16 | p[18] << 8 | p[19], w);
	if (h > 0)
		assert_int_equal((unsigned)p[20] << 24 | p[21] << 16 | p[22] << 8 | p[23], h);
	assert_memory_equal(p + len - 8, "IEND", 4);
}

static void
test_kinds(void **state)
{
	struct arena *a = arena_new();
	struct chart_series s[2] = { { "noviembre", vals, 5, 0 }, { "octubre", vals, 3, 0x999999 } };
	struct chart c = { CHART_PIE, "Gastos · noviembre", "Total: 915,40 €", labels, NULL, 5, s, 1, fmt, NULL,
	    0, 0, NULL };
	enum chart_kind k[] = { CHART_PIE, CHART_BARS, CHART_LINES, CHART_GROUPED };
	unsigned char *png;
	size_t i, len = 0;

	for (i = 0; i < 4; i++) {
		c.kind = k[i];
		c.nseries = k[i] == CHART_LINES || k[i] == CHART_GROUPED ? 2 : 1;
		png = chart_png(&c, a, &len);
		assert_png(png, len, 1080, k[i] == CHART_PIE ? 0 : 860);
	}
	c.width = 600;
	c.height = 400;
	png = chart_png(&c, a, &len);
	assert_png(png, len, 600, 400);
	arena_free(a);
}

static void
test_nothing_to_draw(void **state)
{
	struct arena *a = arena_new();
	static const int64_t zeros[] = { 0, 0, 0 };
	struct chart_series s = { "x", zeros, 3, 0 };
	struct chart c = { CHART_PIE, "t", NULL, labels, NULL, 3, &s, 1, fmt, NULL, 0, 0, NULL };
	size_t len = 0;

	assert_null(chart_png(&c, a, &len));
	c.kind = CHART_BARS;
	assert_null(chart_png(&c, a, &len));
	c.nlabels = 0;
	assert_null(chart_png(&c, a, &len));
	arena_free(a);
}

/* Thirty-one days of bars: labels thin out instead of overlapping, and it still draws. */
static void
test_many_labels(void **state)
{
	struct arena *a = arena_new();
	const char *days[31];
	int64_t v[31];
	char names[31][12];
	struct chart_series s = { "x", v, 31, 0 };
	struct chart c = { CHART_BARS, "Por día", NULL, days, NULL, 31, &s, 1, fmt, NULL, 0, 0, NULL };
	size_t len = 0;
	int i;
	unsigned char *png;

	for (i = 0; i < 31; i++) {
		snprintf(names[i], sizeof names[i], "%d", i + 1);
		days[i] = names[i];
		v[i] = (i % 4) * 1234;
	}
	png = chart_png(&c, a, &len);
	assert_png(png, len, 1080, 860);
	assert_true(chart_color(0) != chart_color(1));
	assert_true(chart_color(3) == chart_color(13));
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_nothing_to_draw),
		cmocka_unit_test(test_many_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
