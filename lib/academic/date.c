/* See LICENSE. date.c: weekdays and days in words; the arithmetic is core/date.c. */
#include <string.h>

#include "academic/acad.h"
#include "core/i18n.h"
#include "core/mem.h"

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
	const char *name = i18n_get(lang, wd_keys[civil_weekday(days)]);

	civil_from_days(days, &y, &m, &d);
	if (lang != NULL && strcmp(lang, "en") == 0)
		return arena_printf(a, "%s %d/%d", name, m, d);
	return arena_printf(a, "%s %d/%d", name, d, m);
}
