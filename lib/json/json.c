/* See LICENSE. json.c: parse once into a yajl tree and pull typed paths; generate with repaired UTF-8. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_gen.h>
#include <yajl/yajl_tree.h>

#include "json/json.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/strbuf.h"

/*
 * A json_node is a yajl_val under another name: callers outside lib/json/
 * never see yajl types, and nothing here dereferences a json_node itself.
 */
#define NODE(v)	((const struct json_node *)(v))
#define VAL(n)	((yajl_val)(uintptr_t)(n))

struct json_doc {
	yajl_val	 root;
};

static void
seterr(char *err, size_t errlen, const char *msg)
{
	if (err != NULL && errlen > 0)
		snprintf(err, errlen, "%s", msg);
}

/*
 * Measures nesting without building anything, so a body of 10,000 "[" is
 * refused in one linear pass instead of reaching yajl's recursive tree
 * builder. Brackets inside strings do not count. Returns -1 past "max".
 */
static int
scan_depth(const char *s, size_t len, int max)
{
	bool	 in_str = false, esc = false;
	int	 depth = 0;
	size_t	 i;

	for (i = 0; i < len; i++) {
		char c = s[i];

		if (in_str) {
			if (esc)
				esc = false;
			else if (c == '\\')
				esc = true;
			else if (c == '"')
				in_str = false;
			continue;
		}
		if (c == '"')
			in_str = true;
		else if (c == '{' || c == '[') {
			if (++depth > max)
				return -1;
		} else if (c == '}' || c == ']')
			depth--;
	}
	return 0;
}

/*
 * yajl_tree_parse wants a NUL-terminated string, so the text is copied; a
 * NUL inside would silently cut it short, so that is refused. yajl's own
 * message quotes the input around the error: only its first line is kept.
 */
struct json_doc *
json_parse(const char *text, size_t len, size_t max_bytes, int max_depth,
    char *err, size_t errlen)
{
	struct json_doc	*doc = NULL;
	char		*copy = NULL, ybuf[256];
	yajl_val	 root;

	if (len > max_bytes) {
		seterr(err, errlen, "JSON too big");
		goto out;
	}
	if (memchr(text, '\0', len) != NULL) {
		seterr(err, errlen, "NUL byte in JSON text");
		goto out;
	}
	if (scan_depth(text, len, max_depth) != 0) {
		seterr(err, errlen, "JSON nested too deep");
		goto out;
	}
	copy = xstrndup(text, len);
	ybuf[0] = '\0';
	root = yajl_tree_parse(copy, ybuf, sizeof ybuf);
	if (root == NULL) {
		ybuf[strcspn(ybuf, "\n")] = '\0';
		seterr(err, errlen, ybuf[0] != '\0' ? ybuf : "invalid JSON");
		goto out;
	}
	doc = xmalloc(sizeof *doc);
	doc->root = root;
out:
	free(copy);
	return doc;
}

void
json_free(struct json_doc *doc)
{
	if (doc == NULL)
		return;
	yajl_tree_free(doc->root);
	free(doc);
}

const struct json_node *
json_root(const struct json_doc *doc)
{
	return doc != NULL ? NODE(doc->root) : NULL;
}

/* yajl_tree_get takes "const char **"; it never writes through it. */
static yajl_val
lookup(const struct json_node *n, const char *const *path, yajl_type t)
{
	if (n == NULL || path == NULL)
		return NULL;
	return yajl_tree_get(VAL(n), (const char **)(uintptr_t)path, t);
}

const struct json_node *
json_get(const struct json_node *n, const char *const *path)
{
	return NODE(lookup(n, path, yajl_t_any));
}

const char *
json_get_str(const struct json_node *n, const char *const *path)
{
	return YAJL_GET_STRING(lookup(n, path, yajl_t_string));
}

/* Only JSON integers that fit in 64 bits: 1.5 or 1e3 are another type here. */
int
json_get_i64(const struct json_node *n, const char *const *path, int64_t *out)
{
	yajl_val	 v = lookup(n, path, yajl_t_number);

	if (v == NULL || !YAJL_IS_INTEGER(v))
		return -1;
	*out = (int64_t)YAJL_GET_INTEGER(v);
	return 0;
}

int
json_get_bool(const struct json_node *n, const char *const *path, bool *out)
{
	yajl_val	 v = lookup(n, path, yajl_t_any);

	if (v == NULL || !(YAJL_IS_TRUE(v) || YAJL_IS_FALSE(v)))
		return -1;
	*out = YAJL_IS_TRUE(v);
	return 0;
}

bool
json_is_object(const struct json_node *n)
{
	return n != NULL && YAJL_IS_OBJECT(VAL(n));
}

size_t
json_array_len(const struct json_node *n)
{
	return n != NULL && YAJL_IS_ARRAY(VAL(n)) ? VAL(n)->u.array.len : 0;
}

const struct json_node *
json_array_at(const struct json_node *n, size_t i)
{
	if (i >= json_array_len(n))
		return NULL;
	return NODE(VAL(n)->u.array.values[i]);
}

const char *
json_str(const struct json_node *n)
{
	return n != NULL ? YAJL_GET_STRING(VAL(n)) : NULL;
}

size_t
json_object_len(const struct json_node *n)
{
	return json_is_object(n) ? VAL(n)->u.object.len : 0;
}

const char *
json_object_key(const struct json_node *n, size_t i)
{
	return i < json_object_len(n) ? VAL(n)->u.object.keys[i] : NULL;
}

const struct json_node *
json_object_value(const struct json_node *n, size_t i)
{
	return i < json_object_len(n) ? NODE(VAL(n)->u.object.values[i]) : NULL;
}

