/* See LICENSE. calendar.c: day arithmetic on the proleptic Gregorian calendar, and "in N hours" across DST. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/tz.h"
#include "nlu/nlu_int.h"

/* Days from the first date to the second (negative when it is earlier). */
long
date_days_between(int y1, int m1, int d1, int y2, int m2, int d2)
{
	return civil_to_days(y2, m2, d2) - civil_to_days(y1, m1, d1);
}

void
date_add_days(int *y, int *m, int *d, int days)
{
	civil_from_days(civil_to_days(*y, *m, *d) + days, y, m, d);
}

int
date_weekday(int y, int m, int d)
{
	long	 z = civil_to_days(y, m, d);

	return (int)(((z % 7) + 7 + 3) % 7) + 1;	/* 1970-01-01 was a Thursday */
}

/* Adds "n" calendar months, keeping the day when it exists and taking the month's last day otherwise. */
void
date_add_months(int *y, int *m, int *d, int n)
{
	int	 k = *y * 12 + (*m - 1) + n, dim;

	*y = k / 12;
	*m = k % 12 + 1;
	dim = civil_days_in_month(*y, *m);
	if (*d > dim)
		*d = dim;
}

/* "HH:MM" into "buf" (6 bytes), the hour taken modulo 24. */
void
time_fmt(char *buf, int h, int m)
{
	h = ((h % 24) + 24) % 24;
	m = ((m % 60) + 60) % 60;
	buf[0] = (char)('0' + h / 10);
	buf[1] = (char)('0' + h % 10);
	buf[2] = ':';
	buf[3] = (char)('0' + m / 10);
	buf[4] = (char)('0' + m % 10);
	buf[5] = '\0';
}

void
date_fmt(char *buf, int y, int m, int d)
{
	if (y < 1 || y > 9999)
		y = y < 1 ? 1 : 9999;
	m = m < 1 || m > 12 ? 1 : m;
	d = d < 1 || d > 31 ? 1 : d;
	buf[0] = (char)('0' + y / 1000), buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10), buf[3] = (char)('0' + y % 10), buf[4] = '-';
	buf[5] = (char)('0' + m / 10), buf[6] = (char)('0' + m % 10), buf[7] = '-';
	buf[8] = (char)('0' + d / 10), buf[9] = (char)('0' + d % 10), buf[10] = '\0';
}

/*
 * The wall clock "minutes" of elapsed time after the user's "now", in
 * their zone, so that a daylight-saving change in between is counted.
 * Without a usable zone the minutes are added to the wall clock.
 */
int
date_hours(const struct nlu_ctx *c, int minutes, int *y, int *mo, int *d, int *h, int *mi)
{
	struct tm	 tm;
	time_t		 t;
	long		 total;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = c->now->year - 1900;
	tm.tm_mon = c->now->month - 1;
	tm.tm_mday = c->now->day;
	tm.tm_hour = c->now->hour;
	tm.tm_min = c->now->minute;
	if (c->now->tz != NULL && tz_mktime(c->now->tz, &tm, &t) == 0 &&
	    tz_localtime(c->now->tz, t + (time_t)minutes * 60, &tm) == 0) {
		*y = tm.tm_year + 1900;
		*mo = tm.tm_mon + 1;
		*d = tm.tm_mday;
		*h = tm.tm_hour;
		*mi = tm.tm_min;
		return 0;
	}
	total = (long)c->now->hour * 60 + c->now->minute + minutes;
	*y = c->now->year;
	*mo = c->now->month;
	*d = c->now->day;
	date_add_days(y, mo, d, (int)(total / 1440));
	*h = (int)(total % 1440) / 60;
	*mi = (int)(total % 60);
	return 0;
}

/* The first day on or after (y, m, d) that is "wd"; "strict" skips the day itself. */
static void
next_weekday(int *y, int *m, int *d, int wd, bool strict)
{
	int	 diff = (wd - date_weekday(*y, *m, *d) + 7) % 7;

	if (diff == 0 && strict)
		diff = 7;
	date_add_days(y, m, d, diff);
}

