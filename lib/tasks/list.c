/* See LICENSE. list.c: pending tasks by due date, numbered, marked, in as many messages as it takes. */
#include <stdio.h>
#include <string.h>

#include "tasks/tasks.h"
#include "tasks/internal.h"
#include "bot/bot.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "core/tz.h"

/* The filters a request may carry: a subject's words, a day, an "until" day. */
struct filter {
	const char	*words;		/* "CC": matches the subject or every word in the title */
	time_t		 from, to;	/* due in [from, to); 0 = open */
};

static void
filter_from(struct bot_ctx *c, const struct nlu_result *r, struct filter *f)
{
	time_t s, e;

	memset(f, 0, sizeof *f);
	if (r->subject[0] != '\0')
		f->words = r->subject;
	if (r->date[0] != '\0' && tasks_day_bounds(c->user.tz, r->date, &s, &e) == 0) {
		f->from = s;
		f->to = e;
	} else if (r->until[0] != '\0' && tasks_day_bounds(c->user.tz, r->until, &s, &e) == 0)
		f->to = e;
}

static bool
subject_fits(const char *words, const struct task *t)
{
	int nw, s;

	if (t->subject != NULL) {
		s = tasks_match_score(words, t->subject, &nw);
		if (nw > 0 && s == nw)
			return true;
	}
	s = tasks_match_score(words, t->title, &nw);
	return nw > 0 && s == nw;
}

static bool
fits(const struct filter *f, const struct task *t)
{
	if (f->from != 0 && t->due < f->from)
		return false;
	if (f->to != 0 && t->due >= f->to)
		return false;
	return f->words == NULL || subject_fits(f->words, t);
}

/* "3. ⚠️ <b>title</b> — vie 4 dic 2026 (vencida)": overdue and due-today marked. */
static const char *
list_line(struct bot_ctx *c, size_t num, const struct task *t)
{
	struct tm due;
	const char *mark = "";
	bool today;

	today = tz_localtime(c->user.tz, t->due, &due) == 0 && due.tm_year + 1900 == c->local.year &&
	    due.tm_mon + 1 == c->local.month && due.tm_mday == c->local.day;
	if (t->due < c->now)
		mark = reply_fmt(c->reply, "tasks.mark.overdue");
	else if (today)
		mark = reply_fmt(c->reply, "tasks.mark.today");
	return arena_printf(c->a, "%zu. %s%s", num, tasks_line(c, t), mark);
}

static int
send_list(struct bot_ctx *c, const struct filter *f, struct task *ts, size_t n)
{
	const char **lines, **chunks;
	int64_t *ids;
	size_t i, k = 0, shown = 0, nch;

	lines = arena_alloc(c->a, (n + 1) * sizeof *lines);
	ids = arena_alloc(c->a, (n + 1) * sizeof *ids);
	for (i = 0; i < n; i++) {
		if (!fits(f, &ts[i]))
			continue;
		if (k < TASKS_LIST_MAX) {
			ids[shown] = ts[i].id;
			lines[shown] = list_line(c, shown + 1, &ts[i]);
			shown++;
		}
		k++;
	}
	if (k == 0) {
		reply_msgf(c->reply, f->words || f->from || f->to ? "tasks.list_none_match" : "tasks.list_empty");
		return 0;
	}
	if (k > shown)
		lines[shown] = reply_fmt(c->reply, "tasks.list_more", (int)(k - shown));
	nch = tasks_split(c->a, reply_fmt(c->reply, "tasks.list_head", (int)k), lines, shown + (k > shown),
	    TASKS_MSG_MAX, &chunks);
	for (i = 0; i < nch; i++)
		reply_text(c->reply, chunks[i]);
	return tasks_store_last_list_save(c->db, c->user.id, ids, shown);
}

int
tasks_list(struct bot_ctx *c, const struct nlu_result *r)
{
	struct filter f;
	struct task *ts;
	size_t n;

	filter_from(c, r, &f);
	if (tasks_store_pending(c->db, c->a, c->user.id, &ts, &n) != 0)
		return -1;
	return send_list(c, &f, ts, n);
}
