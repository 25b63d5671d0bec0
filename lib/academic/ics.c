/* See LICENSE. ics.c: weekly classes out of a university's iCalendar export (RFC 5545), read by lib/ical. */
#include <string.h>

#include "academic/acad.h"
#include "core/mem.h"
#include "ical/ical.h"

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

static int
same_class(const struct acad_ics_class *a, const struct acad_ics_class *b)
{
	return a->weekday == b->weekday && strcmp(a->start, b->start) == 0 && strcmp(a->end, b->end) == 0 &&
	    strcmp(a->subject, b->subject) == 0 && strcmp(a->room, b->room) == 0;
}

/* One weekly class of event "ev" from its occurrence "sl". Returns -1 when the event has no subject. */
static int
make_class(const struct ical_event *ev, const struct ical_slot *sl, int every, struct acad_ics_class *c)
{
	memset(c, 0, sizeof *c);
	copy_text(c->subject, sizeof c->subject, ev->summary);
	copy_text(c->room, sizeof c->room, ev->location);
	if (c->subject[0] == '\0')
		return -1;
	c->weekday = civil_weekday(sl->day);
	civil_fmt_hm(sl->start, c->start);
	civil_fmt_hm(sl->end, c->end);
	c->every_weeks = every;
	civil_fmt_ymd(sl->day - (c->weekday - 1), c->anchor_monday);
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
read_single(const struct ical_event *ev, struct single *s)
{
	if (ev->nslots != 1 || make_class(ev, &ev->slots[0], 1, &s->c) != 0)
		return -1;
	if (civil_parse_days(s->c.anchor_monday, &s->monday) != 0)
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
		civil_fmt_ymd(first, s[i].c.anchor_monday);
		add_class(out, &s[i].c, cap);
	}
	return alone;
}

struct reader {
	struct acad_ics_result	*out;
	struct single		*singles;
	size_t			 nsingles;
};

/*
 * A weekly VEVENT gives one class per occurrence lib/ical found (a BYDAY
 * weekday each); one without RRULE waits in "singles" for group_singles.
 * Anything else is counted as skipped.
 */
static void
on_event(void *arg, const struct ical_event *ev)
{
	struct reader *r = arg;
	struct acad_ics_class c;
	size_t i;
	int n = 0;

	if (ev->every_weeks == 0) {
		if (r->nsingles < ICS_MAX_SINGLES && read_single(ev, &r->singles[r->nsingles]) == 0)
			r->nsingles++;
		else
			r->out->skipped++;
		return;
	}
	for (i = 0; ev->every_weeks > 0 && i < ev->nslots; i++)
		if (make_class(ev, &ev->slots[i], ev->every_weeks, &c) == 0) {
			add_class(r->out, &c, ICS_MAX_CLASSES);
			n++;
		}
	if (n == 0)
		r->out->skipped++;
}

int
acad_ics_read(const char *text, size_t len, const char *user_tz, struct arena *a, struct acad_ics_result *out)
{
	struct reader r;

	memset(out, 0, sizeof *out);
	memset(&r, 0, sizeof r);
	r.out = out;
	out->classes = arena_alloc(a, ICS_MAX_CLASSES * sizeof *out->classes);
	r.singles = arena_alloc(a, ICS_MAX_SINGLES * sizeof *r.singles);
	if (ical_read_events(text, len, user_tz, on_event, &r) != 0) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	out->skipped += group_singles(r.singles, r.nsingles, out, ICS_MAX_CLASSES);
	return 0;
}
