/* See LICENSE. ical.h: iCalendar (RFC 5545) text in and out through plain structs; the only user of libical. */
#ifndef MSB_ICAL_ICAL_H
#define MSB_ICAL_ICAL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* One occurrence of an event that starts and ends on the same day in the reader's zone. */
struct ical_slot {
	int64_t	 day;		/* core/date.h day number, reader's zone */
	int	 start, end;	/* minutes of the day, reader's zone; start < end */
};

/*
 * One VEVENT as ical_read_events sees it. "every_weeks" is 0 for an event
 * without RRULE (its one occurrence in "slots", if usable), 1 or 2 for a
 * weekly rule (the first occurrence of each BYDAY weekday on or after
 * DTSTART, or DTSTART alone without BYDAY), and -1 for any other rule.
 * Occurrences that cross midnight, last no time or lack DTSTART/DTEND are
 * left out of "slots".
 */
struct ical_event {
	const char		*summary;	/* as written; NULL when absent */
	const char		*location;
	int			 every_weeks;
	const struct ical_slot	*slots;
	size_t			 nslots;
};
/* Called once per VEVENT; "e" and what it points to are valid only during the call. */
typedef void	(*ical_event_fn)(void *arg, const struct ical_event *e);

/*
 * Parses "len" bytes of iCalendar "text" and calls "fn" for each VEVENT,
 * times seen from IANA zone "tz" (UTC if unknown; floating times are taken
 * in it). Returns 0, or -1 when the text is not one VCALENDAR (or holds a NUL).
 */
int	ical_read_events(const char *text, size_t len, const char *tz, ical_event_fn fn, void *arg);

/* An event to write; "rrule" NULL or "" for a one-off, "end" == "start" for a deadline (no DTEND). */
struct ical_vevent {
	const char	*uid;
	const char	*summary;	/* NULL: "" */
	const char	*location;	/* NULL or "": none */
	time_t		 start, end;
	const char	*rrule;		/* e.g. "FREQ=WEEKLY;UNTIL=20270123T235959Z" */
	const time_t	*exdates;
	size_t		 nexdates;
};

/*
 * A calendar being written: times as wall clock of zone "tz" with its
 * VTIMEZONE (UTC when libical does not know the zone); "now" is DTSTAMP.
 * Never NULL (allocation failure aborts, as xmalloc).
 */
struct ical_writer	*ical_writer_new(const char *tz, time_t now, const char *prodid, const char *calname);
void			 ical_writer_add(struct ical_writer *, const struct ical_vevent *);
/* Frees "w" (NULL-safe); returns the RFC 5545 text, malloc'd (free() it), or NULL if "want_text" is 0. */
char			*ical_writer_finish(struct ical_writer *w, int want_text);

#endif
