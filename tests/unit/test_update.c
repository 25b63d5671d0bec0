/* See LICENSE. test_update.c: Telegram Update JSON into struct update, and what is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bot/deliver.h"
#include "bot/reply.h"
#include "bot/update.h"
#include "core/mem.h"
#include "json/json.h"

static enum update_parse_status
parse(const char *json, struct arena *a, struct update *u)
{
	return update_parse(json, strlen(json), a, u);
}

static void
test_message(void **state)
{
	struct arena *a = arena_new();
	struct update u;

	assert_int_equal(parse("{\"update_id\":9007199254740993,\"message\":{\"message_id\":5,\"date\":1,"
	    "\"chat\":{\"id\":-100123,\"type\":\"private\"},\"from\":{\"id\":8000000000,\"first_name\":\"Ana\","
	    "\"language_code\":\"es-ES\"},\"text\":\"Bus 5\\u20ac semana\"}}", a, &u), UPDATE_PARSE_OK);
	assert_true(u.update_id == 9007199254740993LL);	/* past 2^53: no double on the way */
	assert_int_equal(u.kind, UPDATE_MESSAGE);
	assert_true(u.user_id == 8000000000LL);
	assert_true(u.chat_id == -100123);
	assert_int_equal(u.message_id, 5);
	assert_string_equal(u.text, "Bus 5\xe2\x82\xac semana");
	assert_string_equal(u.language_code, "es-ES");
	assert_null(u.callback_data);
	arena_free(a);
}

static void
test_callback_and_member(void **state)
{
	struct arena *a = arena_new();
	struct update u;

	assert_int_equal(parse("{\"update_id\":2,\"callback_query\":{\"id\":\"cb1\",\"from\":{\"id\":7},"
	    "\"data\":\"t:done:3\",\"message\":{\"message_id\":44,\"chat\":{\"id\":7}}}}", a, &u), UPDATE_PARSE_OK);
	assert_int_equal(u.kind, UPDATE_CALLBACK_QUERY);
	assert_string_equal(u.callback_id, "cb1");
	assert_string_equal(u.callback_data, "t:done:3");
	assert_int_equal(u.message_id, 44);
	assert_int_equal(u.chat_id, 7);
	assert_int_equal(parse("{\"update_id\":3,\"my_chat_member\":{\"from\":{\"id\":7},\"chat\":{\"id\":7,"
	    "\"type\":\"private\"},\"new_chat_member\":{\"status\":\"kicked\"}}}", a, &u), UPDATE_PARSE_OK);
	assert_int_equal(u.kind, UPDATE_MY_CHAT_MEMBER);
	assert_string_equal(u.member_status, "kicked");
	/* Kinds the bot does not handle are Updates all the same. */
	assert_int_equal(parse("{\"update_id\":4,\"poll\":{\"id\":\"x\"}}", a, &u), UPDATE_PARSE_OK);
	assert_int_equal(u.kind, UPDATE_OTHER);
	arena_free(a);
}

static void
test_refused(void **state)
{
	struct arena *a = arena_new();
	struct update u;
	char *deep, *big;
	size_t i;

	assert_int_equal(parse("not json", a, &u), UPDATE_PARSE_NOT_JSON);
	assert_int_equal(parse("", a, &u), UPDATE_PARSE_NOT_JSON);
	assert_int_equal(parse("[1,2]", a, &u), UPDATE_PARSE_NOT_UPDATE);
	assert_int_equal(parse("{\"update_id\":\"12\"}", a, &u), UPDATE_PARSE_NOT_UPDATE);
	assert_int_equal(parse("{\"message\":{}}", a, &u), UPDATE_PARSE_NOT_UPDATE);
	deep = xmalloc(20002);
	for (i = 0; i < 10000; i++) {
		deep[i] = '[';
		deep[i + 10000] = ']';
	}
	deep[20000] = '\0';
	assert_int_equal(parse(deep, a, &u), UPDATE_PARSE_NOT_JSON);
	big = xcalloc(1, UPDATE_MAX_BYTES + 2);
	memset(big, ' ', UPDATE_MAX_BYTES + 1);
	assert_int_equal(parse(big, a, &u), UPDATE_PARSE_TOO_BIG);
	free(deep);
	free(big);
	arena_free(a);
}

/* A reply with user text and a keyboard becomes the Bot API JSON Telegram expects. */
static void
test_reply_json(void **state)
{
	struct arena *a = arena_new();
	struct reply r;
	struct reply_item *it;
	struct json_gen *g = json_gen_new();
	size_t len;
	const char *out;

	reply_init(&r, a, "es", 42);
	it = reply_text(&r, reply_esc(&r, "<b>&"));
	reply_button(it, &r, "Hecho", "t:done:1");
	reply_row(it);
	reply_button(it, &r, "Deshacer", "t:undo:1");
	reply_item_json(it, g, 1);
	out = json_gen_text(g, &len);
	assert_non_null(strstr(out, "\"method\":\"sendMessage\""));
	assert_non_null(strstr(out, "\"chat_id\":42"));
	assert_non_null(strstr(out, "&lt;b&gt;&amp;"));
	assert_non_null(strstr(out, "[[{\"text\":\"Hecho\",\"callback_data\":\"t:done:1\"}],"
	    "[{\"text\":\"Deshacer\",\"callback_data\":\"t:undo:1\"}]]"));
	json_gen_free(g);
	arena_free(a);
}

/* A text over Telegram's 4096 limit becomes several messages cut between lines; buttons go last. */
static void
test_long_text_split(void **state)
{
	struct arena *a = arena_new();
	struct reply r;
	struct reply_item *it;
	char *text = xmalloc(10001);
	size_t i;

	for (i = 0; i < 10000; i++)
		text[i] = i % 50 == 49 ? '\n' : 'x';
	text[10000] = '\0';
	reply_init(&r, a, "es", 1);
	it = reply_text(&r, text);
	reply_button(it, &r, "ok", "x:1");
	assert_int_equal(r.n, 3);
	for (i = 0; i < r.n; i++) {
		assert_true(strlen(r.items[i].text) <= REPLY_MAX_TEXT);
		assert_int_equal(r.items[i].nbuttons, i == r.n - 1);
	}
	assert_int_equal(r.items[0].text[strlen(r.items[0].text) - 1], '\n');
	assert_int_equal(strlen(r.items[0].text) + strlen(r.items[1].text) + strlen(r.items[2].text), 10000);
	free(text);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_message),
		cmocka_unit_test(test_callback_and_member),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_reply_json),
		cmocka_unit_test(test_long_text_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
