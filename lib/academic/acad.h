/* See LICENSE. acad.h: the academic module's insides, shared by its files and its unit tests; routes.c uses academic.h. */
#ifndef MSB_ACADEMIC_ACAD_H
#define MSB_ACADEMIC_ACAD_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "bot/bot.h"
#include "core/date.h"

struct arena;
struct db;
struct strbuf;

/* Callback data prefix of every academic button. */
#define ACAD_CB		"ac:"
/*
 * Bytes of text a reply may grow to before its lines are cut with "…":
 * Telegram takes 4096 characters a message, and a byte is at most one.
 */
#define ACAD_TEXT_MAX	3600
/* Largest .ics file the bot downloads. */
#define ACAD_ICS_MAX	(1024 * 1024)
/* Lead time of class warnings until the student chooses one. */
#define ACAD_WARN_DEFAULT	30

/* date.c: day numbers and "HH:MM" are core/date.h (civil_*); these put them in words. */
/* "lunes y jueves" / "Monday and Thursday" for ISO weekdays "wd" (ascending). */
const char *acad_weekdays_text(struct arena *, const char *lang, const int *wd, int n);
/* A local day as the student reads it: "jueves 3/12" / "Thursday 12/3". */
const char *acad_day_text(struct arena *, const char *lang, int64_t days);

/* One weekly class as the timetable and its text version draw it. Times are minutes of the day. */
struct acad_block {
	const char	*subject;
	const char	*room;		/* NULL or "" when none */
	int		 weekday;	/* 1..7 */
	int		 start, end;
	int		 color;		/* the subject's palette index */
	int		 every_weeks;	/* 1, or 2 for every other week */
};

/*
 * class.c: the one-line description of a class, "<b>CC</b>, lunes y jueves, 10:30–12:30, aula 1.6",
 * in the arena; "kind" is "theory", "lab" or NULL.
 */
const char *acad_class_line(struct bot_ctx *, const char *subject, const int *wd, int nwd, const char *start,
	    const char *end, const char *room, int every, const char *kind);
/* list.c: the numbered list of the user's classes with a delete button each; "edit" rewrites the pressed message. */
int	acad_list_reply(struct bot_ctx *, int edit);

/* timetable.c: the week as a PNG (malloc'd into "*png", free() it). Returns 0 or -1. */
int	acad_timetable_png(const struct acad_block *, size_t n, const char *lang, void **png, size_t *len);
/* The same as HTML text lines, one day after another, for the caption and screen readers. */
void	acad_timetable_text(const struct acad_block *, size_t n, const char *lang, struct strbuf *out);

/* ics.c: weekly events of an iCalendar file, as classes in the student's zone. */
struct acad_ics_class {
	char	subject[128];
	char	room[64];
	int	weekday;		/* 1..7 in the student's zone */
	char	start[6], end[6];	/* "HH:MM" in the student's zone */
	int	every_weeks;		/* 1 or 2 */
	char	anchor_monday[11];	/* the Monday of the week of the first occurrence, student's zone */
};
struct acad_ics_result {
	struct acad_ics_class	*classes;	/* in the arena */
	size_t			 n;
	size_t			 skipped;	/* events that are not weekly classes (exams, one-offs) */
};
/*
 * Reads "len" bytes of iCalendar "text" and keeps the weekly VEVENTs, their
 * times converted from the event's zone to "user_tz". Returns 0, or -1 when
 * the text is not an iCalendar object.
 */
int	acad_ics_read(const char *text, size_t len, const char *user_tz, struct arena *,
	    struct acad_ics_result *out);

/* ical.c: builds the feed with lib/ical, one event at a time (a feed_emit_fn). */
struct acad_ical;
struct acad_ical	*acad_ical_new(const char *tz, time_t now);
void			 acad_ical_emit(void *ical, const struct feed_event *);
/* Appends the RFC 5545 text to "out" (NULL: discards it) and frees "ical". */
void			 acad_ical_finish(struct acad_ical *, struct strbuf *out);

/* store.c: the module's SQL. Every function takes the user id and puts it in its WHERE clause. */
int	acad_batch_new(struct db *, int64_t *batch);
/*
 * Finds the subject "said" ("CC", "Cloud Computing", or both as "Cloud Computing (CC)") by
 * code or full name, case-insensitively, creating it in "batch" if new; a full name said
 * for the first time is remembered.
 */
int	acad_subject_get(struct db *, int64_t user_id, const char *said, int64_t batch, int64_t *id);
/* subject.c: "Cloud Computing (CC)" -> code "CC", name "Cloud Computing"; 1 if split, else 0 (code = said). */
int	acad_subject_split(const char *said, char *code, size_t codecap, char *name, size_t namecap);
/* 1 inserted (id in "*id"), 0 the same class existed, -1 error. */
int	acad_class_insert(struct db *, int64_t user_id, int64_t subject_id, int weekday, const char *start,
	    const char *end, const char *room, const char *kind, int every_weeks, const char *anchor_monday,
	    int64_t batch, int64_t *id);
/* How many classes the user has; -1 on error. */
int	acad_class_count(struct db *, int64_t user_id);
/* Creates the warning settings (on, 30 minutes) if absent; "*minutes" gets the lead in force, 0 when off. */
int	acad_settings_ensure(struct db *, int64_t user_id, int *minutes);
/* Drops the user's pending class warnings, after anything that moves them; the producer makes them anew. */
int	acad_warnings_cancel(struct db *, int64_t user_id);
/* The user's classes for the timetable, in the arena, by weekday and start. */
int	acad_blocks_load(struct db *, int64_t user_id, struct arena *, struct acad_block **out, size_t *n);
/* Deletes the classes of "batch" (and the subjects it created that no class uses). Rows deleted, -1 on error. */
int	acad_batch_delete(struct db *, int64_t user_id, int64_t batch);
/* Deletes class "id" if it is the user's. 1 deleted, 0 not theirs or gone, -1 error. */
int	acad_class_delete(struct db *, int64_t user_id, int64_t id);

/* The classes that meet on local day "date" (term, days off and alternate weeks applied), by start. */
#define ACAD_CLASSES_ON_DAY_SQL \
	"SELECT c.id, s.code, c.room, to_char(c.start_time, 'HH24:MI') AS start_hm," \
	" to_char(c.end_time, 'HH24:MI') AS end_hm" \
	" FROM academic.classes c JOIN academic.subjects s ON s.id = c.subject_id AND s.user_id = c.user_id" \
	" LEFT JOIN academic.terms t ON t.user_id = c.user_id" \
	" WHERE c.user_id = $1 AND c.weekday = extract(isodow FROM $2::date)" \
	" AND (t.starts_on IS NULL OR $2::date >= t.starts_on) AND (t.ends_on IS NULL OR $2::date <= t.ends_on)" \
	" AND NOT EXISTS (SELECT 1 FROM academic.days_off o WHERE o.user_id = c.user_id AND o.day = $2::date)" \
	" AND abs(($2::date - (extract(isodow FROM $2::date)::int - 1)) - c.anchor_monday) / 7 % c.every_weeks = 0" \
	" ORDER BY c.start_time, s.code"

#endif
