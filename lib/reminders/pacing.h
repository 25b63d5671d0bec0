/* See LICENSE. pacing.h: when the next message may go, within Telegram's limits (pure arithmetic, no clock). */
#ifndef MSB_REMINDERS_PACING_H
#define MSB_REMINDERS_PACING_H

#include <stddef.h>
#include <stdint.h>

/*
 * Instants are nanoseconds on any monotonic clock. Two limits hold at once:
 * sends overall are spaced by 1/rate seconds (evenly, no bursts: Telegram's
 * "about 30 a second" is measured over any second, not on average), and two
 * sends to one chat are at least "chat_gap" apart.
 */
struct pacer_chat {
	int64_t	 chat_id;
	int64_t	 last_ns;
};

struct pacer {
	int64_t			 interval_ns;	/* 1e9 / rate, rounded up: never faster than the rate */
	int64_t			 chat_gap_ns;
	int64_t			 next_ns;	/* earliest instant of the next send overall */
	struct pacer_chat	*chats;		/* chats sent to within the last chat_gap */
	size_t			 nchats, cap;
};

/*
 * Starts pacing at "start_ns". The first send also waits one interval, so
 * that a run started right after another ended cannot exceed the rate
 * across the two. "rate" >= 1 a second, "chat_gap_ms" >= 0.
 */
void	pacer_init(struct pacer *, int rate, int chat_gap_ms, int64_t start_ns);
void	pacer_release(struct pacer *);

/* The earliest instant, not before "now_ns", at which a message to "chat_id" may go. */
int64_t	pacer_ready(const struct pacer *, int64_t chat_id, int64_t now_ns);

/* Records a send to "chat_id" at "at_ns" (whatever its outcome: Telegram counted it). */
void	pacer_sent(struct pacer *, int64_t chat_id, int64_t at_ns);

/* Nothing goes before "until_ns" (a 429's retry_after, exactly). */
void	pacer_hold(struct pacer *, int64_t until_ns);

/*
 * How many messages fit between "now_ns" and "end_ns" at the pacer's rate,
 * capped at "max": the size of the next claim, so a run does not claim
 * rows it has no time to send.
 */
size_t	pacer_capacity(const struct pacer *, int64_t now_ns, int64_t end_ns, size_t max);

/* The start of the minute after epoch second "t": a run ends before it. */
int64_t	remind_minute_end(int64_t t);

#endif
