/* See LICENSE. test_nlu.c: every parse case (ours and ../shared/examples) scored as eval_parse.py scores them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "core/strbuf.h"
#include "core/tz.h"
#include "json/json.h"
#include "nlu/nlu.h"

struct nlu_case {
	const char	*id, *lang, *now, *tz, *text;
	const char	*expect;	/* JSON object: intent and slots; null = must be absent */
	const char	*accept;	/* JSON object: slot -> other accepted values */
};

/* Regenerate with: python3 tests/unit/test_nlu_data/gen.py */
static const struct nlu_case cases[] = {
#include "test_nlu_data/cases.inc"
};

/*
 * eval_parse.py's fold(): NFKD without marks, symbols (emoji, €) as
 * spaces, lower case, spaces collapsed, edge punctuation and one leading
 * article dropped. Writes into "out" (size "len").
 */
static void
fold(const char *s, char *out, size_t len)
{
	static const char *const lead[] = { "el", "la", "los", "las", "lo", "un", "una", "the", "a", "an",
	    "mi", "mis", "my", NULL };
	static const char edge[] = ".,;:!?\xc2\xa1\xc2\xbf\"'()[]-/ ";
	utf8proc_uint8_t	*d = NULL;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 n;
	const utf8proc_uint8_t	*p;
	char			 tmp[1024];
	size_t			 l = 0, k;
	int			 i;

	utf8proc_map((const utf8proc_uint8_t *)s, 0, &d, UTF8PROC_NULLTERM | UTF8PROC_DECOMPOSE |
	    UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	for (p = d; p != NULL && *p && l + 5 < sizeof tmp; p += n) {
		if ((n = utf8proc_iterate(p, -1, &cp)) <= 0)
			break;
		if ((utf8proc_category(cp) >= UTF8PROC_CATEGORY_SM && utf8proc_category(cp) <= UTF8PROC_CATEGORY_SO) ||
		    cp == 0x200d || cp == 0xfe0f || cp == ' ' || cp == '\t') {
			if (l > 0 && tmp[l - 1] != ' ')
				tmp[l++] = ' ';
			continue;
		}
		memcpy(tmp + l, p, (size_t)n);
		l += (size_t)n;
	}
	tmp[l] = '\0';
	free(d);
	/* edge punctuation, then one leading article */
	for (k = 0; tmp[k] && strchr(edge, tmp[k]) != NULL; k++)
		;
	memmove(tmp, tmp + k, strlen(tmp + k) + 1);
	for (l = strlen(tmp); l > 0 && strchr(edge, tmp[l - 1]) != NULL; l--)
		tmp[l - 1] = '\0';
	for (i = 0; lead[i] != NULL; i++) {
		k = strlen(lead[i]);
		if (strncmp(tmp, lead[i], k) == 0 && tmp[k] == ' ') {
			memmove(tmp, tmp + k + 1, strlen(tmp + k + 1) + 1);
			for (k = 0; tmp[k] && strchr(edge, tmp[k]) != NULL; k++)
				;
			memmove(tmp, tmp + k, strlen(tmp + k) + 1);
			break;
		}
	}
	snprintf(out, len, "%s", tmp);
}

static bool
is_one_of(const char *slot, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(slot, *set) == 0)
			return true;
	return false;
}

static const char *const text_slots[] = { "title", "concept", "subject", "room", "ref", NULL };
static const char *const date_slots[] = { "due_date", "date", "until", NULL };

/* A key (year, week...) that two days of the same "period" share. */
static long
period_key(const char *date, const char *period)
{
	struct tm	 tm;
	int		 wd;
	char		 buf[16];

	if (tz_parse_date(date, &tm) != 0)
		return -1;
	if (strcmp(period, "month") == 0)
		return (tm.tm_year + 1900) * 100L + tm.tm_mon;
	if (strcmp(period, "year") == 0)
		return tm.tm_year + 1900L;
	if (strcmp(period, "week") == 0) {
		wd = (tm.tm_wday + 6) % 7;	/* days since Monday */
		tm.tm_mday -= wd;
		tm.tm_hour = 12;
		timegm(&tm);
		strftime(buf, sizeof buf, "%Y%m%d", &tm);
		return atol(buf);
	}
	strftime(buf, sizeof buf, "%Y%m%d", &tm);
	return atol(buf);
}

