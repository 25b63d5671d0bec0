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
	p->rate = rate;
	/* Rounded up: at 30 a second, 33333334 ns, so 30 starts span at least 1 s. */
	p->interval_ns = (NS + rate - 1) / rate;
	p->chat_gap_ns = (int64_t)chat_gap_ms * 1000000LL;
	p->next_ns = start_ns + p->interval_ns;
	p->done = xcalloc((size_t)rate, sizeof *p->done);
}

void
pacer_release(struct pacer *p)
{
	free(p->chats);
	free(p->done);
	p->chats = NULL;
	p->done = NULL;
	p->nchats = p->cap = 0;
}

static struct pacer_chat *
find_chat(const struct pacer *p, int64_t chat_id)
{
	size_t i;

	for (i = 0; i < p->nchats; i++)
		if (p->chats[i].chat_id == chat_id)
			return &p->chats[i];
	return NULL;
}

static int64_t
later(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

/* "base" + "gap", where PACER_WAIT stays PACER_WAIT. */
static int64_t
after(int64_t base, int64_t gap)
{
	return base == PACER_WAIT ? PACER_WAIT : base + gap;
}

int64_t
pacer_ready(const struct pacer *p, int64_t chat_id, int64_t now_ns)
{
	const struct pacer_chat *c;
	int64_t t = later(now_ns, p->next_ns);

	/* The call "rate" places back: the next one may start a second after its answer. */
	if (p->ncalls >= p->rate)
		t = later(t, after(p->done[(p->ncalls - p->rate) % p->rate], NS));
	if ((c = find_chat(p, chat_id)) != NULL)
		t = later(t, after(c->done_ns, p->chat_gap_ns));
	return t;
}

/*
 * Chats answered more than a gap ago are forgotten, so the list never
 * holds more than about rate * chat_gap entries: a linear search stays cheap.
 */
static void
forget_old(struct pacer *p, int64_t now_ns)
{
	size_t i, j;

	for (i = j = 0; i < p->nchats; i++)
		if (after(p->chats[i].done_ns, p->chat_gap_ns) > now_ns)
			p->chats[j++] = p->chats[i];
	p->nchats = j;
}

int64_t
pacer_sent(struct pacer *p, int64_t chat_id, int64_t at_ns)
{
	struct pacer_chat *c;

	/*
	 * From the actual instant, not the planned slot: a late wake-up then
	 * slows the pace a little instead of letting the next call catch up,
	 * so no two calls ever start closer than the interval.
	 */
	p->next_ns = later(p->next_ns, at_ns) + p->interval_ns;
	p->done[p->ncalls % p->rate] = PACER_WAIT;
	forget_old(p, at_ns);
	if ((c = find_chat(p, chat_id)) == NULL) {
		if (p->nchats == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 32;
			p->chats = xrealloc(p->chats, p->cap * sizeof *p->chats);
		}
		c = &p->chats[p->nchats++];
		c->chat_id = chat_id;
	}
	c->done_ns = PACER_WAIT;
	return p->ncalls++;
}

void
pacer_done(struct pacer *p, int64_t ticket, int64_t chat_id, int64_t done_ns)
{
	struct pacer_chat *c;

	/* A ticket older than the ring no longer matters: its slot holds a later call. */
	if (ticket >= 0 && ticket < p->ncalls && p->ncalls - ticket <= p->rate)
		p->done[ticket % p->rate] = done_ns;
	if ((c = find_chat(p, chat_id)) != NULL)
		c->done_ns = done_ns;
}

void
pacer_hold(struct pacer *p, int64_t until_ns)
{
	p->next_ns = later(p->next_ns, until_ns);
}

size_t
pacer_capacity(const struct pacer *p, int64_t now_ns, int64_t end_ns, size_t max)
{
	int64_t from = later(p->next_ns, now_ns);
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
