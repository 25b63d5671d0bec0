/* See LICENSE. ical.c: reads weekly events out of iCalendar text and writes calendars, with libical. */
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "ical/ical.h"
#include "core/date.h"
#include "core/mem.h"

/* The instant of event time "t": its own zone, UTC, or (floating) the reader's zone. */
static time_t
instant(struct icaltimetype t, icaltimezone *user)
{
	if (t.zone != NULL)
		return icaltime_as_timet_with_zone(t, t.zone);
	return icaltime_as_timet_with_zone(t, user);
}

/*
 * The occurrence starting at "occ" and lasting "dur" seconds, seen from zone
 * "user", into "*s". Returns -1 when it lasts no time or crosses midnight there.
 */
static int
slot(time_t occ, long dur, icaltimezone *user, struct ical_slot *s)
{
	struct icaltimetype b, e;

	b = icaltime_from_timet_with_zone(occ, 0, user);
	e = icaltime_from_timet_with_zone(occ + dur, 0, user);
	if (dur <= 0 || icaltime_compare_date_only(b, e) != 0)
		return -1;
	s->day = civil_to_days(b.year, b.month, b.day);
	s->start = b.hour * 60 + b.minute;
	s->end = e.hour * 60 + e.minute;
	return 0;
}

/* DTSTART and DTEND as instants; -1 when either is missing or DTSTART is a whole day. */
static int
times(icalcomponent *ev, icaltimezone *user, struct icaltimetype *st, time_t *t0, long *dur)
{
	struct icaltimetype en;

	*st = icalcomponent_get_dtstart(ev);
	en = icalcomponent_get_dtend(ev);
	if (icaltime_is_null_time(*st) || st->is_date || icaltime_is_null_time(en))
		return -1;
	*t0 = instant(*st, user);
	*dur = (long)(instant(en, user) - *t0);
	return 0;
}

/* The slots of a weekly RRULE "r": one per plain BYDAY weekday, or DTSTART's own without BYDAY. */
static size_t
weekly_slots(icalcomponent *ev, struct icalrecurrencetype *r, icaltimezone *user, struct ical_slot *out)
{
	struct icaltimetype st;
	time_t t0;
	long dur;
	size_t n = 0;
	int i, dow0;

	if (times(ev, user, &st, &t0, &dur) != 0)
		return 0;
	/* Weekdays in the event's own zone: libical counts 1 = Sunday .. 7 = Saturday. */
	dow0 = icaltime_day_of_week(st);
	for (i = 0; i < ICAL_BY_DAY_SIZE && r->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX; i++) {
		int dow = (int)icalrecurrencetype_day_day_of_week(r->by_day[i]);
		struct icaltimetype o = st;

		if (icalrecurrencetype_day_position(r->by_day[i]) != 0)
			continue;
		icaltime_adjust(&o, ((dow - dow0) % 7 + 7) % 7, 0, 0, 0);
		if (slot(instant(o, user), dur, user, &out[n]) == 0)
			n++;
	}
	if (i == 0 && slot(t0, dur, user, &out[n]) == 0)
		n++;
	return n;
}

static void
read_event(icalcomponent *ev, icaltimezone *user, ical_event_fn fn, void *arg)
{
	icalproperty *rp = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
	struct ical_slot slots[ICAL_BY_DAY_SIZE + 1];
	struct ical_event e;
	struct icaltimetype st;
	time_t t0;
	long dur;

	memset(&e, 0, sizeof e);
	e.summary = icalcomponent_get_summary(ev);
	e.location = icalcomponent_get_location(ev);
	e.slots = slots;
	if (rp == NULL) {
		if (times(ev, user, &st, &t0, &dur) == 0 && slot(t0, dur, user, &slots[0]) == 0)
			e.nslots = 1;
	} else {
		struct icalrecurrencetype r = icalproperty_get_rrule(rp);

		e.every_weeks = r.interval <= 1 ? 1 : r.interval;
		if (r.freq != ICAL_WEEKLY_RECURRENCE || e.every_weeks > 2)
			e.every_weeks = -1;
		else
			e.nslots = weekly_slots(ev, &r, user, slots);
	}
	fn(arg, &e);
}

int
ical_read_events(const char *text, size_t len, const char *tz, ical_event_fn fn, void *arg)
{
	icalcomponent *cal, *ev;
	icaltimezone *user;
	char *copy;

	/* libical wants a C string; the text may hold a NUL, which would hide the rest: refuse it. */
	if (len == 0 || memchr(text, '\0', len) != NULL)
		return -1;
	copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	cal = strstr(copy, "BEGIN:VCALENDAR") != NULL ? icalparser_parse_string(copy) : NULL;
	free(copy);
	if (cal == NULL)
		return -1;
	if (icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		icalcomponent_free(cal);
		return -1;
	}
	user = icaltimezone_get_builtin_timezone(tz);
	if (user == NULL)
		user = icaltimezone_get_utc_timezone();
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	    ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		read_event(ev, user, fn, arg);
	icalcomponent_free(cal);
	return 0;
}

