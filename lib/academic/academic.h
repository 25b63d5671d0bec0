/* See LICENSE. academic.h: subjects, weekly classes, term, timetable, agenda and class warnings: what routes.c plugs in. */
#ifndef MSB_ACADEMIC_ACADEMIC_H
#define MSB_ACADEMIC_ACADEMIC_H

#include <stdint.h>
#include <time.h>

#include "bot/bot.h"
#include "core/i18n.h"

extern const struct msg	academic_msgs[];

/* Intent handlers (lib/bot/routes.c, academic section). Return 0, or -1 to roll the update back. */
int	academic_class_add(struct bot_ctx *, const struct nlu_result *);
int	academic_class_list(struct bot_ctx *, const struct nlu_result *);
int	academic_class_delete(struct bot_ctx *, const struct nlu_result *);
int	academic_timetable_show(struct bot_ctx *, const struct nlu_result *);
int	academic_agenda_show(struct bot_ctx *, const struct nlu_result *);
int	academic_term_set(struct bot_ctx *, const struct nlu_result *);
int	academic_term_holiday(struct bot_ctx *, const struct nlu_result *);
int	academic_calendar_feed(struct bot_ctx *, const struct nlu_result *);
int	academic_calendar_import(struct bot_ctx *, const struct nlu_result *);
/* reminder.set / reminder.off with target "classes". */
int	academic_warn_set(struct bot_ctx *, const struct nlu_result *);
int	academic_warn_off(struct bot_ctx *, const struct nlu_result *);

/* Buttons with callback_data "ac:...": undo, change, delete. */
int	academic_callback(struct bot_ctx *, const char *data);
int	academic_undo_change(struct bot_ctx *, int64_t batch);	/* undo route (bot.h) */

/* Hooks: the day's classes (day_sections), the classes of the feed (feed_sources), class warnings (reminder_producers). */
int	academic_day_section(struct db *, int64_t user_id, const char *lang, const char *tz,
	    const char *date, struct strbuf *out);
int	academic_feed_source(struct db *, int64_t user_id, const char *tz, feed_emit_fn, void *arg);
int	academic_warn_produce(struct db *, time_t from, time_t to);

#endif
