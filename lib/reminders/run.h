/* See LICENSE. run.h: one run of mystudentbot-remind (CONTRACT.md section 6), shared by cron/ and the tests. */
#ifndef MSB_REMINDERS_RUN_H
#define MSB_REMINDERS_RUN_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

struct db;
struct tg;

/* How far back producers look, so a run that cron skipped is caught up (what expired becomes 'missed'). */
#define REMIND_PRODUCER_SLACK	(10 * 60)
/* Rows claimed at a time: about a second of sending, so a lease never outlives its run by much. */
#define REMIND_BATCH		30
/* A run stops claiming this long before the next minute, and stops sending shortly after. */
#define REMIND_CLAIM_MARGIN	2.0
#define REMIND_SEND_MARGIN	1.0
/* After this many 5xx/network failures in a row, Telegram is down: leave the rest to the next run. */
#define REMIND_MAX_ERRORS	5

struct remind_opts {
	double			 now;		/* epoch seconds the run acts at (--now, or the clock) */
	bool			 dry_run;	/* print, change nothing, call nothing */
	int			 rate;		/* messages a second overall (MSB_SEND_RATE) */
	int			 chat_gap_ms;	/* least gap per chat (MSB_CHAT_INTERVAL_MS) */
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
 * small batches and sends each, paced, until nothing is due or the minute
 * is nearly over. The run's clock starts at o->now and advances with the
 * real (monotonic) clock. Returns 0 when the run finished (even with sends
 * left for the next run), -1 when the database failed.
 */
int	reminders_run(struct db *, struct tg *, const struct remind_opts *, struct remind_stats *);

#endif
