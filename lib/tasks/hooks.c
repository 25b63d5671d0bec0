/* See LICENSE. hooks.c: deadlines for the agenda and digest (a day section) and for the calendar feed. */
#include <stdio.h>

#include "tasks/tasks.h"
#include "tasks/internal.h"
#include "core/i18n.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "core/tz.h"

/*
 * The tasks due on local day "date", under their own heading, in the
 * agenda's layout (a blank line between sections, "• " items):
 * "📝 Entregas\n• <b>title</b> · 18:00". Returns the count, or -1.
 */
int
tasks_day_section(struct db *db, int64_t user_id, const char *lang, const char *tz,
    const char *date, struct strbuf *out)
{
	struct arena *a;
	struct task *ts;
	struct tm tm;
	size_t i, n;
	time_t from, to;
	int rc = -1;

	if (tasks_day_bounds(tz, date, &from, &to) != 0)
		return -1;
	a = arena_new();
	if (tasks_store_due_between(db, a, user_id, from, to, &ts, &n) != 0)
		goto out;
	if (n > 0)
		strbuf_addf(out, "%s%s", out->len > 0 ? "\n\n" : "", i18n_get(lang, "tasks.day_head"));
	for (i = 0; i < n; i++) {
		strbuf_adds(out, "\n• <b>");
		strbuf_add_html(out, ts[i].title);
		strbuf_adds(out, "</b>");
		if (ts[i].has_time && tz_localtime(tz, ts[i].due, &tm) == 0)
			strbuf_addf(out, " · %02d:%02d", tm.tm_hour, tm.tm_min);
	}
	rc = (int)n;
out:
	arena_free(a);
	return rc;
}

/* Every pending task as a deadline: an event that starts and ends at the due instant. */
int
tasks_feed_source(struct db *db, int64_t user_id, const char *tz, feed_emit_fn emit, void *arg)
{
	struct arena *a;
	struct task *ts;
	struct feed_event ev;
	char uid[64];
	size_t i, n;
	int rc = -1;

	a = arena_new();
	if (tasks_store_pending(db, a, user_id, &ts, &n) != 0)
		goto out;
	for (i = 0; i < n; i++) {
		snprintf(uid, sizeof uid, "task-%lld@mystudentbot", (long long)ts[i].id);
		ev.uid = uid;
		ev.summary = ts[i].title;
		ev.location = NULL;
		ev.start = ts[i].due;
		ev.end = ts[i].due;
		ev.rrule = NULL;
		emit(arg, &ev);
	}
	rc = 0;
out:
	arena_free(a);
	return rc;
}
