/* See LICENSE. add.c: "Hacer hito 1 de CC para el 10/10/2100" becomes a task, or a question if the date is past. */
#include <stdio.h>
#include <string.h>

#include "tasks/tasks.h"
#include "tasks/internal.h"
#include "bot/bot.h"
#include "core/mem.h"

/* Fills "t" from the parser's slots; replies and returns 1 when something needed is missing. */
static int
from_slots(struct bot_ctx *c, const struct nlu_result *r, struct task *t)
{
	memset(t, 0, sizeof *t);
	if (r->due_date[0] == '\0') {
		reply_msgf(c->reply, "tasks.need_date");
		return 1;
	}
	if (r->title[0] == '\0') {
		reply_msgf(c->reply, "tasks.need_title");
		return 1;
	}
	if (tasks_due_instant(c->user.tz, r->due_date, r->due_time, &t->due) != 0) {
		reply_msgf(c->reply, "tasks.bad_date");
		return 1;
	}
	t->title = r->title;
	t->subject = r->subject[0] ? r->subject : NULL;
	t->has_time = r->due_time[0] != '\0';
	return 0;
}

/* A due date already gone is kept as a draft until the user says keep or cancel. */
static int
ask_past(struct bot_ctx *c, struct task *t)
{
	struct reply_item *it;

	snprintf(t->status, sizeof t->status, "draft");
	if (tasks_store_insert(c->db, c->user.id, t, &t->id) != 0)
		return -1;
	it = reply_msgf(c->reply, "tasks.past_q", tasks_line(c, t));
	if (it == NULL)
		return 0;
	reply_button(it, c->reply, reply_fmt(c->reply, "tasks.btn.keep"),
	    arena_printf(c->a, "t:keep:%lld", (long long)t->id));
	reply_button(it, c->reply, reply_fmt(c->reply, "tasks.btn.cancel"),
	    arena_printf(c->a, "t:drop:%lld", (long long)t->id));
	return 0;
}

int
tasks_add(struct bot_ctx *c, const struct nlu_result *r)
{
	struct task t;
	int64_t undo;
	int rc;

	if ((rc = from_slots(c, r, &t)) != 0)
		return rc < 0 ? -1 : 0;
	if (tasks_store_prune(c->db, c->user.id) != 0)
		return -1;
	if (t.due <= c->now)
		return ask_past(c, &t);
	snprintf(t.status, sizeof t.status, "pending");
	if (tasks_store_insert(c->db, c->user.id, &t, &t.id) != 0 ||
	    tasks_store_default_leads(c->db, c->user.id, t.leads, &t.nleads) != 0 ||
	    tasks_undo_record(c, t.id, "add", &undo) != 0 ||
	    tasks_reschedule(c->db, c->user.id, c->user.lang, c->user.tz, c->now, &t) != 0)
		return -1;
	tasks_confirm(c, "tasks.added", &t, undo);
	return 0;
}
