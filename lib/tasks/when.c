/* See LICENSE. when.c: due instants and reminder instants, as wall clock in the user's zone. */
#include <string.h>
#include <time.h>

#include "tasks/internal.h"
#include "core/date.h"
#include "core/tz.h"

/* Moves a calendar date by "days" without any zone: timegm only normalizes the fields. */
static void
shift_days(struct tm *tm, int days)
{
	struct tm d;
	time_t t;

	memset(&d, 0, sizeof d);
	d.tm_year = tm->tm_year;
	d.tm_mon = tm->tm_mon;
	d.tm_mday = tm->tm_mday - days;
	d.tm_hour = 12;
	t = timegm(&d);
	gmtime_r(&t, &d);
	tm->tm_year = d.tm_year;
	tm->tm_mon = d.tm_mon;
	tm->tm_mday = d.tm_mday;
	tm->tm_wday = d.tm_wday;
	tm->tm_yday = d.tm_yday;
}

/*
 * A lead of whole days keeps the wall-clock time ("1 día antes" of a 10:00
 * deadline is 10:00 the day before, even across a daylight-saving change);
 * the hours and minutes left are elapsed time ("2 horas antes" is 7200 s).
 */
int
tasks_lead_instant(const char *tz, time_t due, int lead, time_t *out)
{
	time_t t = due;

	if (lead < 0)
		return -1;
	if (lead >= 1440 && tasks_shift_days(tz, due, -(lead / 1440), &t) != 0)
		return -1;
	*out = t - (time_t)(lead % 1440) * 60;
	return 0;
}

int
tasks_shift_days(const char *tz, time_t t, int days, time_t *out)
{
	struct tm tm;

	if (tz_localtime(tz, t, &tm) != 0)
		return -1;
	shift_days(&tm, -days);
	tm.tm_isdst = -1;
	return tz_mktime(tz, &tm, out);
}

int
tasks_due_instant(const char *tz, const char *date, const char *hhmm, time_t *out)
{
	struct tm tm;
	int hm = 23 * 60 + 59;

	if (tz_parse_date(date, &tm) != 0)
		return -1;
	if (hhmm != NULL && hhmm[0] != '\0') {
		if (civil_parse_hm(hhmm, &hm) != 0)
			return -1;
	}
	tm.tm_hour = hm / 60;
	tm.tm_min = hm % 60;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return tz_mktime(tz, &tm, out);
}

/* Local midnight to the next local midnight of "date": 23, 24 or 25 hours. */
int
tasks_day_bounds(const char *tz, const char *date, time_t *start, time_t *end)
{
	struct tm tm;

	if (tz_parse_date(date, &tm) != 0)
		return -1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	if (tz_mktime(tz, &tm, start) != 0)
		return -1;
	shift_days(&tm, -1);
	tm.tm_isdst = -1;
	return tz_mktime(tz, &tm, end);
}
