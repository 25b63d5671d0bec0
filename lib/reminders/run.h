/* See LICENSE. run.h: one run of mystudentbot-remind (CONTRACT.md section 6), shared by cron/ and the tests. */
#ifndef MSB_REMINDERS_RUN_H
#define MSB_REMINDERS_RUN_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

struct db;

/* How far back producers look, so a run that cron skipped is caught up (what expired becomes 'missed'). */
#define REMIND_PRODUCER_SLACK	(10 * 60)
/* Rows claimed at a time: about a second of sending, so a lease never outlives its run by much. */
#define REMIND_BATCH		30
/* A run stops claiming this long before the next minute, and stops sending shortly after. */
#define REMIND_CLAIM_MARGIN	2.0
#define REMIND_SEND_MARGIN	1.0
/* Calls to Telegram in flight at once: enough to keep 30 a second over a 200 ms round trip. */
#define REMIND_SENDERS		8
/* A Bot API call that takes longer than this is a network failure: the row waits for the next run. */
#define REMIND_CALL_TIMEOUT_MS	10000
/* After this many 5xx/network failures in a row, Telegram is down: leave the rest to the next run. */
#define REMIND_MAX_ERRORS	5

struct remind_opts {
	double			 now;		/* epoch seconds the run acts at (--now, or the clock) */
	bool			 dry_run;	/* print, change nothing, call nothing */
	int			 rate;		/* messages a second overall (MSB_SEND_RATE) */
	int			 chat_gap_ms;	/* least gap per chat (MSB_CHAT_INTERVAL_MS) */
	const char		*api;		/* MSB_TELEGRAM_API */
	const char		*token;		/* MSB_BOT_TOKEN */
	FILE			*out;		/* dry-run lines */
	volatile sig_atomic_t	*stop;		/* set by a signal: finish the send in flight, then end; may be NULL */
};

struct remind_stats {
	long	sent, missed, cancelled, failed, deferred, blocked, released;
	int	producer_errors;
	bool	paused;		/* a 429 wait reaches past this run */
};

/*
 * One run at "o->now": calls every reminder producer for
 * [now - REMIND_PRODUCER_SLACK, now + 60 s), then claims what is due in
 * small batches and sends each, paced, through REMIND_SENDERS connections,
 * until nothing is due or the minute is nearly over. The run's clock starts at o->now and advances with the
 * real (monotonic) clock. Returns 0 when the run finished (even with sends
 * left for the next run), -1 when the database failed.
 */
int	reminders_run(struct db *, const struct remind_opts *, struct remind_stats *);

#endif