static const char *
node_str(const struct json_node *n)
{
	return n != NULL ? json_str(n) : NULL;
}

/* True when the got value "g" matches the expected value "e" of "slot", as eval_parse.py decides. */
static bool
slot_ok(const char *slot, const struct json_node *e, const struct json_node *g, const char *intent,
    const char *period)
{
	static const char *const none[] = { NULL };
	char		 fe[1024], fg[1024];
	const char	*es = node_str(e), *gs = node_str(g);
	int64_t		 ei, gi;
	size_t		 k, n;

	if (es == NULL && json_array_len(e) == 0 && json_get_i64(e, none, &ei) != 0)
		return g == NULL;	/* null: must be absent */
	if (g == NULL)
		return false;
	if (is_one_of(slot, text_slots)) {
		if (gs == NULL)
			return false;
		fold(es, fe, sizeof fe), fold(gs, fg, sizeof fg);
		return strcmp(fe, fg) == 0;
	}
	if (strcmp(slot, "weekday") == 0) {
		if ((n = json_array_len(e)) == 0) {
			if (json_array_len(g) == 1)
				g = json_array_at(g, 0);
			return json_get_i64(e, none, &ei) == 0 && json_get_i64(g, none, &gi) == 0 && ei == gi;
		}
		if (json_array_len(g) != n)
			return false;
		for (k = 0; k < n; k++)
			if (json_get_i64(json_array_at(e, k), none, &ei) != 0 ||
			    json_get_i64(json_array_at(g, k), none, &gi) != 0 || ei != gi)
				return false;
		return true;
	}
	if (es == NULL)
		return json_get_i64(e, none, &ei) == 0 && json_get_i64(g, none, &gi) == 0 && ei == gi;
	if (gs == NULL)
		return false;
	if (strcmp(slot, "date") == 0 && (strcmp(intent, "expense.summary") == 0 ||
	    strcmp(intent, "expense.chart") == 0))
		return period_key(es, period) == period_key(gs, period) && period_key(gs, period) >= 0;
	if (is_one_of(slot, date_slots))
		return strcmp(es, gs) == 0;
	return strcasecmp(es, gs) == 0;
}

/* Runs one case and reports each slot that differs; returns true when all match. */
static bool
run_case(const struct nlu_case *tc)
{
	static const char *const intent_path[] = { "intent", NULL };
	static const char *const period_path[] = { "period", NULL };
	struct json_doc		*exp, *acc, *got;
	const struct json_node	*e, *a, *g, *alts;
	struct nlu_result	 r;
	struct nlu_now		 now;
	struct tm		 tm;
	struct strbuf		 out = STRBUF_INIT;
	const char		*key, *intent, *period;
	char			 err[128];
	size_t			 i, k;
	bool			 ok = true, one;

	assert_int_equal(tz_parse_datetime(tc->now, &tm), 0);
	now.year = tm.tm_year + 1900, now.month = tm.tm_mon + 1, now.day = tm.tm_mday;
	now.hour = tm.tm_hour, now.minute = tm.tm_min, now.tz = tc->tz;
	nlu_parse(tc->text, &now, tc->lang, &r);
	nlu_result_json(&r, &out);
	exp = json_parse(tc->expect, strlen(tc->expect), 65536, 8, err, sizeof err);
	acc = json_parse(tc->accept, strlen(tc->accept), 65536, 8, err, sizeof err);
	got = json_parse(strbuf_str(&out), out.len, 65536, 8, err, sizeof err);
	assert_non_null(exp), assert_non_null(acc), assert_non_null(got);
	intent = json_get_str(json_root(exp), intent_path);
	period = json_get_str(json_root(exp), period_path);
	if (period == NULL)
		period = json_get_str(json_root(got), period_path);
	for (i = 0; i < json_object_len(json_root(exp)); i++) {
		key = json_object_key(json_root(exp), i);
		e = json_object_value(json_root(exp), i);
		g = json_get(json_root(got), (const char *const[]){ key, NULL });
		one = slot_ok(key, e, g, intent, period ? period : "day");
		alts = json_get(json_root(acc), (const char *const[]){ key, NULL });
		for (k = 0; !one && k < json_array_len(alts); k++) {
			a = json_array_at(alts, k);
			one = slot_ok(key, a, g, intent, period ? period : "day");
		}
		if (!one) {
			print_message("%s [%s] %s\n  slot %s: got %s\n", tc->id, tc->lang, tc->text, key,
			    strbuf_str(&out));
			ok = false;
		}
	}
	json_free(exp), json_free(acc), json_free(got);
	strbuf_release(&out);
	return ok;
}

