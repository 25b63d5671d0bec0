/* See LICENSE. queue.h: the reminder queue every module schedules into and mystudentbot-remind sends from. */
#ifndef MSB_REMINDERS_QUEUE_H
#define MSB_REMINDERS_QUEUE_H

#include <stdint.h>
#include <time.h>

#include "core/strbuf.h"

struct db;

/* A webhook reply Telegram refused for now, waiting for the reminder run (sent without snooze buttons). */
#define REMINDERS_KIND_REPLY	"reply"

struct reminder_spec {
	int64_t		 user_id;
	const char	*kind;		/* "task", "class", "digest", ... */
	int64_t		 ref_id;	/* the owner's id of the thing (task id, class id) */
	time_t		 due_at;	/* when to send */
	time_t		 expires_at;	/* past this it is dropped as missed (the class began, the task is due) */
	const char	*text_html;	/* rendered by the owner in the user's language, HTML-escaped */
};

/*
 * Schedules one reminder, in the caller's transaction. The same (kind,
 * ref_id, due_at) scheduled again updates its text and expiry instead of
 * adding a second one, so producers may run every minute. Returns 0 or -1.
 */
int	reminders_schedule(struct db *, const struct reminder_spec *);

/*
 * Reminders scheduled together, as reminders_schedule would one by one, in
 * the caller's transaction, with a statement per REMINDERS_BATCH_ROWS
 * instead of one each (a producer queues thousands a minute).
 * reminders_batch_add copies "spec" and sends the batch when it is full;
 * reminders_batch_flush sends what is left. Both return 0 or -1, and a
 * batch that was sent is empty afterwards, failed or not. Within one batch
 * the same (kind, ref_id, due_at) twice counts as the last one added.
 */
#define REMINDERS_BATCH_ROWS	1000
struct reminder_batch {
	/* PostgreSQL array literals being built, one per column. */
	struct strbuf	 user, kind, ref, due, exp, text;
	int		 n;
};
#define REMINDER_BATCH_INIT \
	{ STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, 0 }
int	reminders_batch_add(struct db *, struct reminder_batch *, const struct reminder_spec *spec);
int	reminders_batch_flush(struct db *, struct reminder_batch *);
void	reminders_batch_release(struct reminder_batch *);	/* frees; reusable afterwards */

/* Deletes every pending reminder of (kind, ref_id) of "user_id" (task done, deleted, moved). 0 or -1. */
int	reminders_cancel(struct db *, int64_t user_id, const char *kind, int64_t ref_id);

/*
 * New text for every pending reminder of (kind, ref_id) of "user_id", when
 * and how many are left alone (snoozed ones too): after a change of the
 * user's language or zone. 0 or -1.
 */
int	reminders_retext(struct db *, int64_t user_id, const char *kind, int64_t ref_id, const char *text_html);

#endif
