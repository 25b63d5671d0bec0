/* See LICENSE. date.c: calendar arithmetic on day numbers, and weekdays in words. */
#include <stdio.h>
#include <string.h>

#include "academic/acad.h"
#include "core/i18n.h"
#include "core/mem.h"

/* Howard Hinnant's days_from_civil: exact for any Gregorian date, no time zone involved. */
int64_t
acad_days(int y, int m, int d)
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
acad_civil(int64_t z, int *y, int *m, int *d)
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

/* 1970-01-01 was a Thursday (ISO 4). */
int
acad_isodow(int64_t days)
{
	int64_t r = (days + 3) % 7;

	if (r < 0)
		r += 7;
	return (int)r + 1;
}

int
acad_parse_date(const char *s, int64_t *days)
{
	int y, m, d, n = 0;
	int64_t z;
	int yy, mm, dd;

	if (s == NULL || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return -1;
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	z = acad_days(y, m, d);
	acad_civil(z, &yy, &mm, &dd);
	if (yy != y || mm != m || dd != d)	/* 31/02 and the like */
		return -1;
	*days = z;
	return 0;
}

void
acad_fmt_date(int64_t days, char out[11])
{
	char tmp[40];
	int y, m, d;

	acad_civil(days, &y, &m, &d);
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(out, tmp, 10);
	out[10] = '\0';
}

int
acad_parse_hm(const char *s, int *minutes)
{
	int h, m, n = 0;

	if (s == NULL || sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || s[n] != '\0')
		return -1;
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

static const char *const wd_keys[] = {
	NULL, "academic.wd1", "academic.wd2", "academic.wd3", "academic.wd4",
	"academic.wd5", "academic.wd6", "academic.wd7"
};

const char *
acad_weekdays_text(struct arena *a, const char *lang, const int *wd, int n)
{
	const char *s = "";
	int i;

	for (i = 0; i < n; i++) {
		const char *name = wd[i] >= 1 && wd[i] <= 7 ? i18n_get(lang, wd_keys[wd[i]]) : "?";

		if (i == 0)
			s = name;
		else if (i == n - 1)
			s = arena_printf(a, "%s %s %s", s, i18n_get(lang, "academic.and"), name);
		else
			s = arena_printf(a, "%s, %s", s, name);
	}
	return s;
}

const char *
acad_day_text(struct arena *a, const char *lang, int64_t days)
{
	int y, m, d;
	const char *name = i18n_get(lang, wd_keys[acad_isodow(days)]);

	acad_civil(days, &y, &m, &d);
	if (lang != NULL && strcmp(lang, "en") == 0)
		return arena_printf(a, "%s %d/%d", name, m, d);
	return arena_printf(a, "%s %d/%d", name, d, m);
}
