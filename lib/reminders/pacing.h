/* See LICENSE. pacing.h: when the next message may go, within Telegram's limits (pure arithmetic, no clock). */
#ifndef MSB_REMINDERS_PACING_H
#define MSB_REMINDERS_PACING_H

#include <stddef.h>
#include <stdint.h>

/*
 * Instants are nanoseconds on any monotonic clock. Telegram counts a
 * message when it arrives, somewhere between the instant our call started
 * and the instant its answer came back. So the pacer keeps three rules:
 *  - calls start evenly, 1/rate seconds apart (no bursts);
 *  - the call "rate" places after another starts only a second after that
 *    other one was answered: whatever the network's jitter, no second of
 *    Telegram's holds more than "rate" arrivals;
 *  - a chat's next call starts "chat_gap" after its previous one was answered.
 * A call still in flight blocks what depends on it (PACER_WAIT).
 */
#define PACER_WAIT	INT64_MAX

struct pacer_chat {
	int64_t	 chat_id;
	int64_t	 done_ns;	/* answer of its last call; PACER_WAIT while in flight */
};

struct pacer {
	int64_t			 interval_ns;	/* 1e9 / rate, rounded up: never faster than the rate */
	int64_t			 chat_gap_ns;
	int64_t			 next_ns;	/* earliest start of the next call overall */
	int64_t			*done;		/* answers of the last "rate" calls, a ring */
	int			 rate;
	int64_t			 ncalls;	/* calls started; the next one's ticket */
	struct pacer_chat	*chats;		/* chats written to within the last chat_gap, or in flight */
	size_t			 nchats, cap;
};

/*
 * Starts pacing at "start_ns". The first call also waits one interval, so
 * that a run started right after another ended cannot exceed the rate
 * across the two. "rate" >= 1 a second, "chat_gap_ms" >= 0.
 */
void	pacer_init(struct pacer *, int rate, int chat_gap_ms, int64_t start_ns);
void	pacer_release(struct pacer *);

/* The earliest instant, not before "now_ns", at which a call to "chat_id" may start; PACER_WAIT if unknown yet. */
int64_t	pacer_ready(const struct pacer *, int64_t chat_id, int64_t now_ns);

/* A call to "chat_id" started at "at_ns". Returns its ticket for pacer_done. */
int64_t	pacer_sent(struct pacer *, int64_t chat_id, int64_t at_ns);

/* Call "ticket" to "chat_id" was answered at "done_ns", whatever the answer: Telegram counted it. */
void	pacer_done(struct pacer *, int64_t ticket, int64_t chat_id, int64_t done_ns);

/* Nothing starts before "until_ns" (a 429's retry_after, exactly). */
void	pacer_hold(struct pacer *, int64_t until_ns);

/*
 * How many calls fit between "now_ns" and "end_ns" at the pacer's rate,
 * capped at "max": the size of the next claim, so a run does not claim
 * rows it has no time to send.
 */
size_t	pacer_capacity(const struct pacer *, int64_t now_ns, int64_t end_ns, size_t max);

/* The start of the minute after epoch second "t": a run ends before it. */
int64_t	remind_minute_end(int64_t t);

#endif
