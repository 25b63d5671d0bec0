/* See LICENSE. test_strbuf.c: strbuf appends, detach, and HTML escaping for Telegram. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/strbuf.h"

static void
test_empty(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*s;
	size_t		 len = 99;

	assert_string_equal(strbuf_str(&sb), "");
	s = strbuf_detach(&sb, &len);
	assert_string_equal(s, "");
	assert_int_equal(len, 0);
	free(s);
	strbuf_release(&sb);
}

static void
test_appends(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	int		 i;

	strbuf_adds(&sb, "abc");
	strbuf_addc(&sb, '-');
	strbuf_addf(&sb, "%d/%s", 42, "x");
	strbuf_add(&sb, "\0z", 2);
	assert_int_equal(sb.len, 10);
	assert_memory_equal(sb.buf, "abc-42/x\0z", 10);
	assert_int_equal(sb.buf[sb.len], '\0');
	strbuf_reset(&sb);
	assert_string_equal(strbuf_str(&sb), "");
	for (i = 0; i < 10000; i++)
		strbuf_addc(&sb, 'a' + i % 26);
	assert_int_equal(sb.len, 10000);
	assert_int_equal(strlen(sb.buf), 10000);
	assert_true(sb.cap > sb.len);
	strbuf_release(&sb);
	assert_null(sb.buf);
	strbuf_adds(&sb, "again");
	assert_string_equal(strbuf_str(&sb), "again");
	strbuf_release(&sb);
}

static void
test_detach(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 len;
	char		*s;

	strbuf_addf(&sb, "%s", "hello");
	s = strbuf_detach(&sb, &len);
	assert_string_equal(s, "hello");
	assert_int_equal(len, 5);
	assert_null(sb.buf);
	assert_int_equal(sb.len, 0);
	free(s);
}

static void
test_html(void **state)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "", "" },
		{ "plain", "plain" },
		{ "<b>", "&lt;b&gt;" },
		{ "a & b", "a &amp; b" },
		{ "say \"hi\"", "say &quot;hi&quot;" },
		{ "&amp;", "&amp;amp;" },
		{ "<<>>&&", "&lt;&lt;&gt;&gt;&amp;&amp;" },
		{ "Cálculo < 5 ñ", "Cálculo &lt; 5 ñ" },
		{ "'single'", "'single'" },
	};
	size_t	 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_adds(&sb, "[");
		strbuf_add_html(&sb, cases[i].in);
		strbuf_adds(&sb, "]");
		assert_true(strncmp(sb.buf, "[", 1) == 0);
		assert_int_equal(sb.len, strlen(cases[i].out) + 2);
		assert_memory_equal(sb.buf + 1, cases[i].out, strlen(cases[i].out));
		strbuf_release(&sb);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_detach),
		cmocka_unit_test(test_html),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
