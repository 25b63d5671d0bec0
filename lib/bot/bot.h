/* See LICENSE. bot.h: one update, one transaction, one reply list. Shared by the webhook, poll and chat. */
#ifndef MSB_BOT_BOT_H
#define MSB_BOT_BOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "bot/reply.h"
#include "bot/update.h"
#include "nlu/nlu.h"

struct arena;
struct config;
struct db;
struct tg;

/* The user behind an update, loaded or created in core.users. */
struct user {
	int64_t	 id;		/* Telegram user id */
	int64_t	 chat_id;	/* their private chat */
	char	 lang[3];	/* "es" / "en" */
	char	 tz[64];	/* IANA zone */
	bool	 active;	/* false after 403 / my_chat_member "kicked" */
	bool	 is_new;	/* created by this update */
	int	 flood_hits;	/* updates from them in the current minute, this one included */
};

/* Everything a handler may use. Handlers run inside the update's transaction. */
struct bot_ctx {
	struct db		*db;
	const struct config	*cfg;
	struct tg		*tg;		/* for downloads (getFile); replies go through "reply" */
	struct arena		*a;		/* freed after the update */
	const struct update	*u;
	struct user		 user;
	struct reply		*reply;
	time_t			 now;		/* the instant of the update */
	struct nlu_now		 local;		/* "now" as the user's wall clock */
};

enum bot_outcome {
	BOT_DONE,		/* committed; the reply list is ready to send */
	BOT_DUPLICATE,		/* update_id seen before: nothing done, nothing to send */
	BOT_DB_DOWN,		/* database unreachable: answer 503 so Telegram retries */
	BOT_ERROR		/* rolled back; answer 500 so Telegram retries */
};

/*
 * Processes "u" in one transaction: records update_id (unique: a retry is a
 * duplicate), loads or creates the user, dispatches, commits. "reply" is
 * filled for the caller to deliver after the commit. "now" is the instant
 * to act at (time(NULL) outside tests).
 */
enum bot_outcome	bot_process(struct db *, const struct config *, struct tg *, const struct update *,
			    struct arena *, time_t now, struct reply *reply);
const char		*bot_outcome_name(enum bot_outcome);
/* "tm" (a wall clock, e.g. from tz_localtime) as the parser's "now" in zone "tz" (not copied). */
void		 bot_now_from_tm(const struct tm *tm, const char *tz, struct nlu_now *now);

/* Handler signatures of the dispatch tables in lib/bot/routes.c. Return 0, or -1 to roll back. */
typedef int	(*intent_fn)(struct bot_ctx *, const struct nlu_result *);
typedef int	(*callback_fn)(struct bot_ctx *, const char *data);

struct intent_route {
	const char	*intent;	/* nlu intent, e.g. "task.add" */
	const char	*target;	/* only for this nlu "target" slot ("reminder.set" → "tasks"); NULL: any */
	intent_fn	 fn;
};
struct command_route {
	const char	*command;	/* "/horario"; matched case-insensitively, "@botname" ignored */
	const char	*intent;	/* handled as this intent; the rest of the line goes to nlu_result.arg */
};
struct callback_route {
	const char	*prefix;	/* callback_data starts with it, e.g. "t:" */
	callback_fn	 fn;
};

extern const struct intent_route	intent_routes[];	/* end with { NULL, NULL } */
extern const struct command_route	command_routes[];
extern const struct callback_route	callback_routes[];

/*
 * Hooks between modules, also listed in routes.c, so that no domain module
 * calls another directly (DESIGN.md: each owns its tables).
 *
 * A day section appends HTML lines about local day "date" (YYYY-MM-DD) of a
 * user to "out" (the agenda, the morning digest). Returns how many items it
 * added, or -1 on a database error.
 */
struct strbuf;
typedef int	(*day_section_fn)(struct db *, int64_t user_id, const char *lang, const char *tz,
		    const char *date, struct strbuf *out);
extern const day_section_fn		day_sections[];		/* NULL-terminated, in timeline order */

/*
 * Every day section for "date" appended to "out", a blank line between
 * sections (lib/bot/timeline.c): the agenda and the morning digest both
 * show this. Returns how many items the sections added, or -1.
 */
int	bot_day_timeline(struct db *, int64_t user_id, const char *lang, const char *tz, const char *date,
	    struct strbuf *out);

/* An event of the private calendar feed; "rrule" NULL for a one-off. Times are instants. */
struct feed_event {
	const char	*uid;		/* stable across feeds, e.g. "task-42@mystudentbot" */
	const char	*summary;
	const char	*location;	/* NULL when none */
	time_t		 start;
	time_t		 end;		/* == start for a deadline */
	const char	*rrule;		/* e.g. "FREQ=WEEKLY;UNTIL=20270123T235959Z" */
	const time_t	*exdates;	/* occurrences of "rrule" that do not happen (days off); may be NULL */
	size_t		 nexdates;
};
typedef void	(*feed_emit_fn)(void *arg, const struct feed_event *);
typedef int	(*feed_source_fn)(struct db *, int64_t user_id, const char *tz, feed_emit_fn, void *arg);
extern const feed_source_fn		feed_sources[];		/* NULL-terminated */

/*
 * A typed "deshacer" / "undo" takes back the user's latest change, whichever
 * module made it (lib/bot/undo.c). A module notes each change it can undo
 * with bot_change_note (inside the update's transaction, "ref" its own id
 * for it) and lists an undo function here. That function undoes change
 * "ref" of c->user and says so in c->reply, returning 0; 1 if nothing is
 * left to undo (its button undid it already); -1 on a database error.
 */
typedef int	(*undo_fn)(struct bot_ctx *, int64_t ref);
struct undo_route {
	const char	*module;	/* as given to bot_change_note, e.g. "tasks" */
	undo_fn		 fn;
};
extern const struct undo_route		undo_routes[];		/* end with { NULL, NULL } */
int	bot_change_note(struct bot_ctx *, const char *module, int64_t ref);

/*
 * A user's language or zone changed (c->user holds the new ones): each
 * module renders again what it has queued for them already, so a reminder
 * speaks the new language and shows times in the new zone. Returns 0 or -1.
 */
typedef int	(*settings_changed_fn)(struct bot_ctx *);
extern const settings_changed_fn	settings_changed[];	/* NULL-terminated */

/*
 * A reminder producer materializes the reminders it owns that fall due in
 * [from, to) into the reminder queue (lib/reminders/queue.h), idempotently;
 * the reminder run calls each before it claims what is due.
 */
typedef int	(*reminder_producer_fn)(struct db *, time_t from, time_t to);
extern const reminder_producer_fn	reminder_producers[];	/* NULL-terminated */

#endif
