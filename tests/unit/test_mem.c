/* See LICENSE. test_mem.c: the arena (alignment, zeroing, big blocks, reset) and xstrndup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/mem.h"

static void
test_x(void **state)
{
	char	*s = xstrndup("abcdef", 3);

	assert_string_equal(s, "abc");
	free(s);
	s = xstrdup("");
	assert_string_equal(s, "");
	free(s);
	s = xcalloc(4, 8);
	assert_int_equal(s[31], 0);
	s = xrealloc(s, 100);
	free(s);
}

static void
test_arena(void **state)
{
	struct arena	*a = arena_new();
	char		*p, *q, *big;
	int		 i;

	for (i = 0; i < 5000; i++) {
		p = arena_alloc(a, (size_t)(i % 13) + 1);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		assert_int_equal(p[0], 0);
		memset(p, 0xaa, (size_t)(i % 13) + 1);
	}
	big = arena_alloc(a, 1 << 20);
	assert_int_equal(big[(1 << 20) - 1], 0);
	memset(big, 1, 1 << 20);
	q = arena_strdup(a, "hello");
	assert_string_equal(q, "hello");
	assert_null(arena_strdup(a, NULL));
	assert_string_equal(arena_strndup(a, "hello", 2), "he");
	assert_string_equal(arena_printf(a, "%s-%d", "x", 7), "x-7");
	arena_reset(a);
	p = arena_alloc(a, 64);
	assert_int_equal(p[63], 0);
	assert_string_equal(arena_printf(a, "%0300d", 1) + 299, "1");
	arena_reset(a);
	arena_reset(a);
	arena_free(a);
	arena_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x),
		cmocka_unit_test(test_arena),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
