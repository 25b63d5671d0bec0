/* See LICENSE. internal.h: what the files of lib/tasks/ share among themselves, not with other modules. */
#ifndef MSB_TASKS_INTERNAL_H
#define MSB_TASKS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct arena;
struct bot_ctx;
struct db;
struct reply;
struct reply_item;
struct strbuf;

#define TASKS_MAX_LEADS		8
#define TASKS_DEFAULT_LEADS	"{1440,120}"
#define TASKS_TITLE_MAX		1024
/* Telegram's message limit is 4096 characters after entity parsing; UTF-8 bytes never count fewer. */
#define TASKS_MSG_MAX		4096
/* A list stops here (about 8 messages) and says how many more there are. */
#define TASKS_LIST_MAX		300

/* A task row; strings live in the arena of the update. */
struct task {
	int64_t		 id;
	const char	*title;
	const char	*subject;	/* NULL when none */
	time_t		 due;
	bool		 has_time;
	int		 leads[TASKS_MAX_LEADS];
	int		 nleads;
	bool		 own_leads;	/* leads are the task's own, not the user's defaults */
	char		 status[8];	/* draft, pending, done, deleted */
};

/* Lead times: "{1440,120}" <-> array. Returns the count (at most "max"), or -1 on junk. */
int	tasks_leads_parse(const char *pg_array, int *out, int max);
void	tasks_leads_format(const int *leads, int n, char *buf, size_t len);

/*
 * The instant "lead" minutes before "due" in zone "tz": whole days are taken
 * on the wall clock (1 day before 10:00 is 10:00 the day before, 23 or 25
 * hours at a daylight-saving change), the rest as elapsed minutes. 0 or -1.
 */
int	tasks_lead_instant(const char *tz, time_t due, int lead, time_t *out);
/* The same wall-clock time "days" days later (earlier if negative) in zone "tz". 0 or -1. */
int	tasks_shift_days(const char *tz, time_t t, int days, time_t *out);

/* [start, end) of local day "date" (YYYY-MM-DD) in zone "tz". 0 or -1. */
int	tasks_day_bounds(const char *tz, const char *date, time_t *start, time_t *end);
/* The due instant of local "date" (YYYY-MM-DD) and "hhmm" (HH:MM, or NULL/"" for 23:59). 0 or -1. */
int	tasks_due_instant(const char *tz, const char *date, const char *hhmm, time_t *out);

/* Formatting in "lang": "vie 4 dic 2026" / "Fri, Dec 4, 2026", with ", 10:00" when "with_time". */
void	tasks_fmt_date(struct strbuf *, const char *lang, const char *tz, time_t t, bool with_time);
/* "1 día" / "2 horas" / "30 min" in "lang". */
void	tasks_fmt_lead(struct strbuf *, const char *lang, int minutes);

/* Case- and accent-folding for matching words: lowercases ASCII and common Latin letters, drops marks. */
void	tasks_fold(const char *s, struct strbuf *out);
/*
 * How well "ref" (a user's words) names "title": the number of ref's words
 * found among the title's words, ignoring short linking words; 0 for none,
 * and 0 when a number of ref is missing ("hito 1" does not name "Hito 2").
 * "nwords" receives how many words of ref counted.
 */
int	tasks_match_score(const char *ref, const char *title, int *nwords);
/* True if "ref" is a list number, stored in "*n" (1..100000). */
bool	tasks_ref_number(const char *ref, int *n);

/*
 * Splits "lines" (each an HTML line without newline) into messages of at
 * most "max" bytes, "header" atop the first. Returns the number of chunks;
 * chunks[i] are arena strings. A single line over "max" is cut (never happens
 * with titles of at most TASKS_TITLE_MAX bytes escaped).
 */
size_t	tasks_split(struct arena *, const char *header, const char *const *lines, size_t nlines,
	    size_t max, const char ***chunks);

/* Store (store.c). Every function takes the owner's id; "not found" is 1. */
int	tasks_store_insert(struct db *, int64_t user_id, const struct task *, int64_t *id);
int	tasks_store_get(struct db *, struct arena *, int64_t user_id, int64_t id, struct task *);
/* Pending tasks ordered by due date, then id; "*out" in the arena. */
int	tasks_store_pending(struct db *, struct arena *, int64_t user_id, struct task **out, size_t *n);
/* Pending tasks due in [from, to). */
int	tasks_store_due_between(struct db *, struct arena *, int64_t user_id, time_t from, time_t to,
	    struct task **out, size_t *n);
int	tasks_store_set_status(struct db *, int64_t user_id, int64_t id, const char *status);
int	tasks_store_set_due(struct db *, int64_t user_id, int64_t id, time_t due, bool has_time);
int	tasks_store_set_leads(struct db *, int64_t user_id, int64_t id, const int *leads, int n, bool own);
/* Records the task's row before "action" ("add": as if absent). "*undo_id" receives the record. */
int	tasks_store_undo_push(struct db *, int64_t user_id, int64_t task_id, const char *action, int64_t *undo_id);
/* Restores the row of undo record "undo_id" (0: the user's latest change, if not undone yet); "*task_id" and "*action" out. 1 if none. */
int	tasks_store_undo_pop(struct db *, struct arena *, int64_t user_id, int64_t undo_id, int64_t *task_id,
	    const char **action);
int	tasks_store_last_list_save(struct db *, int64_t user_id, const int64_t *ids, size_t n);
/* The task shown as number "n" in the last list, still pending; 1 if none. */
int	tasks_store_last_list_get(struct db *, int64_t user_id, int n, int64_t *id);
/* The task a "Change date" button just named (a list of one, under 30 minutes old); 1 if none. */
int	tasks_store_current(struct db *, int64_t user_id, int64_t *id);
/* Deletes the user's tasks deleted 30 days ago, drafts a day old, undo records 30 days old. 0 or -1. */
int	tasks_store_prune(struct db *, int64_t user_id);
/* The user's default lead times. */
int	tasks_store_default_leads(struct db *, int64_t user_id, int *leads, int *n);
int	tasks_store_set_default_leads(struct db *, int64_t user_id, const int *leads, int n);

/* Reminders (schedule.c): cancels the task's pending reminders and schedules those its lead times imply. */
int	tasks_reschedule(struct db *, int64_t user_id, const char *lang, const char *tz, time_t now,
	    const struct task *);
/* tasks_reschedule for every pending task of the user that follows the defaults ("all": every one). */
int	tasks_reschedule_all(struct bot_ctx *, bool all);

/* Replies (confirm.c). */
void	tasks_confirm(struct bot_ctx *, const char *key, const struct task *, int64_t undo_id);
void	tasks_task_buttons(struct reply_item *, struct reply *, const struct task *, int64_t undo_id);
/* "title — date" HTML for "t". */
const char *tasks_line(struct bot_ctx *, const struct task *);

/* Which task "ref" names (resolve.c): 0 and "*id"; 1 when none (a reply was added), 2 when several (asked). */
int	tasks_resolve(struct bot_ctx *, const char *ref, const char *verb, int64_t *id);

/* Actions shared by words and buttons (act.c). Each replies; 0 or -1. */
int	tasks_do_done(struct bot_ctx *, int64_t id);
int	tasks_do_delete(struct bot_ctx *, int64_t id);
int	tasks_do_move(struct bot_ctx *, int64_t id, time_t due, bool has_time);
/* An undo record for "action" on task "task_id", noted for a typed "deshacer" too. Returns 0 or -1. */
int	tasks_undo_record(struct bot_ctx *, int64_t task_id, const char *action, int64_t *undo_id);

#endif
