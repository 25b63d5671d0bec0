/* See LICENSE. ics.c: weekly classes out of a university's iCalendar export (RFC 5545), read with libical. */
#include <stdio.h>
#include <string.h>

#include <libical/ical.h>

#include "academic/acad.h"
#include "core/mem.h"

/* More than any real timetable has; a file with more is cut here rather than filling the database. */
#define ICS_MAX_CLASSES	200

/* Copies "s" into "dst" trimmed, cut to "cap" bytes on a UTF-8 boundary. */
static void
copy_text(char *dst, size_t cap, const char *s)
{
	size_t n, end;

	dst[0] = '\0';
	if (s == NULL)
		return;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n >= cap) {
		end = cap - 1;
		while (end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80)
			end--;
		n = end;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* The instant of event time "t": its own zone, UTC, or (floating) the student's zone. */
static time_t
instant(struct icaltimetype t, icaltimezone *user)
{
	if (t.zone != NULL)
		return icaltime_as_timet_with_zone(t, t.zone);
	return icaltime_as_timet_with_zone(t, user);
}

static int
same_class(const struct acad_ics_class *a, const struct acad_ics_class *b)
{
	return a->weekday == b->weekday && strcmp(a->start, b->start) == 0 && strcmp(a->end, b->end) == 0 &&
	    strcmp(a->subject, b->subject) == 0 && strcmp(a->room, b->room) == 0;
}

/*
 * One weekly class from the occurrence starting at "occ" and lasting "dur"
 * seconds, seen from zone "user". Returns -1 when it crosses midnight there.
 */
static int
make_class(icalcomponent *ev, time_t occ, long dur, int every, icaltimezone *user, struct acad_ics_class *c)
{
	struct icaltimetype s, e;
	int64_t day;

	s = icaltime_from_timet_with_zone(occ, 0, user);
	e = icaltime_from_timet_with_zone(occ + dur, 0, user);
	if (dur <= 0 || icaltime_compare_date_only(s, e) != 0)
		return -1;
	memset(c, 0, sizeof *c);
	copy_text(c->subject, sizeof c->subject, icalcomponent_get_summary(ev));
	copy_text(c->room, sizeof c->room, icalcomponent_get_location(ev));
	if (c->subject[0] == '\0')
		return -1;
	day = acad_days(s.year, s.month, s.day);
	c->weekday = acad_isodow(day);
	snprintf(c->start, sizeof c->start, "%02d:%02d", s.hour, s.minute);
	snprintf(c->end, sizeof c->end, "%02d:%02d", e.hour, e.minute);
	c->every_weeks = every;
	acad_fmt_date(day - (c->weekday - 1), c->anchor_monday);
	return 0;
}

static void
add_class(struct acad_ics_result *out, const struct acad_ics_class *c, size_t cap)
{
	size_t i;

	for (i = 0; i < out->n; i++)
		if (same_class(&out->classes[i], c))
			return;
	if (out->n < cap)
		out->classes[out->n++] = *c;
}

/*
 * A weekly VEVENT: one class per BYDAY weekday (DTSTART's own weekday when
 * there is no BYDAY), each from its first occurrence on or after DTSTART.
 * Returns how many it added, or -1 if the event is not a weekly class.
 */
static int
read_weekly(icalcomponent *ev, icaltimezone *user, struct acad_ics_result *out, size_t cap)
{
	icalproperty *rp = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
	struct icalrecurrencetype r;
	struct icaltimetype st, en;
	struct acad_ics_class c;
	time_t t0;
	long dur;
	int i, dow0, every, n = 0;

	if (rp == NULL)
		return -1;
	r = icalproperty_get_rrule(rp);
	every = r.interval <= 1 ? 1 : r.interval;
	if (r.freq != ICAL_WEEKLY_RECURRENCE || every > 2)
		return -1;
	st = icalcomponent_get_dtstart(ev);
	en = icalcomponent_get_dtend(ev);
	if (icaltime_is_null_time(st) || st.is_date || icaltime_is_null_time(en))
		return -1;
	t0 = instant(st, user);
	dur = (long)(instant(en, user) - t0);
	/* Weekdays in the event's own zone: libical counts 1 = Sunday .. 7 = Saturday. */
	dow0 = icaltime_day_of_week(st);
	for (i = 0; i < ICAL_BY_DAY_SIZE && r.by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++) {
		int dow = (int)icalrecurrencetype_day_day_of_week(r.by_day[i]);
		struct icaltimetype o = st;

		if (icalrecurrencetype_day_position(r.by_day[i]) != 0)
			continue;
		icaltime_adjust(&o, ((dow - dow0) % 7 + 7) % 7, 0, 0, 0);
		if (make_class(ev, instant(o, user), dur, every, user, &c) == 0) {
			add_class(out, &c, cap);
			n++;
		}
	}
	if (i == 0 && make_class(ev, t0, dur, every, user, &c) == 0) {
		add_class(out, &c, cap);
		n++;
	}
	return n > 0 ? n : -1;
}

/*
 * Many university systems export every session as its own VEVENT, without
 * RRULE. The same subject, room, weekday and times in two or more weeks is
 * a weekly class (every other week when the weeks are all an even number
 * apart); a lone one is an exam or a one-off and is skipped.
 */
#define ICS_MAX_SINGLES	1000

struct single {
	struct acad_ics_class	 c;
	int64_t			 monday;
	int			 used;
};

static int
read_single(icalcomponent *ev, icaltimezone *user, struct single *s)
{
	struct icaltimetype st = icalcomponent_get_dtstart(ev), en = icalcomponent_get_dtend(ev);
	time_t t0;

	if (icaltime_is_null_time(st) || st.is_date || icaltime_is_null_time(en))
		return -1;
	t0 = instant(st, user);
	if (make_class(ev, t0, (long)(instant(en, user) - t0), 1, user, &s->c) != 0)
		return -1;
	if (acad_parse_date(s->c.anchor_monday, &s->monday) != 0)
		return -1;
	s->used = 0;
	return 0;
}

/* Groups "n" single sessions into weekly classes; returns how many sessions stayed alone. */
static size_t
group_singles(struct single *s, size_t n, struct acad_ics_result *out, size_t cap)
{
	size_t i, j, alone = 0;

	for (i = 0; i < n; i++) {
		int64_t first = s[i].monday;
		int weeks = 0, even = 1;

		if (s[i].used)
			continue;
		for (j = i; j < n; j++)
			if (!s[j].used && same_class(&s[i].c, &s[j].c)) {
				s[j].used = 1;
				weeks |= s[j].monday != s[i].monday;	/* a second week, not a repeated line */
				if (s[j].monday < first)
					first = s[j].monday;
			}
		if (!weeks) {
			alone++;
			continue;
		}
		for (j = i; j < n; j++)
			if (same_class(&s[i].c, &s[j].c) && ((s[j].monday - first) / 7) % 2 != 0)
				even = 0;
		s[i].c.every_weeks = even ? 2 : 1;
		acad_fmt_date(first, s[i].c.anchor_monday);
		add_class(out, &s[i].c, cap);
	}
	return alone;
}

int
acad_ics_read(const char *text, size_t len, const char *user_tz, struct arena *a, struct acad_ics_result *out)
{
	icalcomponent *cal, *ev;
	icaltimezone *user;
	struct single *singles;
	size_t nsingles = 0;
	char *copy;

	memset(out, 0, sizeof *out);
	/* libical wants a C string; the file may hold a NUL, which would hide the rest: refuse it. */
	if (len == 0 || memchr(text, '\0', len) != NULL)
		return -1;
	copy = arena_strndup(a, text, len);
	if (strstr(copy, "BEGIN:VCALENDAR") == NULL)
		return -1;
	cal = icalparser_parse_string(copy);
	if (cal == NULL)
		return -1;
	if (icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		icalcomponent_free(cal);
		return -1;
	}
	user = icaltimezone_get_builtin_timezone(user_tz);
	if (user == NULL)
		user = icaltimezone_get_utc_timezone();
	out->classes = arena_alloc(a, ICS_MAX_CLASSES * sizeof *out->classes);
	singles = arena_alloc(a, ICS_MAX_SINGLES * sizeof *singles);
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	    ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		if (icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY) == NULL) {
			if (nsingles < ICS_MAX_SINGLES && read_single(ev, user, &singles[nsingles]) == 0)
				nsingles++;
			else
				out->skipped++;
		} else if (read_weekly(ev, user, out, ICS_MAX_CLASSES) < 0) {
			out->skipped++;
		}
	}
	out->skipped += group_singles(singles, nsingles, out, ICS_MAX_CLASSES);
	icalcomponent_free(cal);
	return 0;
}
