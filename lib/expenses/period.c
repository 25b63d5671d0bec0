/* See LICENSE. period.c: expense days (day_t) and periods; the day arithmetic is core/date.c. */
#include <string.h>

#include "expenses/period.h"

day_t
day_from_ymd(int y, int m, int d)
{
	return (day_t)civil_to_days(y, m, d);
}

/* Years before 1900 are refused: no expense is that old, and a typo should not make one. */
int
day_parse(const char *s, day_t *out)
{
	int y, m, d;

	if (civil_parse_ymd(s, &y, &m, &d) != 0 || y < 1900)
		return -1;
	*out = day_from_ymd(y, m, d);
	return 0;
}

const char *
day_str(char buf[DAY_LEN], day_t day)
{
	civil_fmt_ymd(day, buf);
	return buf;
}

day_t
day_add_months(day_t day, int months)
{
	int y, m, d, idx;

	civil_from_days(day, &y, &m, &d);
	idx = y * 12 + (m - 1) + months;
	y = idx / 12;
	m = idx % 12 + 1;
	if (d > civil_days_in_month(y, m))
		d = civil_days_in_month(y, m);
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

	civil_from_days(d, &y, &m, &dd);
	switch (k) {
	case PERIOD_DAY:
		break;
	case PERIOD_WEEK:
		p.from = d - (civil_weekday(d) - 1);
		p.to = p.from + 7;
		break;
	case PERIOD_MONTH:
		p.from = day_from_ymd(y, m, 1);
		p.to = p.from + civil_days_in_month(y, m);
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
