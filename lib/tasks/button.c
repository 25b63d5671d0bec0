/* See LICENSE. button.c: "t:<verb>:<id>" buttons, checked against the user who pressed them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasks/tasks.h"
#include "tasks/internal.h"
#include "bot/bot.h"
#include "core/mem.h"

/* Parses "t:verb:id" (id > 0); 0 or -1. */
static int
parse(const char *data, char *verb, size_t vlen, int64_t *id)
{
	const char *p, *q;
	char *end;
	long long v;

	if (strncmp(data, "t:", 2) != 0)
		return -1;
	p = data + 2;
	q = strchr(p, ':');
	if (q == NULL || (size_t)(q - p) >= vlen || q == p)
		return -1;
	memcpy(verb, p, (size_t)(q - p));
	verb[q - p] = '\0';
	v = strtoll(q + 1, &end, 10);
	if (end == q + 1 || *end != '\0' || v <= 0)
		return -1;
	*id = (int64_t)v;
	return 0;
}

/* "Change date": moving by words keeps the old time; a tap moves a day or a week. */
static int
ask_date(struct bot_ctx *c, int64_t id)
{
	struct reply_item *it;
	struct task t;
	int rc;

	if ((rc = tasks_store_get(c->db, c->a, c->user.id, id, &t)) != 0)
		return rc;
	if (strcmp(t.status, "pending") != 0) {
		reply_msgf(c->reply, "tasks.not_pending");
		return 0;
	}
	/* The next "cambia la fecha al viernes" means this task (tasks_store_current). */
	if (tasks_store_last_list_save(c->db, c->user.id, &id, 1) != 0)
		return -1;
	it = reply_msgf(c->reply, "tasks.ask_date", tasks_line(c, &t));
	if (it == NULL)
		return 0;
	reply_button(it, c->reply, reply_fmt(c->reply, "tasks.btn.plus1"), arena_printf(c->a, "t:p1:%lld", (long long)id));
	reply_button(it, c->reply, reply_fmt(c->reply, "tasks.btn.plus7"), arena_printf(c->a, "t:p7:%lld", (long long)id));
	return 0;
}

/* Moves by whole days on the user's wall clock (same local time, daylight saving or not). */
static int
shift(struct bot_ctx *c, int64_t id, int days)
{
	struct task t;
	time_t due;
	int rc;

	if ((rc = tasks_store_get(c->db, c->a, c->user.id, id, &t)) != 0)
		return rc;
	if (tasks_shift_days(c->user.tz, t.due, days, &due) != 0)
		return -1;
	return tasks_do_move(c, id, due, t.has_time);
}

/* The draft of a past date: keep makes it a task (reminders none: their moments are gone). */
static int
keep(struct bot_ctx *c, int64_t id, bool yes)
{
	struct task t;
	int64_t undo;
	int rc;

	if ((rc = tasks_store_get(c->db, c->a, c->user.id, id, &t)) != 0)
		return rc;
	if (strcmp(t.status, "draft") != 0) {
		reply_msgf(c->reply, "tasks.answered");
		return 0;
	}
	if (!yes) {
		if (tasks_store_set_status(c->db, c->user.id, id, "deleted") != 0)
			return -1;
		reply_msgf(c->reply, "tasks.dropped", reply_esc(c->reply, t.title));
		return 0;
	}
	if (tasks_store_set_status(c->db, c->user.id, id, "pending") != 0 ||
	    tasks_store_default_leads(c->db, c->user.id, t.leads, &t.nleads) != 0 ||
	    tasks_undo_record(c, id, "add", &undo) != 0)
		return -1;
	snprintf(t.status, sizeof t.status, "pending");
	if (tasks_reschedule(c->db, c->user.id, c->user.lang, c->user.tz, c->now, &t) != 0)
		return -1;
	tasks_confirm(c, "tasks.added", &t, undo);
	return 0;
}

static int
run(struct bot_ctx *c, const char *verb, int64_t id)
{
	if (strcmp(verb, "done") == 0)
		return tasks_do_done(c, id);
	if (strcmp(verb, "del") == 0)
		return tasks_do_delete(c, id);
	if (strcmp(verb, "undo") == 0)
		return tasks_do_undo(c, id);
	if (strcmp(verb, "date") == 0)
		return ask_date(c, id);
	if (strcmp(verb, "p1") == 0)
		return shift(c, id, 1);
	if (strcmp(verb, "p7") == 0)
		return shift(c, id, 7);
	if (strcmp(verb, "keep") == 0)
		return keep(c, id, true);
	if (strcmp(verb, "drop") == 0)
		return keep(c, id, false);
	return 1;
}

/*
 * Every id is looked up with the presser's user id, so data forged or
 * forwarded for someone else's task finds nothing: the answer says so and
 * nothing changes. The callback is answered on every path.
 */
int
tasks_button(struct bot_ctx *c, const char *data)
{
	const char *cb = c->u->callback_id;
	char verb[8];
	int64_t id;
	int rc = 1;

	if (parse(data, verb, sizeof verb, &id) == 0)
		rc = run(c, verb, id);
	if (rc < 0)
		return -1;
	reply_callback_answer(c->reply, cb, reply_fmt(c->reply, rc == 0 ? "tasks.cb_ok" : "tasks.cb_refused"));
	return 0;
}
