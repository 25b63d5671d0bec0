/* See LICENSE. reminders.h: the reminders module's handlers and hooks, as routes.c lists them. */
#ifndef MSB_REMINDERS_REMINDERS_H
#define MSB_REMINDERS_REMINDERS_H

#include <time.h>

#include "bot/bot.h"
#include "core/i18n.h"

struct due_row;
struct tg;
struct tg_result;

/* Callback data of the snooze buttons: "r:snooze:<queue id>:<minutes>". */
#define REMINDERS_CALLBACK_PREFIX	"r:"
#define REMINDERS_SNOOZE_PREFIX		"r:snooze:"
/* "Tomorrow" is one day on the user's wall clock (23 or 25 hours across a DST change), not 1440 minutes. */
#define REMINDERS_SNOOZE_TOMORROW	1440

extern const struct msg reminders_msgs[];

/*
 * Buttons whose data starts with "r:". Snoozing checks that the queue row
 * belongs to the presser, adds one pending row for that occurrence only
 * (same kind and text, due later, expiry pushed as far) and always answers
 * the callback. Returns 0, or -1 on a database error.
 */
int	reminders_button(struct bot_ctx *, const char *data);

/* digest.set: due_time "HH:MM" turns the morning digest on at that time; arg "off" turns it off. */
int	reminders_digest_set(struct bot_ctx *, const struct nlu_result *);

/*
 * Producer (reminder_producers[]): a "digest" row for each user whose digest
 * time falls in [from, to), its text built from day_sections[] for the
 * user's today and tomorrow. Returns 0 or -1.
 */
int	reminders_digest_producer(struct db *, time_t from, time_t to);

/* sendMessage of "row" with its snooze buttons. 0 when Telegram accepted it; "res" says why not. */
int	reminders_send(struct tg *, const struct due_row *, struct tg_result *res);

#endif