/*
 * The generator. Errors are our own bugs (a key that is not a string, an
 * unbalanced close): each is logged once through GEN_CHECK and the text is
 * withheld (json_gen_text returns NULL) rather than sending broken JSON.
 */
struct json_gen {
	yajl_gen	 g;
	struct strbuf	 fix;	/* scratch for repaired strings */
	bool		 failed;
};

static const char *
gen_status_name(yajl_gen_status st)
{
	switch (st) {
	case yajl_gen_status_ok:		return "ok";
	case yajl_gen_keys_must_be_strings:	return "keys must be strings";
	case yajl_max_depth_exceeded:		return "max depth exceeded";
	case yajl_gen_in_error_state:		return "in error state";
	case yajl_gen_generation_complete:	return "generation complete";
	case yajl_gen_invalid_number:		return "invalid number";
	case yajl_gen_no_buf:			return "no buffer";
	case yajl_gen_invalid_string:		return "invalid string";
	}
	return "unknown";
}

#define GEN_CHECK(jg, call) do {					\
	yajl_gen_status st_ = (call);					\
	if (st_ != yajl_gen_status_ok && !(jg)->failed) {		\
		log_err("json_gen: %s (%s)", gen_status_name(st_), #call); \
		(jg)->failed = true;					\
	}								\
} while (0)

struct json_gen *
json_gen_new(void)
{
	struct json_gen	*jg = xcalloc(1, sizeof *jg);

	jg->g = yajl_gen_alloc(NULL);
	if (jg->g == NULL) {
		log_err("json_gen: yajl_gen_alloc failed");
		abort();
	}
	yajl_gen_config(jg->g, yajl_gen_beautify, 0);
	yajl_gen_config(jg->g, yajl_gen_validate_utf8, 1);
	return jg;
}

void
json_gen_free(struct json_gen *jg)
{
	if (jg == NULL)
		return;
	yajl_gen_free(jg->g);
	strbuf_release(&jg->fix);
	free(jg);
}

void
json_gen_obj_open(struct json_gen *jg)
{
	GEN_CHECK(jg, yajl_gen_map_open(jg->g));
}

void
json_gen_obj_close(struct json_gen *jg)
{
	GEN_CHECK(jg, yajl_gen_map_close(jg->g));
}

void
json_gen_arr_open(struct json_gen *jg)
{
	GEN_CHECK(jg, yajl_gen_array_open(jg->g));
}

void
json_gen_arr_close(struct json_gen *jg)
{
	GEN_CHECK(jg, yajl_gen_array_close(jg->g));
}

/*
 * Length of the well-formed UTF-8 sequence at "s" (RFC 3629, table 3-7 of
 * Unicode: no overlongs, no surrogates, nothing past U+10FFFF), or 0.
 */
static size_t
utf8_seq(const unsigned char *s, size_t left)
{
	unsigned char	 c = s[0], lo = 0x80, hi = 0xbf;
	size_t		 n, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (left < n || s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	return n;
}

/*
 * Text from users and from Telegram is passed on, not judged: a byte that
 * is not UTF-8 becomes U+FFFD (the W3C/WHATWG "maximal subpart" is not
 * needed here; one replacement per bad byte keeps it simple and safe).
 */
void
json_gen_strn(struct json_gen *jg, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, n;

	for (i = 0; i < len; i += n)
		if ((n = utf8_seq(p + i, len - i)) == 0)
			break;
	if (i == len) {
		GEN_CHECK(jg, yajl_gen_string(jg->g, p, len));
		return;
	}
	strbuf_reset(&jg->fix);
	strbuf_add(&jg->fix, s, i);
	while (i < len) {
		if ((n = utf8_seq(p + i, len - i)) == 0) {
			strbuf_adds(&jg->fix, "\xef\xbf\xbd");
			n = 1;
		} else
			strbuf_add(&jg->fix, s + i, n);
		i += n;
	}
	GEN_CHECK(jg, yajl_gen_string(jg->g, (const unsigned char *)jg->fix.buf,
	    jg->fix.len));
}

void
json_gen_str(struct json_gen *jg, const char *s)
{
	if (s == NULL)
		json_gen_null(jg);
	else
		json_gen_strn(jg, s, strlen(s));
}

void
json_gen_i64(struct json_gen *jg, int64_t v)
{
	GEN_CHECK(jg, yajl_gen_integer(jg->g, (long long)v));
}

void
json_gen_bool(struct json_gen *jg, bool v)
{
	GEN_CHECK(jg, yajl_gen_bool(jg->g, v));
}

void
json_gen_null(struct json_gen *jg)
{
	GEN_CHECK(jg, yajl_gen_null(jg->g));
}

void
json_gen_kv_str(struct json_gen *jg, const char *key, const char *s)
{
	json_gen_str(jg, key);
	json_gen_str(jg, s);
}

void
json_gen_kv_i64(struct json_gen *jg, const char *key, int64_t v)
{
	json_gen_str(jg, key);
	json_gen_i64(jg, v);
}

void
json_gen_kv_bool(struct json_gen *jg, const char *key, bool v)
{
	json_gen_str(jg, key);
	json_gen_bool(jg, v);
}

/* NULL (and *len 0) once a generator call failed: a bug, already logged. */
const char *
json_gen_text(struct json_gen *jg, size_t *len)
{
	const unsigned char	*buf = NULL;
	size_t			 n = 0;

	if (!jg->failed)
		GEN_CHECK(jg, yajl_gen_get_buf(jg->g, &buf, &n));
	if (jg->failed) {
		buf = NULL;
		n = 0;
	}
	if (len != NULL)
		*len = n;
	return (const char *)buf;
}
