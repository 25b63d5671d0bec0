/* See LICENSE. json.h: the one JSON helper, on yajl. Only lib/json/ includes yajl headers. */
#ifndef MSB_JSON_JSON_H
#define MSB_JSON_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Reading: parse once into a tree, then pull typed values by path. */
struct json_doc;
struct json_node;	/* a value inside a json_doc; lives as long as the doc */

/*
 * Parses "len" bytes of "text". Refuses more than "max_bytes" bytes or nesting
 * deeper than "max_depth" before yajl sees them. Returns NULL with a short
 * reason in "err" (never the input).
 */
struct json_doc		*json_parse(const char *text, size_t len, size_t max_bytes,
			    int max_depth, char *err, size_t errlen);
void			 json_free(struct json_doc *);	/* NULL-safe */
const struct json_node	*json_root(const struct json_doc *);

/*
 * Paths are NULL-terminated key arrays, e.g.
 *   static const char *chat_id[] = { "message", "chat", "id", NULL };
 * Each getter returns NULL / -1 when the path is missing or has another type.
 */
const struct json_node	*json_get(const struct json_node *, const char *const *path);
const char		*json_get_str(const struct json_node *, const char *const *path);
int			 json_get_i64(const struct json_node *, const char *const *path, int64_t *out);
int			 json_get_bool(const struct json_node *, const char *const *path, bool *out);
bool			 json_is_object(const struct json_node *);
size_t			 json_array_len(const struct json_node *);	/* 0 if not an array */
const struct json_node	*json_array_at(const struct json_node *, size_t i);
const char		*json_str(const struct json_node *);		/* NULL if not a string */
/* Object members in order: key of member "i", and its value; NULL past the end. */
size_t			 json_object_len(const struct json_node *);
const char		*json_object_key(const struct json_node *, size_t i);
const struct json_node	*json_object_value(const struct json_node *, size_t i);

/* Writing: a generator; strings with invalid UTF-8 are repaired (U+FFFD), never refused. */
struct json_gen;

struct json_gen	*json_gen_new(void);
void		 json_gen_free(struct json_gen *);	/* NULL-safe */
void		 json_gen_obj_open(struct json_gen *);
void		 json_gen_obj_close(struct json_gen *);
void		 json_gen_arr_open(struct json_gen *);
void		 json_gen_arr_close(struct json_gen *);
void		 json_gen_str(struct json_gen *, const char *s);	/* NULL writes null */
void		 json_gen_strn(struct json_gen *, const char *s, size_t len);
void		 json_gen_i64(struct json_gen *, int64_t);
void		 json_gen_bool(struct json_gen *, bool);
void		 json_gen_null(struct json_gen *);
/* Shorthands for an object member. */
void		 json_gen_kv_str(struct json_gen *, const char *key, const char *s);
void		 json_gen_kv_i64(struct json_gen *, const char *key, int64_t);
void		 json_gen_kv_bool(struct json_gen *, const char *key, bool);
/* The text so far; valid until the next call on "g". NULL (len 0) if a call misused the generator (logged). */
const char	*json_gen_text(struct json_gen *, size_t *len);

#endif
