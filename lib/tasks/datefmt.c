/* See LICENSE. datefmt.c: a due date as the user reads it, in their language and zone. */
#include <stdio.h>
#include <time.h>

#include "tasks/internal.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "core/tz.h"

/*
 * Appends instant "t" as a date in zone "tz": "vie 4 dic 2026" in Spanish,
 * "Fri, Dec 4, 2026" in English (the catalog's tasks.date decides the
 * order), then the time when "with_time".
 */
void
tasks_fmt_date(struct strbuf *sb, const char *lang, const char *tz, time_t t, bool with_time)
{
	struct tm tm;
	char key[24];
	const char *wd, *mon;
	struct strbuf d = STRBUF_INIT;

	if (tz_localtime(tz, t, &tm) != 0) {
		strbuf_adds(sb, "?");
		return;
	}
	snprintf(key, sizeof key, "tasks.wd.%d", tm.tm_wday);
	wd = i18n_get(lang, key);
	snprintf(key, sizeof key, "tasks.mon.%d", tm.tm_mon + 1);
	mon = i18n_get(lang, key);
	strbuf_addf(&d, i18n_get(lang, "tasks.date"), wd, tm.tm_mday, mon, tm.tm_year + 1900);
	if (with_time)
		strbuf_addf(sb, i18n_get(lang, "tasks.date_time"), strbuf_str(&d), tm.tm_hour, tm.tm_min);
	else
		strbuf_adds(sb, strbuf_str(&d));
	strbuf_release(&d);
}
