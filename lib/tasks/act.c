/* See LICENSE. act.c: done, delete, move and undo, the same whether asked in words or by a button. */
#include <stdio.h>
#include <string.h>

#include "tasks/internal.h"
#include "tasks/tasks.h"
#include "bot/bot.h"

/* Loads the user's task "id"; 1 when it is not theirs or not there. */
static int
load(struct bot_ctx *c, int64_t id, struct task *t)
{
	return tasks_store_get(c->db, c->a, c->user.id, id, t);
}

static int
resched(struct bot_ctx *c, const struct task *t)
{
	return tasks_reschedule(c->db, c->user.id, c->user.lang, c->user.tz, c->now, t);
}

/* Sets "status" with an undo record, cancels the reminders, confirms with "key". */
static int
set_status(struct bot_ctx *c, int64_t id, const char *action, const char *status, const char *key)
{
	struct task t;
	int64_t undo;
	int rc;

	if ((rc = load(c, id, &t)) != 0)
		return rc;
	if (strcmp(t.status, status) == 0) {
		reply_msgf(c->reply, strcmp(status, "done") == 0 ? "tasks.already_done" : "tasks.gone");
		return 0;
	}
	if (tasks_undo_record(c, id, action, &undo) != 0 ||
	    tasks_store_set_status(c->db, c->user.id, id, status) != 0)
		return -1;
	snprintf(t.status, sizeof t.status, "%s", status);
	if (resched(c, &t) != 0)
		return -1;
	tasks_confirm(c, key, &t, undo);
	return 0;
}

int
tasks_do_done(struct bot_ctx *c, int64_t id)
{
	return set_status(c, id, "done", "done", "tasks.done_ok");
}

int
tasks_do_delete(struct bot_ctx *c, int64_t id)
{
	return set_status(c, id, "delete", "deleted", "tasks.deleted");
}

/* A new due instant: the old reminders go, those of the new date come, in this transaction. */
int
tasks_do_move(struct bot_ctx *c, int64_t id, time_t due, bool has_time)
{
	struct task t;
	int64_t undo;
	int rc;

	if ((rc = load(c, id, &t)) != 0)
		return rc;
	if (strcmp(t.status, "pending") != 0) {
		reply_msgf(c->reply, "tasks.not_pending");
		return 0;
	}
	if (due <= c->now) {
		reply_msgf(c->reply, "tasks.move_past");
		return 0;
	}
	if (tasks_undo_record(c, id, "edit", &undo) != 0 ||
	    tasks_store_set_due(c->db, c->user.id, id, due, has_time) != 0)
		return -1;
	t.due = due;
	t.has_time = has_time;
	if (resched(c, &t) != 0)
		return -1;
	tasks_confirm(c, "tasks.moved", &t, undo);
	return 0;
}

int
tasks_undo_record(struct bot_ctx *c, int64_t task_id, const char *action, int64_t *undo_id)
{
	if (tasks_store_undo_push(c->db, c->user.id, task_id, action, undo_id) != 0)
		return -1;
	return bot_change_note(c, "tasks", *undo_id);
}

/* "undo_id" 0 is the user's latest change not undone yet. */
int
tasks_do_undo(struct bot_ctx *c, int64_t undo_id)
{
	struct task t;
	const char *action;
	int64_t tid;
	int rc;

	rc = tasks_store_undo_pop(c->db, c->a, c->user.id, undo_id, &tid, &action);
	if (rc != 0)
		return rc;
	if (load(c, tid, &t) != 0 || resched(c, &t) != 0)
		return -1;
	if (strcmp(t.status, "deleted") == 0)
		reply_msgf(c->reply, "tasks.undone_gone", reply_esc(c->reply, t.title));
	else
		tasks_confirm(c, "tasks.undone", &t, 0);
	return 0;
}
