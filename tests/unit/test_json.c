/* See LICENSE. test_json.c: typed paths, wrong types, size and depth limits, UTF-8 repair. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json/json.h"

#define MAXB	(1024 * 1024)

static const char update[] =
    "{\"update_id\":9007199254740993,\"message\":{\"message_id\":5,"
    "\"chat\":{\"id\":-1001234567890,\"type\":\"private\"},"
    "\"text\":\"Hola <b> \\u00e9\",\"is_bot\":false,\"f\":1.5,"
    "\"entities\":[{\"offset\":0},{\"offset\":3}]}}";

static struct json_doc *
parse(const char *s)
{
	char	 err[128];

	return json_parse(s, strlen(s), MAXB, 64, err, sizeof err);
}

static void
test_paths(void **state)
{
	static const char *uid[] = { "update_id", NULL };
	static const char *chat_id[] = { "message", "chat", "id", NULL };
	static const char *text[] = { "message", "text", NULL };
	static const char *isbot[] = { "message", "is_bot", NULL };
	static const char *ents[] = { "message", "entities", NULL };
	static const char *off[] = { "offset", NULL };
	static const char *msg[] = { "message", NULL };
	struct json_doc		*d = parse(update);
	const struct json_node	*r, *e;
	int64_t			 v;
	bool			 b = true;

	assert_non_null(d);
	r = json_root(d);
	assert_true(json_is_object(r));
	assert_int_equal(json_get_i64(r, uid, &v), 0);
	assert_true(v == 9007199254740993LL);
	assert_int_equal(json_get_i64(r, chat_id, &v), 0);
	assert_true(v == -1001234567890LL);
	assert_string_equal(json_get_str(r, text), "Hola <b> \xc3\xa9");
	assert_int_equal(json_get_bool(r, isbot, &b), 0);
	assert_false(b);
	e = json_get(r, ents);
	assert_int_equal(json_array_len(e), 2);
	assert_int_equal(json_get_i64(json_array_at(e, 1), off, &v), 0);
	assert_int_equal(v, 3);
	assert_null(json_array_at(e, 2));
	assert_int_equal(json_object_len(json_get(r, msg)), 6);
	assert_string_equal(json_object_key(json_get(r, msg), 0), "message_id");
	assert_null(json_object_key(json_get(r, msg), 6));
	assert_non_null(json_object_value(json_get(r, msg), 5));
	json_free(d);
	json_free(NULL);
}

static void
test_wrong_types(void **state)
{
	static const char *text[] = { "message", "text", NULL };
	static const char *mid[] = { "message", "message_id", NULL };
	static const char *f[] = { "message", "f", NULL };
	static const char *missing[] = { "message", "nope", "x", NULL };
	static const char *through[] = { "message", "text", "x", NULL };
	struct json_doc		*d = parse(update);
	const struct json_node	*r = json_root(d);
	int64_t			 v;
	bool			 b;

	assert_int_equal(json_get_i64(r, text, &v), -1);
	assert_null(json_get_str(r, mid));
	assert_int_equal(json_get_bool(r, mid, &b), -1);
	assert_int_equal(json_get_i64(r, f, &v), -1);
	assert_null(json_get(r, missing));
	assert_null(json_get(r, through));
	assert_null(json_get_str(r, missing));
	assert_int_equal(json_array_len(json_get(r, text)), 0);
	assert_null(json_str(json_get(r, mid)));
	assert_int_equal(json_object_len(json_get(r, text)), 0);
	assert_null(json_get(NULL, text));
	json_free(d);
}

static void
test_limits(void **state)
{
	size_t		 n = 10000, i;
	char		*deep = malloc(2 * n + 1), err[128];
	struct json_doc	*d;

	for (i = 0; i < n; i++) {
		deep[i] = '[';
		deep[n + i] = ']';
	}
	deep[2 * n] = '\0';
	d = json_parse(deep, 2 * n, MAXB, 64, err, sizeof err);
	assert_null(d);
	assert_string_equal(err, "JSON nested too deep");
	/* The same depth inside a string is only text. */
	memset(deep, '[', 2 * n);
	deep[0] = '"';
	deep[2 * n - 1] = '"';
	d = json_parse(deep, 2 * n, MAXB, 64, err, sizeof err);
	assert_non_null(d);
	json_free(d);
	d = json_parse("[[[1]]]", 7, MAXB, 3, err, sizeof err);
	assert_non_null(d);
	json_free(d);
	assert_null(json_parse("[[[[1]]]]", 9, MAXB, 3, err, sizeof err));
	assert_null(json_parse(update, strlen(update), 100, 64, err, sizeof err));
	assert_string_equal(err, "JSON too big");
	assert_null(json_parse("{\"a\":", 5, MAXB, 64, err, sizeof err));
	assert_null(strchr(err, '\n'));
	assert_null(strstr(err, "\"a\""));
	assert_null(json_parse("{\"a\":1}\0x", 9, MAXB, 64, err, sizeof err));
	assert_null(json_parse("", 0, MAXB, 64, err, sizeof err));
	free(deep);
}

static void
test_gen(void **state)
{
	struct json_gen	*g = json_gen_new();
	const char	*t;
	size_t		 len;

	json_gen_obj_open(g);
	json_gen_kv_i64(g, "chat_id", -1001234567890LL);
	json_gen_kv_str(g, "text", "ok \xff bad \xc3 end \xed\xa0\x80 \xc3\xa9");
	json_gen_kv_bool(g, "x", true);
	json_gen_str(g, "n");
	json_gen_null(g);
	json_gen_str(g, "a");
	json_gen_arr_open(g);
	json_gen_str(g, NULL);
	json_gen_strn(g, "q\"\\\n", 4);
	json_gen_arr_close(g);
	json_gen_obj_close(g);
	t = json_gen_text(g, &len);
	assert_non_null(t);
	assert_string_equal(t, "{\"chat_id\":-1001234567890,\"text\":\"ok \xef\xbf\xbd bad "
	    "\xef\xbf\xbd end \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd \xc3\xa9\",\"x\":true,"
	    "\"n\":null,\"a\":[null,\"q\\\"\\\\\\n\"]}");
	assert_int_equal(len, strlen(t));
	json_gen_free(g);
	json_gen_free(NULL);
}

static void
test_gen_misuse(void **state)
{
	struct json_gen	*g = json_gen_new();
	size_t		 len = 7;

	json_gen_obj_open(g);
	json_gen_i64(g, 1);	/* a key must be a string */
	assert_null(json_gen_text(g, &len));
	assert_int_equal(len, 0);
	json_gen_free(g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_gen),
		cmocka_unit_test(test_gen_misuse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
