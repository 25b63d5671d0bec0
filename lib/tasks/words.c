/* See LICENSE. words.c: "hecho 2", "borra el hito 1", "cambia la 2 al viernes", "deshacer". */
#include <string.h>

#include "tasks/tasks.h"
#include "tasks/internal.h"
#include "bot/bot.h"
#include "core/tz.h"

/* The task the words name, through "act"; a task gone meanwhile is said so. */
static int
on_ref(struct bot_ctx *c, const struct nlu_result *r, const char *verb, int (*act)(struct bot_ctx *, int64_t))
{
	int64_t id;
	int rc;

	rc = tasks_resolve(c, r->ref[0] ? r->ref : r->title, verb, &id);
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	rc = act(c, id);
	if (rc == 1)
		reply_msgf(c->reply, "tasks.gone");
	return rc < 0 ? -1 : 0;
}

int
tasks_done(struct bot_ctx *c, const struct nlu_result *r)
{
	return on_ref(c, r, "done", tasks_do_done);
}

int
tasks_delete(struct bot_ctx *c, const struct nlu_result *r)
{
	return on_ref(c, r, "del", tasks_do_delete);
}

/*
 * The task to move: the one named, or, when the words name none ("cambia
 * la fecha al viernes", "move it to friday"), the one whose "Change date"
 * button was just pressed.
 */
static int
which(struct bot_ctx *c, const struct nlu_result *r, int64_t *id)
{
	const char *ref = r->ref[0] ? r->ref : r->title;
	int nw, rc;

	tasks_match_score(ref, "", &nw);
	if (nw == 0) {
		if ((rc = tasks_store_current(c->db, c->user.id, id)) != 1)
			return rc;
		reply_msgf(c->reply, "tasks.which");
		return 1;
	}
	return tasks_resolve(c, ref, NULL, id);
}

/*
 * "cambia la 2 al viernes": the new date from due_date (or date), its time
 * if said, else the time the task had, else the end of the day.
 */
int
tasks_edit(struct bot_ctx *c, const struct nlu_result *r)
{
	const char *date = r->due_date[0] ? r->due_date : r->date;
	const char *hhmm = r->due_time[0] ? r->due_time : r->start;
	char old[6];
	struct task t;
	struct tm tm;
	time_t due;
	int64_t id;
	int rc;

	if (date[0] == '\0') {
		reply_msgf(c->reply, "tasks.edit_need_date");
		return 0;
	}
	if ((rc = which(c, r, &id)) != 0)
		return rc < 0 ? -1 : 0;
	if ((rc = tasks_store_get(c->db, c->a, c->user.id, id, &t)) != 0)
		return rc < 0 ? -1 : 0;
	if (hhmm[0] == '\0' && t.has_time && tz_localtime(c->user.tz, t.due, &tm) == 0) {
		strftime(old, sizeof old, "%H:%M", &tm);
		hhmm = old;
	}
	if (tasks_due_instant(c->user.tz, date, hhmm, &due) != 0) {
		reply_msgf(c->reply, "tasks.bad_date");
		return 0;
	}
	rc = tasks_do_move(c, id, due, hhmm[0] != '\0');
	return rc < 0 ? -1 : 0;
}

