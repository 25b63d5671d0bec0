/* See LICENSE. date.c: the one copy of civil-day arithmetic and of date and clock-time text. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/date.h"

int64_t
civil_to_days(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
civil_days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && leap ? 29 : dim[m - 1];
}

/* 1970-01-01 was a Thursday (ISO 4). */
int
civil_weekday(int64_t days)
{
	int64_t r = (days + 3) % 7;

	if (r < 0)
		r += 7;
	return (int)r + 1;
}

/* The "n" digits at "s" as a number, or -1 if any of them is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0;

	for (; n > 0; n--, s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

int
civil_parse_ymd(const char *s, int *y, int *m, int *d)
{
	int yy, mm, dd;

	/* Checked character by character: sscanf would take "2026-1-5", signs or trailing junk. */
	if (s == NULL || (yy = digits(s, 4)) < 0 || s[4] != '-' || (mm = digits(s + 5, 2)) < 0 ||
	    s[7] != '-' || (dd = digits(s + 8, 2)) < 0 || s[10] != '\0')
		return -1;
	if (yy < 1 || dd < 1 || dd > civil_days_in_month(yy, mm))
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

int
civil_parse_days(const char *s, int64_t *days)
{
	int y, m, d;

	if (civil_parse_ymd(s, &y, &m, &d) != 0)
		return -1;
	*days = civil_to_days(y, m, d);
	return 0;
}

void
civil_fmt_ymd(int64_t days, char out[CIVIL_YMD_LEN])
{
	char tmp[40];
	int y, m, d, i;

	civil_from_days(days, &y, &m, &d);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	for (i = 0; i < CIVIL_YMD_LEN - 1; i++)
		out[i] = tmp[i];
	out[CIVIL_YMD_LEN - 1] = '\0';
}

int
civil_parse_hm(const char *s, int *minutes)
{
	int h, m, nh;

	if (s == NULL)
		return -1;
	nh = s[0] != '\0' && s[1] == ':' ? 1 : 2;
	if ((h = digits(s, nh)) < 0 || s[nh] != ':')
		return -1;
	s += nh + 1;
	if (s[0] >= '0' && s[0] <= '9' && s[1] == '\0')
		m = s[0] - '0';		/* "9:5", as the old sscanf("%2d:%2d") readers took it */
	else if ((m = digits(s, 2)) < 0 || s[2] != '\0')
		return -1;
	if (h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

void
civil_fmt_hm(int minutes, char out[CIVIL_HM_LEN])
{
	int h, m;

	minutes = ((minutes % 1440) + 1440) % 1440;
	h = minutes / 60;
	m = minutes % 60;
	out[0] = (char)('0' + h / 10);
	out[1] = (char)('0' + h % 10);
	out[2] = ':';
	out[3] = (char)('0' + m / 10);
	out[4] = (char)('0' + m % 10);
	out[5] = '\0';
}
