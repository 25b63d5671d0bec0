/* See LICENSE. resolve.c: from "2" or "el hito 1" to one of the user's pending tasks. */
#include <string.h>

#include "tasks/internal.h"
#include "bot/bot.h"
#include "core/mem.h"
#include "core/strbuf.h"

#define MAX_CANDIDATES	8

/* Several tasks fit the words equally: list them (as the new numbering) and offer a button each. */
static int
ask_which(struct bot_ctx *c, const struct task *ts, const size_t *cand, size_t nc, const char *verb)
{
	struct strbuf sb = STRBUF_INIT;
	struct reply_item *it;
	int64_t ids[MAX_CANDIDATES];
	size_t i;

	strbuf_adds(&sb, reply_fmt(c->reply, "tasks.several"));
	for (i = 0; i < nc; i++) {
		ids[i] = ts[cand[i]].id;
		strbuf_addf(&sb, "\n%zu. %s", i + 1, tasks_line(c, &ts[cand[i]]));
	}
	it = reply_text(c->reply, arena_strdup(c->a, strbuf_str(&sb)));
	strbuf_release(&sb);
	for (i = 0; it != NULL && verb != NULL && i < nc; i++)
		reply_button(it, c->reply, arena_printf(c->a, "%zu", i + 1),
		    arena_printf(c->a, "t:%s:%lld", verb, (long long)ids[i]));
	if (tasks_store_last_list_save(c->db, c->user.id, ids, nc) != 0)
		return -1;
	return 2;
}

static int
by_number(struct bot_ctx *c, int n, int64_t *id)
{
	int rc = tasks_store_last_list_get(c->db, c->user.id, n, id);

	if (rc == 1)
		reply_msgf(c->reply, "tasks.no_number", n);
	return rc;
}

/*
 * The words must name at least half of their own meaningful words in the
 * title; the best score wins, and a tie is asked back rather than guessed.
 */
static int
by_words(struct bot_ctx *c, const char *ref, const char *verb, int64_t *id)
{
	struct task *ts;
	size_t i, n, cand[MAX_CANDIDATES], nc = 0;
	int s, nw, best = 0;

	if (tasks_store_pending(c->db, c->a, c->user.id, &ts, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		s = tasks_match_score(ref, ts[i].title, &nw);
		if (s == 0 || s * 2 < nw || s < best)
			continue;
		if (s > best) {
			best = s;
			nc = 0;
		}
		if (nc < MAX_CANDIDATES)
			cand[nc++] = i;
	}
	if (nc == 0) {
		reply_msgf(c->reply, "tasks.not_found", reply_esc(c->reply, ref));
		return 1;
	}
	if (nc > 1)
		return ask_which(c, ts, cand, nc, verb);
	*id = ts[cand[0]].id;
	return 0;
}

int
tasks_resolve(struct bot_ctx *c, const char *ref, const char *verb, int64_t *id)
{
	int n;

	if (ref == NULL || ref[0] == '\0') {
		reply_msgf(c->reply, "tasks.which");
		return 1;
	}
	/* The parser's ref: "2" is a list number, "hito 1" words of a title. */
	if (tasks_ref_number(ref, &n))
		return by_number(c, n, id);
	return by_words(c, ref, verb, id);
}
