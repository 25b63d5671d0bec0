/* See LICENSE. schedule.c: a task's reminders in reminders.queue, exactly those its lead times imply. */
#include <string.h>

#include "tasks/internal.h"
#include "tasks/tasks.h"
#include "bot/bot.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "reminders/queue.h"

/* "⏰ Hacer hito 1 de CC — jue 10 dic": a task's reminder, in the user's language and zone. */
static void
reminder_text(const char *lang, const char *tz, const struct task *t, struct strbuf *out)
{
	struct strbuf title = STRBUF_INIT, date = STRBUF_INIT;

	strbuf_add_html(&title, t->title);
	tasks_fmt_date(&date, lang, tz, t->due, t->has_time);
	strbuf_addf(out, i18n_get(lang, "tasks.reminder"), strbuf_str(&title), strbuf_str(&date));
	strbuf_release(&title);
	strbuf_release(&date);
}

/*
 * Cancels every pending reminder of task "t" and, if it is still pending,
 * schedules one per lead time whose instant is still to come (a lead already
 * past is not sent late). Runs in the caller's transaction, so a task change
 * and its reminders land together. The text is rendered now, in the user's
 * language. Returns 0 or -1.
 */
int
tasks_reschedule(struct db *db, int64_t user_id, const char *lang, const char *tz, time_t now,
    const struct task *t)
{
	struct reminder_spec rs;
	struct strbuf text = STRBUF_INIT;
	time_t at;
	int i, rc = -1;

	if (reminders_cancel(db, user_id, "task", t->id) != 0)
		return -1;
	if (strcmp(t->status, "pending") != 0 || t->nleads == 0)
		return 0;
	reminder_text(lang, tz, t, &text);
	memset(&rs, 0, sizeof rs);
	rs.user_id = user_id;
	rs.kind = "task";
	rs.ref_id = t->id;
	rs.expires_at = t->due;
	rs.text_html = strbuf_str(&text);
	for (i = 0; i < t->nleads; i++) {
		if (tasks_lead_instant(tz, t->due, t->leads[i], &at) != 0)
			goto out;
		if (at <= now)
			continue;
		rs.due_at = at;
		if (reminders_schedule(db, &rs) != 0)
			goto out;
	}
	rc = 0;
out:
	strbuf_release(&text);
	return rc;
}

int
tasks_reschedule_all(struct bot_ctx *c, bool all)
{
	struct task *ts;
	size_t i, n;

	if (tasks_store_pending(c->db, c->a, c->user.id, &ts, &n) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (all || !ts[i].own_leads)
			if (tasks_reschedule(c->db, c->user.id, c->user.lang, c->user.tz, c->now, &ts[i]) != 0)
				return -1;
	return 0;
}

/*
 * The language or zone changed: the same reminders, at the same moments
 * (snoozed ones too), with their text rendered again. Rescheduling would
 * drop a snooze and a reminder due this minute but not sent yet.
 */
int
tasks_settings_changed(struct bot_ctx *c)
{
	struct strbuf text = STRBUF_INIT;
	struct task *ts;
	size_t i, n;
	int rc = 0;

	if (tasks_store_pending(c->db, c->a, c->user.id, &ts, &n) != 0)
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		strbuf_reset(&text);
		reminder_text(c->user.lang, c->user.tz, &ts[i], &text);
		rc = reminders_retext(c->db, c->user.id, "task", ts[i].id, strbuf_str(&text));
	}
	strbuf_release(&text);
	return rc;
}
