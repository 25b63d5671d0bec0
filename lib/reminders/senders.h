/* See LICENSE. senders.h: a few threads that each hold one Bot API connection, so sends overlap. */
#ifndef MSB_REMINDERS_SENDERS_H
#define MSB_REMINDERS_SENDERS_H

#include <stdint.h>

struct due_row;
struct senders;
struct tg_result;

/*
 * Why threads: a send takes one round trip to Telegram (50-200 ms from
 * most hosts), longer than the 33 ms between two sends at 30 a second, so
 * one connection alone cannot keep the rate. The run's thread still decides
 * every send's moment (the pacer) and does all database work; a sender only
 * makes its HTTP call. "n" senders, each with its own client for "api"/"token".
 */
struct senders	*senders_new(int n, const char *api, const char *token, long timeout_ms);
void		 senders_free(struct senders *);	/* NULL-safe; waits for calls in flight */

/* A sender with nothing to do, or -1. */
int		 senders_idle(struct senders *);
/* Starts sending "row" on idle sender "i". */
void		 senders_start(struct senders *, int i, struct due_row *row);
/* Calls started and not yet collected. */
int		 senders_busy(struct senders *);

/*
 * Waits until a sender has finished, or until monotonic instant "until_ns"
 * (0: do not wait). Returns that sender, whose row and result stay valid
 * until senders_collect(); -1 on timeout.
 */
int			 senders_wait(struct senders *, int64_t until_ns);
struct due_row		*senders_row(struct senders *, int i);
struct tg_result	*senders_result(struct senders *, int i);
/* The sender is idle again; its result is released. */
void			 senders_collect(struct senders *, int i);

#endif
