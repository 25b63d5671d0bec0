/* See LICENSE. tasks.h: to-dos with a due date, their lists, and their reminders (issue 5). */
#ifndef MSB_TASKS_TASKS_H
#define MSB_TASKS_TASKS_H

#include <stdint.h>

#include "bot/bot.h"
#include "core/i18n.h"

struct strbuf;

extern const struct msg tasks_msgs[];

/* Intent handlers (lib/bot/routes.c). Each returns 0, or -1 to roll the update back. */
int	tasks_add(struct bot_ctx *, const struct nlu_result *);
int	tasks_list(struct bot_ctx *, const struct nlu_result *);
int	tasks_done(struct bot_ctx *, const struct nlu_result *);
int	tasks_delete(struct bot_ctx *, const struct nlu_result *);
int	tasks_edit(struct bot_ctx *, const struct nlu_result *);
/* The user's language or zone changed: pending tasks' reminders are rendered again (settings_changed). */
int	tasks_settings_changed(struct bot_ctx *);
/* Undoes change "undo_id" (0: the latest): the undo button's and core's undo route (bot.h). 0, 1 if none, -1. */
int	tasks_do_undo(struct bot_ctx *, int64_t undo_id);
/* reminder.set / reminder.off: acts only on target "tasks" (routes send them here for that target). */
int	tasks_reminder_set(struct bot_ctx *, const struct nlu_result *);
int	tasks_reminder_off(struct bot_ctx *, const struct nlu_result *);

/* Buttons whose callback_data starts with "t:"; always answers the callback. */
int	tasks_button(struct bot_ctx *, const char *data);

/* Hooks: the tasks due on local day "date" (agenda, digest), and deadlines for the calendar feed. */
int	tasks_day_section(struct db *, int64_t user_id, const char *lang, const char *tz,
	    const char *date, struct strbuf *out);
int	tasks_feed_source(struct db *, int64_t user_id, const char *tz, feed_emit_fn, void *arg);

#endif