struct ical_writer {
	icalcomponent	*cal;
	icaltimezone	*zone;		/* NULL if libical does not know the zone: then times go out in UTC */
	char		 tz[64];
	time_t		 now;
};

/*
 * The zone's VTIMEZONE, named by its plain IANA name (RFC 5545 3.6.5: every
 * TZID used needs one) and cut to the years the feed can touch, so the feed
 * stays a few kilobytes.
 */
static void
add_vtimezone(struct ical_writer *w)
{
	icalcomponent *vtz;
	icalproperty *p;
	struct icaltimetype from;

	vtz = icalcomponent_new_clone(icaltimezone_get_component(w->zone));
	if (vtz == NULL)
		return;
	p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (p != NULL)
		icalproperty_set_tzid(p, w->tz);
	from = icaltime_from_timet_with_zone(w->now - 2 * 366 * 86400, 0, icaltimezone_get_utc_timezone());
	icaltimezone_truncate_vtimezone(vtz, from, icaltime_null_time(), 0);
	icalcomponent_add_component(w->cal, vtz);
}

struct ical_writer *
ical_writer_new(const char *tz, time_t now, const char *prodid, const char *calname)
{
	struct ical_writer *w = xcalloc(1, sizeof *w);

	strncpy(w->tz, tz != NULL ? tz : "UTC", sizeof w->tz - 1);
	w->now = now;
	w->cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
	    icalproperty_new_version("2.0"),
	    icalproperty_new_prodid(prodid),
	    icalproperty_new_calscale("GREGORIAN"),
	    icalproperty_new_method(ICAL_METHOD_PUBLISH),
	    (void *)0);
	icalcomponent_add_property(w->cal, icalproperty_new_x(calname));
	icalproperty_set_x_name(icalcomponent_get_first_property(w->cal, ICAL_X_PROPERTY), "X-WR-CALNAME");
	if (strcmp(w->tz, "UTC") != 0)
		w->zone = icaltimezone_get_builtin_timezone(w->tz);
	if (w->zone != NULL)
		add_vtimezone(w);
	return w;
}

/* A date-time property of instant "t": local time with TZID when the zone is known, else UTC. */
static icalproperty *
timeprop(struct ical_writer *w, icalproperty *(*make)(struct icaltimetype), time_t t)
{
	struct icaltimetype tt;
	icalproperty *p;

	if (w->zone == NULL)
		return make(icaltime_from_timet_with_zone(t, 0, icaltimezone_get_utc_timezone()));
	tt = icaltime_from_timet_with_zone(t, 0, w->zone);
	tt.zone = NULL;		/* written as local wall clock; the TZID parameter names the zone */
	p = make(tt);
	icalproperty_add_parameter(p, icalparameter_new_tzid(w->tz));
	return p;
}

void
ical_writer_add(struct ical_writer *w, const struct ical_vevent *e)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	size_t i;

	icalcomponent_add_property(ev, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(
	    icaltime_from_timet_with_zone(w->now, 0, icaltimezone_get_utc_timezone())));
	icalcomponent_add_property(ev, timeprop(w, icalproperty_new_dtstart, e->start));
	/* RFC 5545 3.6.1: without DTEND a date-time event ends when it starts (a deadline). */
	if (e->end > e->start)
		icalcomponent_add_property(ev, timeprop(w, icalproperty_new_dtend, e->end));
	icalcomponent_add_property(ev, icalproperty_new_summary(e->summary != NULL ? e->summary : ""));
	if (e->location != NULL && e->location[0] != '\0')
		icalcomponent_add_property(ev, icalproperty_new_location(e->location));
	if (e->rrule != NULL && e->rrule[0] != '\0') {
		struct icalrecurrencetype r = icalrecurrencetype_from_string(e->rrule);

		if (r.freq != ICAL_NO_RECURRENCE)
			icalcomponent_add_property(ev, icalproperty_new_rrule(r));
		for (i = 0; i < e->nexdates; i++)
			icalcomponent_add_property(ev, timeprop(w, icalproperty_new_exdate, e->exdates[i]));
	}
	icalcomponent_add_component(w->cal, ev);
}

char *
ical_writer_finish(struct ical_writer *w, int want_text)
{
	char *text;

	if (w == NULL)
		return NULL;
	text = want_text ? icalcomponent_as_ical_string_r(w->cal) : NULL;
	icalcomponent_free(w->cal);
	free(w);
	return text;
}
