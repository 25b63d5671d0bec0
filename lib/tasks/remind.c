/* See LICENSE. remind.c: "recuérdame las tareas 1 día antes", "avísame 3 días antes del hito 1". */
#include <string.h>

#include "tasks/tasks.h"
#include "tasks/internal.h"
#include "bot/bot.h"
#include "core/strbuf.h"
#include "core/mem.h"

static const char *
leads_text(struct bot_ctx *c, const int *leads, int n)
{
	struct strbuf sb = STRBUF_INIT;
	const char *s;
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_adds(&sb, i == n - 1 ? reply_fmt(c->reply, "tasks.and") : ", ");
		tasks_fmt_lead(&sb, c->user.lang, leads[i]);
	}
	s = arena_strdup(c->a, strbuf_str(&sb));
	strbuf_release(&sb);
	return s;
}

/*
 * Until the parser gives ref for "antes del X" (tests/integration/test_tasks.py needs
 * "avísame 3 días antes del hito 1" to reach the task): the only handler reading the text.
 * The words after "antes del" / "before" in what the user wrote ("avísame 3
 * días antes del hito 1"), for when the parser gave no ref: "antes" alone or
 * "before deadlines" leaves nothing that names a task.
 */
static const char *
words_after_before(struct bot_ctx *c)
{
	static const char *const links[] = { " antes del ", " antes de la ", " antes de ", " before the ",
	    " before my ", " before ", NULL };
	const char *text = c->u != NULL ? c->u->text : NULL, *p;
	size_t i;

	for (i = 0; text != NULL && links[i] != NULL; i++)
		if ((p = strstr(text, links[i])) != NULL)
			return p + strlen(links[i]);
	return NULL;
}

/* Words that name a task, or NULL when the request is about tasks in general. */
static const char *
task_words(struct bot_ctx *c, const struct nlu_result *r)
{
	const char *w = r->ref[0] ? r->ref : r->title;
	int nw;

	if (w[0] == '\0' && (w = words_after_before(c)) == NULL)
		return NULL;
	tasks_match_score(w, "", &nw);
	return nw > 0 ? w : NULL;
}

/* One task's own lead time, undoable. */
static int
set_for_task(struct bot_ctx *c, const char *words, int minutes)
{
	struct task t;
	int64_t id, undo;
	int rc;

	if ((rc = tasks_resolve(c, words, NULL, &id)) != 0)
		return rc < 0 ? -1 : 0;
	if (tasks_store_get(c->db, c->a, c->user.id, id, &t) != 0 ||
	    tasks_undo_record(c, id, "remind", &undo) != 0 ||
	    tasks_store_set_leads(c->db, c->user.id, id, &minutes, 1, true) != 0)
		return -1;
	t.leads[0] = minutes;
	t.nleads = 1;
	t.own_leads = true;
	if (tasks_reschedule(c->db, c->user.id, c->user.lang, c->user.tz, c->now, &t) != 0)
		return -1;
	tasks_confirm(c, "tasks.remind_task", &t, undo);
	return 0;
}

int
tasks_reminder_set(struct bot_ctx *c, const struct nlu_result *r)
{
	const char *words = task_words(c, r);
	int leads[TASKS_MAX_LEADS], n;

	if (r->target[0] != '\0' && strcmp(r->target, "tasks") != 0) {
		reply_msgf(c->reply, "tasks.remind_other");
		return 0;
	}
	if (!r->has_minutes || r->minutes <= 0 || r->minutes > 525600) {
		if (tasks_store_default_leads(c->db, c->user.id, leads, &n) != 0)
			return -1;
		reply_msgf(c->reply, n ? "tasks.remind_show" : "tasks.remind_show_off", leads_text(c, leads, n));
		return 0;
	}
	if (words != NULL)
		return set_for_task(c, words, r->minutes);
	n = 1;
	leads[0] = r->minutes;
	if (tasks_store_set_default_leads(c->db, c->user.id, leads, n) != 0 || tasks_reschedule_all(c, false) != 0)
		return -1;
	reply_msgf(c->reply, "tasks.remind_default", leads_text(c, leads, n));
	return 0;
}

/* No more task reminders: the defaults become none and every task's own lead times go. */
int
tasks_reminder_off(struct bot_ctx *c, const struct nlu_result *r)
{
	struct task *ts;
	size_t i, n;

	if (r->target[0] != '\0' && strcmp(r->target, "tasks") != 0) {
		reply_msgf(c->reply, "tasks.remind_other");
		return 0;
	}
	if (tasks_store_set_default_leads(c->db, c->user.id, NULL, 0) != 0 ||
	    tasks_store_pending(c->db, c->a, c->user.id, &ts, &n) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (ts[i].own_leads && tasks_store_set_leads(c->db, c->user.id, ts[i].id, NULL, 0, false) != 0)
			return -1;
	if (tasks_reschedule_all(c, true) != 0)
		return -1;
	reply_msgf(c->reply, "tasks.remind_off");
	return 0;
}
