/* See LICENSE. ical.c: the private calendar feed as RFC 5545 text, built with libical. */
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "academic/acad.h"
#include "core/mem.h"
#include "core/strbuf.h"

struct acad_ical {
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
add_vtimezone(struct acad_ical *f)
{
	icalcomponent *vtz;
	icalproperty *p;
	struct icaltimetype from;

	vtz = icalcomponent_new_clone(icaltimezone_get_component(f->zone));
	if (vtz == NULL)
		return;
	p = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (p != NULL)
		icalproperty_set_tzid(p, f->tz);
	from = icaltime_from_timet_with_zone(f->now - 2 * 366 * 86400, 0, icaltimezone_get_utc_timezone());
	icaltimezone_truncate_vtimezone(vtz, from, icaltime_null_time(), 0);
	icalcomponent_add_component(f->cal, vtz);
}

struct acad_ical *
acad_ical_new(const char *tz, time_t now)
{
	struct acad_ical *f = xcalloc(1, sizeof *f);

	strncpy(f->tz, tz != NULL ? tz : "UTC", sizeof f->tz - 1);
	f->now = now;
	f->cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
	    icalproperty_new_version("2.0"),
	    icalproperty_new_prodid("-//MyStudentBot//Calendar//ES"),
	    icalproperty_new_calscale("GREGORIAN"),
	    icalproperty_new_method(ICAL_METHOD_PUBLISH),
	    (void *)0);
	icalcomponent_add_property(f->cal, icalproperty_new_x("MyStudentBot"));
	icalproperty_set_x_name(icalcomponent_get_first_property(f->cal, ICAL_X_PROPERTY), "X-WR-CALNAME");
	if (strcmp(f->tz, "UTC") != 0)
		f->zone = icaltimezone_get_builtin_timezone(f->tz);
	if (f->zone != NULL)
		add_vtimezone(f);
	return f;
}

/* A date-time property of instant "t": local time with TZID when the zone is known, else UTC. */
static icalproperty *
timeprop(struct acad_ical *f, icalproperty *(*make)(struct icaltimetype), time_t t)
{
	struct icaltimetype tt;
	icalproperty *p;

	if (f->zone == NULL)
		return make(icaltime_from_timet_with_zone(t, 0, icaltimezone_get_utc_timezone()));
	tt = icaltime_from_timet_with_zone(t, 0, f->zone);
	tt.zone = NULL;		/* written as local wall clock; the TZID parameter names the zone */
	p = make(tt);
	icalproperty_add_parameter(p, icalparameter_new_tzid(f->tz));
	return p;
}

void
acad_ical_emit(void *arg, const struct feed_event *e)
{
	struct acad_ical *f = arg;
	icalcomponent *ev = icalcomponent_new_vevent();
	size_t i;

	icalcomponent_add_property(ev, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(
	    icaltime_from_timet_with_zone(f->now, 0, icaltimezone_get_utc_timezone())));
	icalcomponent_add_property(ev, timeprop(f, icalproperty_new_dtstart, e->start));
	/* RFC 5545 3.6.1: without DTEND a date-time event ends when it starts (a deadline). */
	if (e->end > e->start)
		icalcomponent_add_property(ev, timeprop(f, icalproperty_new_dtend, e->end));
	icalcomponent_add_property(ev, icalproperty_new_summary(e->summary != NULL ? e->summary : ""));
	if (e->location != NULL && e->location[0] != '\0')
		icalcomponent_add_property(ev, icalproperty_new_location(e->location));
	if (e->rrule != NULL && e->rrule[0] != '\0') {
		struct icalrecurrencetype r = icalrecurrencetype_from_string(e->rrule);

		if (r.freq != ICAL_NO_RECURRENCE)
			icalcomponent_add_property(ev, icalproperty_new_rrule(r));
		for (i = 0; i < e->nexdates; i++)
			icalcomponent_add_property(ev, timeprop(f, icalproperty_new_exdate, e->exdates[i]));
	}
	icalcomponent_add_component(f->cal, ev);
}

void
acad_ical_finish(struct acad_ical *f, struct strbuf *out)
{
	char *text;

	if (f == NULL)
		return;
	text = out != NULL ? icalcomponent_as_ical_string_r(f->cal) : NULL;
	if (text != NULL)
		strbuf_adds(out, text);
	free(text);
	icalcomponent_free(f->cal);
	free(f);
}
