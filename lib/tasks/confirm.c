/* See LICENSE. confirm.c: the confirmation of a task change, with its buttons. */
#include <string.h>

#include "tasks/internal.h"
#include "bot/bot.h"
#include "core/mem.h"
#include "core/strbuf.h"

/* "<b>title</b> — vie 4 dic 2026, 10:00", the title escaped. */
const char *
tasks_line(struct bot_ctx *c, const struct task *t)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s;

	strbuf_adds(&sb, "<b>");
	strbuf_add_html(&sb, t->title);
	strbuf_adds(&sb, "</b> — ");
	tasks_fmt_date(&sb, c->user.lang, c->user.tz, t->due, t->has_time);
	s = arena_strdup(c->a, strbuf_str(&sb));
	strbuf_release(&sb);
	return s;
}

/*
 * Buttons under a confirmation: a pending task can be marked done, moved or
 * deleted; "undo_id" > 0 adds the one undo of this change.
 */
void
tasks_task_buttons(struct reply_item *it, struct reply *r, const struct task *t, int64_t undo_id)
{
	long long id = (long long)t->id;

	if (strcmp(t->status, "pending") == 0) {
		reply_button(it, r, reply_fmt(r, "tasks.btn.done"), arena_printf(r->a, "t:done:%lld", id));
		reply_button(it, r, reply_fmt(r, "tasks.btn.date"), arena_printf(r->a, "t:date:%lld", id));
		reply_row(it);
		reply_button(it, r, reply_fmt(r, "tasks.btn.delete"), arena_printf(r->a, "t:del:%lld", id));
	}
	if (undo_id > 0)
		reply_button(it, r, reply_fmt(r, "tasks.btn.undo"),
		    arena_printf(r->a, "t:undo:%lld", (long long)undo_id));
}

/* Catalog "key" takes the task's line as its one argument. */
void
tasks_confirm(struct bot_ctx *c, const char *key, const struct task *t, int64_t undo_id)
{
	struct reply_item *it;

	it = reply_msgf(c->reply, key, tasks_line(c, t));
	if (it != NULL)
		tasks_task_buttons(it, c->reply, t, undo_id);
}