static void
prev_weekday(int *y, int *m, int *d, int wd)
{
	int	 diff = (date_weekday(*y, *m, *d) - wd + 7) % 7;

	if (diff == 0)
		diff = 7;
	date_add_days(y, m, d, -diff);
}

/* D_ABS without a year, D_DAYONLY: the next (or, "past", the last) such day. */
static int
resolve_partial(const struct nlu_ctx *c, const struct dspec *s, bool past, int *y, int *m, int *d)
{
	int	 k, ty = c->now->year, tm = c->now->month, td = c->now->day;
	int	 yy, mm, cmp;

	if (s->kind == D_ABS) {
		for (k = 0; k < 9; k++) {
			yy = past ? ty - k : ty + k;
			if (s->d > civil_days_in_month(yy, s->m))
				continue;
			cmp = (s->m - tm) * 100 + (s->d - td);
			if (k == 0 && (past ? cmp > 0 : cmp < 0))
				continue;
			*y = yy, *m = s->m, *d = s->d;
			return 0;
		}
		return -1;
	}
	for (k = 0; k < 14; k++) {
		yy = ty, mm = tm;
		date_add_months(&yy, &mm, &td, past ? -k : k);
		if (s->d > civil_days_in_month(yy, mm))
			continue;
		if (k == 0 && (past ? s->d > c->now->day : s->d < c->now->day))
			continue;
		*y = yy, *m = mm, *d = s->d;
		return 0;
	}
	return -1;
}

/* D_PERIOD: a day inside this period moved "off" periods: today for "this", a week ago for "last week". */
static void
resolve_period(const struct dspec *s, int *y, int *m, int *d)
{
	switch (s->unit) {
	case P_DAY:
		date_add_days(y, m, d, s->off);
		break;
	case P_WEEK:
		date_add_days(y, m, d, 7 * s->off);
		break;
	case P_MONTH:
		date_add_months(y, m, d, s->off);
		break;
	case P_YEAR:
		date_add_months(y, m, d, 12 * s->off);
		break;
	}
}

/*
 * Turns the date said in "s" into a day, looking forward from today (tasks,
 * agenda) or, with "past", back (expenses, spending questions). Returns 0,
 * or -1 when the date does not exist.
 */
int
date_resolve(const struct nlu_ctx *c, const struct dspec *s, bool past, int *y, int *m, int *d)
{
	int	 h, mi;

	*y = c->now->year, *m = c->now->month, *d = c->now->day;
	switch (s->kind) {
	case D_ABS:
		if (s->y == 0)
			return resolve_partial(c, s, past, y, m, d);
		if (s->d > civil_days_in_month(s->y, s->m))
			return -1;
		*y = s->y, *m = s->m, *d = s->d;
		return 0;
	case D_DAYONLY:
		return resolve_partial(c, s, past, y, m, d);
	case D_REL:
		date_add_days(y, m, d, s->off);
		return 0;
	case D_WDAY:
		if (s->mod < 0 || (past && s->mod == 0))
			prev_weekday(y, m, d, s->wd);
		else
			next_weekday(y, m, d, s->wd, true);
		return 0;
	case D_ENDMONTH:
		*d = civil_days_in_month(*y, *m);
		return 0;
	case D_WEEKEND:
		if (date_weekday(*y, *m, *d) != 7)
			next_weekday(y, m, d, 6, false);
		return 0;
	case D_MONTHONLY:
		*d = 1;
		if (s->y) {
			*y = s->y, *m = s->m;
			return 0;
		}
		if (past ? s->m > c->now->month : s->m < c->now->month)
			*y += past ? -1 : 1;
		*m = s->m;
		if (*y == c->now->year && *m == c->now->month)
			*d = c->now->day;
		return 0;
	case D_PERIOD:
		resolve_period(s, y, m, d);
		return 0;
	case D_HOURS:
		return date_hours(c, s->off, y, m, d, &h, &mi);
	}
	return -1;
}
