/* See LICENSE. test_expenses_catalog.c: every expenses sentence in both languages, with the same printf arguments. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/i18n.h"
#include "expenses/expenses.h"

/* The argument types of format "f" by position ("s", "d", "ld"...), joined in "out". */
static void
signature(const char *f, char *out, size_t len)
{
	char types[16][4] = { { 0 } };
	int seq = 0, pos, n, max = 0, i;
	const char *p = f;

	while ((p = strchr(p, '%')) != NULL) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		pos = ++seq;
		n = (int)strspn(p, "0123456789");
		if (n > 0 && p[n] == '$') {
			pos = atoi(p);
			p += n + 1;
		}
		p += strspn(p, "-+ 0#'");
		p += strspn(p, "0123456789");
		if (*p == '.')
			p += 1 + strspn(p + 1, "0123456789");
		n = (int)strspn(p, "lhz");
		assert_true(pos >= 1 && pos < 16);
		snprintf(types[pos], sizeof types[pos], "%.*s%c", n, p, p[n] == 'i' ? 'd' : p[n]);
		p += n + 1;
		if (pos > max)
			max = pos;
	}
	out[0] = '\0';
	for (i = 1; i <= max; i++) {
		if (types[i][0] == '\0')	/* a gap: an argument printf cannot skip */
			fail_msg("%s: argument %d unused", f, i);
		strncat(out, types[i], len - strlen(out) - 1);
		strncat(out, ",", len - strlen(out) - 1);
	}
}

static void
test_same_arguments(void **state)
{
	const struct msg *m;
	char es[128], en[128];
	int n = 0;

	for (m = expenses_msgs; m->key != NULL; m++, n++) {
		assert_non_null(m->es);
		assert_non_null(m->en);
		assert_true(strncmp(m->key, "expenses.", 9) == 0);
		signature(m->es, es, sizeof es);
		signature(m->en, en, sizeof en);
		if (strcmp(es, en) != 0)
			fail_msg("%s: es takes %s, en takes %s", m->key, es, en);
	}
	assert_true(n > 50);
}

/* The lookups the code composes at run time ("expenses.cat.%s", "expenses.month.%d"...) all exist. */
static void
test_composed_keys(void **state)
{
	static const char *const keys[] = {
		"expenses.cat.food", "expenses.cat.other", "expenses.every.day", "expenses.every.year",
		"expenses.every.none", "expenses.per.week", "expenses.per.month", "expenses.per.year",
		"expenses.title.pie", "expenses.title.bar", "expenses.title.cat", "expenses.title.line",
		"expenses.title.cmp", "expenses.btn.chart_pie", "expenses.btn.chart_cmp", "expenses.month.12",
		"expenses.mon.1", "expenses.wd.7",
	};
	size_t i;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		assert_string_not_equal(i18n_get("es", keys[i]), keys[i]);
		assert_string_not_equal(i18n_get("en", keys[i]), keys[i]);
	}
	assert_string_equal(i18n_get("en", "expenses.month.11"), "November");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_arguments),
		cmocka_unit_test(test_composed_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
