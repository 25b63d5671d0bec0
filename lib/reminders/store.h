/* See LICENSE. store.h: the reminder run's statements on reminders.queue (internal to lib/reminders). */
#ifndef MSB_REMINDERS_STORE_H
#define MSB_REMINDERS_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena;
struct db;

/* A claimed row. Strings live in the arena given to store_claim. */
struct due_row {
	int64_t		 id;
	int64_t		 user_id;
	int64_t		 chat_id;
	const char	*lang;
	const char	*kind;
	const char	*text;
	const char	*status;	/* "pending" (claimed, to send), "missed" or "cancelled" (done here) */
	double		 due_at;	/* epoch seconds */
	double		 expires_at;
	bool		 done;		/* settled by this run (sent, failed, released...) */
	bool		 inflight;	/* a sender is calling Telegram with it */
	int64_t		 sent_ns;	/* monotonic instant its call started */
	int64_t		 done_ns;	/* and was answered (set by the sender) */
	int64_t		 ticket;	/* the pacer's number for the call */
};

/*
 * Claims up to "limit" pending rows due at "now" (epoch seconds) that no
 * live lease holds, oldest first, in one statement (its own transaction):
 * FOR UPDATE SKIP LOCKED makes two runs at once take disjoint rows, and the
 * lease ("lease_until") keeps them out of other runs' claims after the
 * commit. Rows whose expires_at has passed become 'missed' and rows of
 * inactive users 'cancelled' in the same statement, and come back with
 * that status. Returns the number of rows in "*out", or -1.
 */
int	store_claim(struct db *, struct arena *, double now, double lease_until, size_t limit,
	    struct due_row **out);

/* Telegram accepted it: 'sent' at "at". 0 or -1. */
int	store_mark_sent(struct db *, const struct due_row *, double at);
/* A final status ('missed', 'failed') with Telegram's reason, or NULL. 0 or -1. */
int	store_mark_final(struct db *, const struct due_row *, const char *status, const char *why);
/* Not sent this time: attempts + 1, claimable again from "not_before" (0 = at once). 0 or -1. */
int	store_defer(struct db *, const struct due_row *, double not_before, const char *why);
/* Gives back a claimed row untouched (the run ran out of time). 0 or -1. */
int	store_release(struct db *, const struct due_row *);
/* 403: the user blocked the bot; core.users.active = false and their pending rows cancelled. 0 or -1. */
int	store_block_user(struct db *, int64_t user_id);

/* The stored "not before" of a 429 (epoch seconds), 0 when none. -1 on error. */
int	store_pause_get(struct db *, double *not_before);
int	store_pause_set(struct db *, double not_before);

/* Epoch seconds as a parameter for to_timestamp($n::float8). */
#define STORE_TS_LEN 32
const char	*store_ts(char buf[STORE_TS_LEN], double t);

#endif