static void
test_cases(void **state)
{
	size_t	 i, n = sizeof cases / sizeof cases[0], bad = 0;

	for (i = 0; i < n; i++)
		bad += !run_case(&cases[i]);
	print_message("nlu cases: %zu/%zu pass\n", n - bad, n);
	assert_int_equal(bad, 0);
}

/* The public examples must all be in the table, verbatim. */
static void
test_has_public_examples(void **state)
{
	size_t	 i, n = 0;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		n += strncmp(cases[i].id, "pub-", 4) == 0;
	assert_true(n >= 30);
	assert_true(sizeof cases / sizeof cases[0] >= 330);
}

/* Output: one object, intent first, weekday a list only when there are several. */
static void
test_json_shape(void **state)
{
	struct nlu_now		 now = { 2026, 9, 15, 9, 0, "Europe/Madrid" };
	struct nlu_result	 r;
	struct strbuf		 out = STRBUF_INIT;

	nlu_parse("Termodinámica martes y viernes 12:00-13:30 aula 2.7", &now, "es", &r);
	nlu_result_json(&r, &out);
	assert_string_equal(strbuf_str(&out), "{\"intent\":\"class.add\",\"subject\":\"Termodinámica\","
	    "\"weekday\":[2,5],\"start\":\"12:00\",\"end\":\"13:30\",\"room\":\"2.7\"}");
	strbuf_reset(&out);
	nlu_parse(NULL, &now, NULL, &r);
	nlu_result_json(&r, &out);
	assert_string_equal(strbuf_str(&out), "{\"intent\":\"unknown\"}");
	strbuf_release(&out);
}

/* Bytes that are not UTF-8 are spaces to the parser, and the JSON stays valid. */
static void
test_invalid_utf8(void **state)
{
	struct nlu_now		 now = { 2026, 11, 28, 10, 0, "Europe/Madrid" };
	struct nlu_result	 r;
	struct strbuf		 out = STRBUF_INIT;
	char			 err[64];
	struct json_doc		*doc;

	nlu_parse("caf\xc3 5\xff\xfe\xe2\x82 \xe2\x82\xac taxi", &now, "es", &r);
	nlu_result_json(&r, &out);
	doc = json_parse(strbuf_str(&out), out.len, 65536, 8, err, sizeof err);
	assert_non_null(doc);
	json_free(doc);
	strbuf_release(&out);
}

/* "dentro de 2 horas" is elapsed time: across the spring change in Madrid the clock jumps an hour. */
static void
test_hours_across_dst(void **state)
{
	struct nlu_now		 now = { 2027, 3, 28, 1, 30, "Europe/Madrid" };
	struct nlu_result	 r;

	nlu_parse("entregar la práctica dentro de 2 horas", &now, "es", &r);
	assert_string_equal(r.intent, "task.add");
	assert_string_equal(r.due_date, "2027-03-28");
	assert_string_equal(r.due_time, "04:30");
}

/* English "03/04" could be either day first or month first: the parse says so. */
static void
test_ambiguous(void **state)
{
	struct nlu_now		 now = { 2026, 11, 28, 10, 0, "America/New_York" };
	struct nlu_result	 r;

	nlu_parse("History essay deadline 03/04", &now, "en", &r);
	assert_string_equal(r.due_date, "2027-03-04");
	assert_string_equal(r.ambiguous, "due_date");
	nlu_parse("History essay deadline 03/14", &now, "en", &r);
	assert_string_equal(r.ambiguous, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_has_public_examples),
		cmocka_unit_test(test_json_shape),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_hours_across_dst),
		cmocka_unit_test(test_ambiguous),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
