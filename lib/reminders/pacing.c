/* See LICENSE. pacing.c: the arithmetic of Telegram's sending limits, kept pure for unit tests. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reminders/pacing.h"
#include "core/mem.h"

#define NS 1000000000LL

void
pacer_init(struct pacer *p, int rate, int chat_gap_ms, int64_t start_ns)
{
	memset(p, 0, sizeof *p);
	if (rate < 1)
		rate = 1;
	if (chat_gap_ms < 0)
		chat_gap_ms = 0;
	/* Rounded up: at 30 a second, 33333334 ns, so 30 sends span at least 1 s. */
	p->interval_ns = (NS + rate - 1) / rate;
	p->chat_gap_ns = (int64_t)chat_gap_ms * 1000000LL;
	p->next_ns = start_ns + p->interval_ns;
}

void
pacer_release(struct pacer *p)
{
	free(p->chats);
	p->chats = NULL;
	p->nchats = p->cap = 0;
}

static const struct pacer_chat *
find_chat(const struct pacer *p, int64_t chat_id)
{
	size_t i;

	for (i = 0; i < p->nchats; i++)
		if (p->chats[i].chat_id == chat_id)
			return &p->chats[i];
	return NULL;
}

int64_t
pacer_ready(const struct pacer *p, int64_t chat_id, int64_t now_ns)
{
	const struct pacer_chat *c;
	int64_t t = now_ns;

	if (p->next_ns > t)
		t = p->next_ns;
	if ((c = find_chat(p, chat_id)) != NULL && c->last_ns + p->chat_gap_ns > t)
		t = c->last_ns + p->chat_gap_ns;
	return t;
}

/*
 * Chats whose gap is over are forgotten, so the list never holds more than
 * rate * chat_gap entries (about 30): a linear search stays cheap.
 */
static void
forget_old(struct pacer *p, int64_t now_ns)
{
	size_t i, j;

	for (i = j = 0; i < p->nchats; i++)
		if (p->chats[i].last_ns + p->chat_gap_ns > now_ns)
			p->chats[j++] = p->chats[i];
	p->nchats = j;
}

void
pacer_sent(struct pacer *p, int64_t chat_id, int64_t at_ns)
{
	struct pacer_chat *c;

	/*
	 * From the actual instant, not the planned slot: a late wake-up then
	 * slows the pace a little instead of letting the next send catch up,
	 * so no two sends are ever closer than the interval.
	 */
	p->next_ns = (p->next_ns > at_ns ? p->next_ns : at_ns) + p->interval_ns;
	forget_old(p, at_ns);
	c = (struct pacer_chat *)find_chat(p, chat_id);
	if (c == NULL) {
		if (p->nchats == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 32;
			p->chats = xrealloc(p->chats, p->cap * sizeof *p->chats);
		}
		c = &p->chats[p->nchats++];
		c->chat_id = chat_id;
	}
	c->last_ns = at_ns;
}

void
pacer_hold(struct pacer *p, int64_t until_ns)
{
	if (until_ns > p->next_ns)
		p->next_ns = until_ns;
}

size_t
pacer_capacity(const struct pacer *p, int64_t now_ns, int64_t end_ns, size_t max)
{
	int64_t from = p->next_ns > now_ns ? p->next_ns : now_ns;
	int64_t n;

	if (end_ns <= from)
		return 0;
	n = (end_ns - from) / p->interval_ns + 1;
	return (size_t)n < max ? (size_t)n : max;
}

int64_t
remind_minute_end(int64_t t)
{
	int64_t m = t / 60 * 60;

	if (t < 0 && m != t)	/* floor for instants before 1970, for completeness */
		m -= 60;
	return m + 60;
}
