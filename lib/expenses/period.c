/* See LICENSE. period.c: proleptic Gregorian day arithmetic (H. Hinnant's days_from_civil) and periods. */
#include <stdio.h>
#include <string.h>

#include "expenses/period.h"

day_t
day_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
day_to_ymd(day_t z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

int
days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : dim[m - 1];
}

int
day_parse(const char *s, day_t *out)
{
	int y, m, d, n = 0;

	if (s == NULL || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return -1;
	if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return -1;
	*out = day_from_ymd(y, m, d);
	return 0;
}

const char *
day_str(char buf[DAY_LEN], day_t day)
{
	int y, m, d;

	day_to_ymd(day, &y, &m, &d);
	snprintf(buf, DAY_LEN, "%04d-%02d-%02d", y, m, d);
	return buf;
}

int
day_weekday(day_t d)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (int)((d % 7 + 7) % 7);

	return (w + 3) % 7 + 1;
}

day_t
day_add_months(day_t day, int months)
{
	int y, m, d, idx;

	day_to_ymd(day, &y, &m, &d);
	idx = y * 12 + (m - 1) + months;
	y = idx / 12;
	m = idx % 12 + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	return day_from_ymd(y, m, d);
}

int
period_kind_parse(const char *s, enum period_kind dflt, enum period_kind *k)
{
	static const char *names[] = { "day", "week", "month", "year" };
	int i;

	if (s == NULL || *s == '\0') {
		*k = dflt;
		return 0;
	}
	for (i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*k = (enum period_kind)i;
			return 0;
		}
	return -1;
}

const char *
period_kind_name(enum period_kind k)
{
	static const char *names[] = { "day", "week", "month", "year" };

	return names[k];
}

struct period
period_of(enum period_kind k, day_t d)
{
	struct period p = { k, d, d + 1 };
	int y, m, dd;

	day_to_ymd(d, &y, &m, &dd);
	switch (k) {
	case PERIOD_DAY:
		break;
	case PERIOD_WEEK:
		p.from = d - (day_weekday(d) - 1);
		p.to = p.from + 7;
		break;
	case PERIOD_MONTH:
		p.from = day_from_ymd(y, m, 1);
		p.to = p.from + days_in_month(y, m);
		break;
	case PERIOD_YEAR:
		p.from = day_from_ymd(y, 1, 1);
		p.to = day_from_ymd(y + 1, 1, 1);
		break;
	}
	return p;
}

/* "d" moved "n" periods of kind "k" back, clamped like day_add_months. */
static day_t
shift_back(enum period_kind k, day_t d, int n)
{
	switch (k) {
	case PERIOD_DAY:
		return d - n;
	case PERIOD_WEEK:
		return d - 7 * n;
	case PERIOD_MONTH:
		return day_add_months(d, -n);
	case PERIOD_YEAR:
		return day_add_months(d, -12 * n);
	}
	return d;
}

struct period
period_back(struct period p, int n)
{
	return period_of(p.kind, shift_back(p.kind, p.from, n));
}

bool
period_same_point(struct period p, day_t today, struct period *cur, struct period *prev)
{
	*cur = p;
	*prev = period_back(p, 1);
	if (today < p.from || today >= p.to - 1)
		return false;
	cur->to = today + 1;
	/* Clamped into the earlier period by shift_back, so it never spills past its end. */
	prev->to = shift_back(p.kind, today, 1) + 1;
	return true;
}
