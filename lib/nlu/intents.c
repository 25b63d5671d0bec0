/* See LICENSE. intents.c: which request a message is, from the evidence the grammars found. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "nlu/nlu_int.h"

/* What the message holds, counted once, so that the rules below read as sentences. */
struct evidence {
	int	 words;		/* content words: no filler, greeting, date, time or amount */
	int	 names;		/* of those, words that are not links, articles or numbers */
	bool	 number;	/* a number no grammar took */
	bool	 question;
	bool	 greet, help, todo, taskverb0, tasknoun, tasks, done, spent, howmuch, total, expense;
	bool	 chart, kind, klass, timetable, agenda, remind, advance, budget, room;
	bool	 list, del, edit, undo, export, language, timezone, calendar, digest, term, holiday;
	bool	 off, stoppay, data, lastone, link_future, category, cap_word;
	bool	 past_date, future_date;
	int	 sure_money;
};

/* True when the folded words of "phrase" start at token "i". */
static bool
zone_match(const struct nlu_ctx *c, int i, const char *phrase)
{
	size_t	 l;

	for (; *phrase; i++) {
		if (i >= c->n)
			return false;
		l = strlen(c->t[i].f);
		if (strncmp(phrase, c->t[i].f, l) != 0 || (phrase[l] != ' ' && phrase[l] != '\0'))
			return false;
		phrase += l;
		if (*phrase == ' ')
			phrase++;
	}
	return true;
}

static bool
has_phrase(const struct nlu_ctx *c, int cls)
{
	return tok_said(c, cls);
}

/* True when a word of class "cls" starts the message, after fillers. */
static bool
first_is(const struct nlu_ctx *c, int cls)
{
	int	 i = 0, used;

	while (i < c->n) {
		if ((used = tok_phrase(c, i, V_FILLER, NULL)) > 0 || (used = tok_phrase(c, i, V_GREET, NULL)) > 0)
			i += used;
		else if (c->t[i].kind == T_PUNCT)
			i++;
		else
			break;
	}
	return i < c->n && tok_phrase(c, i, cls, NULL) > 0;
}

static bool
is_content(const struct nlu_ctx *c, int i)
{
	return c->t[i].role == R_NONE && c->t[i].kind != T_PUNCT && !tok_is(c, i, V_FILLER, NULL) &&
	    !tok_is(c, i, V_GREET, NULL) && !tok_is(c, i, V_THANKS, NULL);
}

/* Which class of words sets which flag of "struct evidence": a word or phrase anywhere. */
static const struct {
	int	 cls;
	size_t	 off;
} said_flags[] = {
	{ V_HELP, offsetof(struct evidence, help) }, { V_TODO, offsetof(struct evidence, todo) },
	{ V_TASKNOUN, offsetof(struct evidence, tasknoun) }, { V_TASKS, offsetof(struct evidence, tasks) },
	{ V_DONE, offsetof(struct evidence, done) }, { V_SPENT, offsetof(struct evidence, spent) },
	{ V_HOWMUCH, offsetof(struct evidence, howmuch) }, { V_TOTAL, offsetof(struct evidence, total) },
	{ V_EXPENSE, offsetof(struct evidence, expense) }, { V_CHART, offsetof(struct evidence, chart) },
	{ V_CHARTKIND, offsetof(struct evidence, kind) }, { V_CLASS, offsetof(struct evidence, klass) },
	{ V_TIMETABLE, offsetof(struct evidence, timetable) }, { V_AGENDA, offsetof(struct evidence, agenda) },
	{ V_REMIND, offsetof(struct evidence, remind) }, { V_ADVANCE, offsetof(struct evidence, advance) },
	{ V_BUDGET, offsetof(struct evidence, budget) }, { V_LIST, offsetof(struct evidence, list) },
	{ V_DELETE, offsetof(struct evidence, del) }, { V_EDIT, offsetof(struct evidence, edit) },
	{ V_UNDO, offsetof(struct evidence, undo) }, { V_EXPORT, offsetof(struct evidence, export) },
	{ V_LANGUAGE, offsetof(struct evidence, language) }, { V_TIMEZONE, offsetof(struct evidence, timezone) },
	{ V_CALENDAR, offsetof(struct evidence, calendar) }, { V_DIGEST, offsetof(struct evidence, digest) },
	{ V_TERM, offsetof(struct evidence, term) }, { V_HOLIDAY, offsetof(struct evidence, holiday) },
	{ V_OFF, offsetof(struct evidence, off) }, { V_STOPPAY, offsetof(struct evidence, stoppay) },
	{ V_DATA, offsetof(struct evidence, data) }, { V_LASTONE, offsetof(struct evidence, lastone) },
	{ V_CATEGORY, offsetof(struct evidence, category) },
};

/* What each token adds: content words, a question mark, a capital, a "para"/"by" before a date. */
static void
gather_tokens(const struct nlu_ctx *c, struct evidence *e)
{
	int	 i;

	for (i = 0; i < c->n; i++) {
		e->words += is_content(c, i);
		e->number |= c->t[i].kind == T_NUM && c->t[i].role == R_NONE;
		e->names += is_content(c, i) && c->t[i].kind == T_WORD && !tok_is(c, i, V_STOP, NULL) &&
		    !tok_is(c, i, V_LINK, NULL) && !tok_is(c, i, V_ARTICLE, NULL);
		if (tok_word(c, i, "?") || tok_word(c, i, "\xc2\xbf"))
			e->question = true;
		if (i > 0 && c->t[i].cap && c->t[i].kind == T_WORD && c->t[i].role == R_NONE &&
		    !tok_word(c, i - 1, "."))
			e->cap_word = true;
		if (i + 1 < c->n && tok_is(c, i, V_ROOM, NULL) && (slot_room_like(c, i + 1) ||
		    slot_room_like(c, i + 2)))
			e->room = true;
		if (c->t[i].role == R_NONE && tok_is(c, i, V_LINK, NULL) && (tok_word(c, i, "para") ||
		    tok_word(c, i, "antes") || tok_word(c, i, "hasta") || tok_word(c, i, "by") ||
		    tok_word(c, i, "due") || tok_word(c, i, "before") || tok_word(c, i, "deadline") ||
		    tok_word(c, i, "entrega") || tok_word(c, i, "limite")))
			e->link_future = true;
	}
}

/* True when a word or phrase of class "cls" starts at a token no grammar took. */
static bool
free_said(const struct nlu_ctx *c, int cls)
{
	int	 i;

	for (i = 0; i < c->n; i++)
		if (c->t[i].role == R_NONE && tok_phrase(c, i, cls, NULL) > 0)
			return true;
	return false;
}

/*
 * "la 2 lista", "la 3 ya lista": Spanish "lista" after a task's number is
 * "ready" (done), not "list", which "lista de tareas" and "muéstrame la
 * lista" keep.
 */
static bool
ready_after_number(const struct nlu_ctx *c)
{
	int	 i, k;

	if (c->en)
		return false;
	for (i = 1; i < c->n; i++) {
		if (!tok_word(c, i, "lista") && !tok_word(c, i, "listas"))
			continue;
		k = tok_word(c, i - 1, "ya") ? i - 2 : i - 1;
		if (k >= 0 && c->t[k].kind == T_NUM && c->t[k].role == R_NONE && !tok_is(c, i + 1, V_OF, NULL))
			return true;
	}
	return false;
}

/* A listing word: "horario", "agenda", "tareas", "lista", "schedule". */
static bool
listing_word(const struct nlu_ctx *c, int i)
{
	return tok_is(c, i, V_TIMETABLE, NULL) || tok_is(c, i, V_AGENDA, NULL) || tok_is(c, i, V_TASKS, NULL) ||
	    tok_is(c, i, V_EXPENSE, NULL) || tok_word(c, i, "lista") || tok_word(c, i, "list") ||
	    tok_word(c, i, "schedule");
}

/*
 * "el horario completo", "la lista completa de tareas", "the complete
 * timetable": "complete" beside a listing word means whole, not done.
 * True when every done word of the message is such an adjective.
 */
static bool
done_is_whole(const struct nlu_ctx *c)
{
	int	 i, n = 0;

	for (i = 0; i < c->n; i++) {
		if (!tok_is(c, i, V_DONE, NULL) && tok_phrase(c, i, V_DONE, NULL) == 0)
			continue;
		if (strncmp(c->t[i].f, "complet", 7) != 0 || !(listing_word(c, i - 1) || listing_word(c, i + 1) ||
		    (tok_is(c, i - 1, V_ARTICLE, NULL) && listing_word(c, i + 1))))
			return false;
		n++;
	}
	return n > 0;
}

/*
 * "cené fuera", "comer fuera de casa": Spanish "fuera" is "out", an adverb;
 * it deletes only as the first word ("fuera la 3"). True when every delete
 * word of the message is such an adverb.
 */
static bool
del_is_adverb(const struct nlu_ctx *c)
{
	int	 i, n = 0;

	for (i = 0; i < c->n; i++) {
		if (!tok_is(c, i, V_DELETE, NULL) && tok_phrase(c, i, V_DELETE, NULL) == 0)
			continue;
		if (!tok_word(c, i, "fuera") || (i == 0 && !tok_is(c, i + 1, V_OF, NULL)))
			return false;
		n++;
	}
	return n > 0;
}

/* Fills "e" from the message in "c" once, before the rules read it. */
static void
gather(const struct nlu_ctx *c, struct evidence *e)
{
	size_t	 k;
	int	 i;

	memset(e, 0, sizeof *e);
	gather_tokens(c, e);
	for (k = 0; k < sizeof said_flags / sizeof said_flags[0]; k++)
		*(bool *)((char *)e + said_flags[k].off) = tok_said(c, said_flags[k].cls);
	e->done = (e->done && !done_is_whole(c)) || ready_after_number(c);
	e->del = e->del && !del_is_adverb(c);
	e->term = e->term && free_said(c, V_TERM);	/* "quarter to 9" is a time, not a term */
	e->question |= first_is(c, V_QUESTION) || tok_has(c, V_HOWMUCH);
	e->greet = tok_has(c, V_GREET) || tok_has(c, V_THANKS);
	e->taskverb0 = first_is(c, V_TASKVERB) || first_is(c, V_TODO);
	for (i = 0; i < c->nmo; i++)
		e->sure_money += c->mo[i].sure;
	for (i = 0; i < c->nd; i++) {
		if ((c->d[i].kind == D_REL && c->d[i].off < 0) || (c->d[i].kind == D_WDAY && c->d[i].mod < 0) ||
		    (c->d[i].kind == D_PERIOD && c->d[i].off < 0))
			e->past_date = true;
		else
			e->future_date = true;
	}
}

static void
set(char *dst, size_t len, const char *s)
{
	size_t	 n = strlen(s);

	if (n >= len)
		n = len - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}
#define SET(field, s)	set(field, sizeof field, s)

static const char *const period_names[] = { "", "day", "week", "month", "year" };

/* The first date said, resolved forward or back, into "buf"; false when none. */
static bool
first_date(const struct nlu_ctx *c, bool past, char *buf, const struct dspec **which)
{
	int	 k, y, m, d;

	for (k = 0; k < c->nd; k++) {
		if (date_resolve(c, &c->d[k], past, &y, &m, &d) != 0)
			continue;
		date_fmt(buf, y, m, d);
		if (which)
			*which = &c->d[k];
		return true;
	}
	return false;
}

/* Adds "slot" to the comma-separated list of slots read with low confidence. */
static void
add_ambiguous(struct nlu_result *r, const char *slot)
{
	size_t	 l = strlen(r->ambiguous);

	if (l + strlen(slot) + 2 >= sizeof r->ambiguous)
		return;
	if (l > 0)
		r->ambiguous[l++] = ',';
	memcpy(r->ambiguous + l, slot, strlen(slot) + 1);
}

static void
mark_ambiguous(const struct nlu_ctx *c, struct nlu_result *r, const char *slot)
{
	int	 k;

	for (k = 0; k < c->nd; k++)
		if (c->d[k].ambiguous) {
			add_ambiguous(r, slot);
			return;
		}
}

/* "esta noche", "tonight", "this evening": a bare hour is in the evening. */
static bool
says_evening(const struct nlu_ctx *c)
{
	int	 i;

	for (i = 0; i < c->n; i++)
		if (tok_word(c, i, "noche") || tok_word(c, i, "tonight") || tok_word(c, i, "evening") ||
		    tok_word(c, i, "night") || tok_word(c, i, "tarde") || tok_word(c, i, "afternoon"))
			return true;
	return false;
}

/* task.add: the due date (forward), the due time; "dentro de 3 horas" gives both. */
static void
task_add(struct nlu_ctx *c, struct nlu_result *r)
{
	int	 k, y, m, d, h, mi;

	SET(r->intent, "task.add");
	for (k = 0; k < c->nd; k++)
		if (c->d[k].kind == D_HOURS && date_hours(c, c->d[k].off, &y, &m, &d, &h, &mi) == 0) {
			date_fmt(r->due_date, y, m, d);
			time_fmt(r->due_time, h, mi);
			return;
		}
	if (first_date(c, false, r->due_date, NULL))
		mark_ambiguous(c, r, "due_date");
	if (c->ntm > 0) {
		if (r->due_date[0] == '\0')
			date_fmt(r->due_date, c->now->year, c->now->month, c->now->day);
		if (c->tm[0].plain && c->tm[0].h < 12 && says_evening(c))
			c->tm[0].h += 12;
		time_fmt(r->due_time, c->tm[0].h, c->tm[0].m);
		if (c->tm[0].guessed)
			add_ambiguous(r, "due_time");
	}
}

static const char *const cur_names[] = { "EUR", "EUR", "USD", "GBP", "EUR", "GBP", "EUR", "EUR", "EUR", "EUR",
	"MXN", "ARS", "COP", "CLP", "CHF", "JPY", "CAD", "AUD", "BRL", "PEN", "SEK", "NOK", "DKK", "PLN", "CNY" };

static void
put_amount(const struct nlu_ctx *c, struct nlu_result *r)
{
	const struct money	*m = &c->mo[0];
	int			 k;

	for (k = 0; k < c->nmo; k++)
		if (c->mo[k].sure) {
			m = &c->mo[k];
			break;
		}
	money_fmt(r->amount, sizeof r->amount, m->cents);
	SET(r->currency, cur_names[m->cur >= 0 && (size_t)m->cur < sizeof cur_names / sizeof cur_names[0] ?
	    m->cur : 0]);
}

static void
expense_add(struct nlu_ctx *c, struct nlu_result *r)
{
	SET(r->intent, "expense.add");
	put_amount(c, r);
	if (!first_date(c, true, r->date, NULL))
		date_fmt(r->date, c->now->year, c->now->month, c->now->day);
	if (c->every)
		SET(r->every, period_names[c->every]);
}

/* The period a spending question is about, from its date ("noviembre", "la semana pasada", "hoy"). */
static int
spending_period(const struct nlu_ctx *c, const struct dspec *s)
{
	int	 i, v;

	if (s != NULL) {
		switch (s->kind) {
		case D_PERIOD:
			return s->unit;
		case D_MONTHONLY:
			return P_MONTH;
		default:
			return P_DAY;
		}
	}
	for (i = 0; i < c->n; i++)
		if (tok_is(c, i, V_PERIOD, &v))
			return v;
	if (c->every)
		return c->every;
	return P_NONE;
}

static void
spending_when(struct nlu_ctx *c, struct nlu_result *r)
{
	const struct dspec	*s = NULL;
	int			 p;

	if (!first_date(c, true, r->date, &s))
		s = NULL;
	p = spending_period(c, s);
	if (p != P_NONE) {
		SET(r->period, period_names[p]);
		if (r->date[0] == '\0')
			date_fmt(r->date, c->now->year, c->now->month, c->now->day);
	}
}

/* expense.chart: kind, period, date, and how many earlier periods ("los 3 meses anteriores", "vs last month"). */
static void
expense_chart(struct nlu_ctx *c, struct nlu_result *r)
{
	int	 i, v, n;

	SET(r->intent, "expense.chart");
	for (i = 0; i < c->n; i++)
		if (tok_phrase(c, i, V_CHARTKIND, &v) > 0) {
			SET(r->kind, v == 1 ? "pie" : v == 2 ? "bar" : "line");
			break;
		}
	for (i = 0; i < c->n; i++) {
		if ((n = tok_num(c, i)) < 1 || n > 60 || c->t[i].role != R_NONE)
			continue;
		if ((tok_is(c, i + 1, V_PREV, NULL) && !tok_is(c, i + 1, V_PERIOD, NULL)) ||
		    (tok_is(c, i - 1, V_PREV, NULL) && !tok_is(c, i + 1, V_PERIOD, NULL))) {
			r->has_compare = true;
			r->compare = n;
			continue;
		}
		if (!tok_is(c, i + 1, V_PERIOD, &v))
			continue;
		if (tok_is(c, i + 2, V_PREV, NULL) || tok_is(c, i - 1, V_PREV, NULL) || tok_has(c, V_COMPARE)) {
			r->has_compare = true;
			r->compare = n;
			SET(r->period, period_names[v]);
			c->t[i].role = c->t[i + 1].role = R_KEY;
		}
	}
	if (!r->has_compare && has_phrase(c, V_COMPARE)) {	/* "vs", "y el anterior" */
		r->has_compare = true;
		r->compare = 1;
	}
	if (r->period[0] == '\0')
		spending_when(c, r);
	else if (!first_date(c, true, r->date, NULL))
		date_fmt(r->date, c->now->year, c->now->month, c->now->day);
	for (i = 0; i < c->n && c->nd > 0; i++)
		if (tok_is(c, i, V_COMPARE, NULL) && c->d[0].first > i && c->d[0].kind == D_PERIOD) {
			date_fmt(r->date, c->now->year, c->now->month, c->now->day);	/* "vs last month" */
			break;
		}
}

/* reminder.set and reminder.off: what to be warned of. */
/* A spending word no grammar took: "1 día antes" is a span, not the supermarket Dia. */
static bool
free_category(const struct nlu_ctx *c)
{
	int	 i;

	for (i = 0; i < c->n; i++)
		if (c->t[i].role == R_NONE && tok_is(c, i, V_CATEGORY, NULL) && !tok_is(c, i, V_UNIT, NULL))
			return true;
	return false;
}

static void
reminder_target(const struct nlu_ctx *c, struct nlu_result *r)
{
	if (tok_has(c, V_CLASS))
		SET(r->target, "classes");
	else if (has_phrase(c, V_TASKS) || has_phrase(c, V_TASKNOUN) || tok_has(c, V_TASKVERB) ||
	    tok_word(c, 0, "task") || tok_word(c, 0, "tarea"))
		SET(r->target, "tasks");
	else if (has_phrase(c, V_EXPENSE) || free_category(c))
		SET(r->target, "expenses");
}

/* "tareas de CC", "tasks for CC": the subject after the tasks word, when it is capitalised. */
static void
list_subject(const struct nlu_ctx *c, struct nlu_result *r)
{
	int	 i, k;

	for (i = 0; i + 1 < c->n; i++) {
		if (!tok_is(c, i, V_TASKS, NULL) && !tok_is(c, i, V_TASKNOUN, NULL))
			continue;
		if (tok_is(c, i, V_TASKS, NULL) && c->t[i + 1].cap && c->t[i + 1].kind == T_WORD &&
		    c->t[i + 1].role == R_NONE && !tok_is(c, i + 1, V_STOP, NULL)) {
			for (k = i + 1; k < c->n && c->t[k].role == R_NONE && c->t[k].kind == T_WORD && c->t[k].cap; k++)
				;	/* "tareas CC" */
			slot_text(c, i + 1, k - 1, r->subject, sizeof r->subject);
			return;
		}
		if (i + 2 >= c->n || !(tok_word(c, i + 1, "de") || tok_word(c, i + 1, "del") ||
		    tok_word(c, i + 1, "for") || tok_word(c, i + 1, "of") || tok_word(c, i + 1, "in")))
			continue;
		for (k = i + 2; k < c->n && c->t[k].role == R_NONE && c->t[k].kind == T_WORD && c->t[k].cap; k++)
			;
		if (k > i + 2)
			slot_text(c, i + 2, k - 1, r->subject, sizeof r->subject);
		return;
	}
}

/* "hasta el", "antes del", "until", "by the": the date at "first" ends a span rather than names a day. */
static bool
says_until(const struct nlu_ctx *c, int first)
{
	static const char *const w[] = { "hasta", "antes", "until", "before", "by", "till", "til", NULL };
	int			 i = first - 1;

	if (i >= 0 && (tok_word(c, i, "el") || tok_word(c, i, "la") || tok_word(c, i, "the")))
		i--;
	if (i >= 0 && (tok_word(c, i, "de") || tok_word(c, i, "del")))
		i--;
	return tok_word_in(c, i, w);
}

/* "del mes", "de la semana", "of the year": the current period named without "este"/"this"; P_NONE if none. */
static int
the_period(const struct nlu_ctx *c)
{
	int	 i, v;

	for (i = 1; i < c->n; i++)
		if (c->t[i].role == R_NONE && tok_is(c, i, V_PERIOD, &v) && (tok_word(c, i - 1, "del") ||
		    (tok_is(c, i - 1, V_ARTICLE, NULL) && (tok_word(c, i - 2, "de") || tok_word(c, i - 2, "of")))))
			return v;
	return P_NONE;
}

/* "tareas de la semana": up to the end of this week or month; "de hoy" is today. */
static void
list_this_period(const struct nlu_ctx *c, struct nlu_result *r)
{
	int	 y = c->now->year, m = c->now->month, d = c->now->day;

	switch (the_period(c)) {
	case P_DAY:
		date_fmt(r->date, y, m, d);
		break;
	case P_WEEK:
		date_add_days(&y, &m, &d, 7 - date_weekday(y, m, d));
		date_fmt(r->until, y, m, d);
		break;
	case P_MONTH:
		date_fmt(r->until, y, m, civil_days_in_month(y, m));
		break;
	default:
		break;
	}
}

/* task.list: "hasta el miércoles" is an end; "para mañana" a day; "esta semana" up to its Sunday. */
static void
task_list(struct nlu_ctx *c, struct nlu_result *r)
{
	const struct dspec	*s = NULL;
	int			 y, m, d, wd;
	char			 buf[11];

	SET(r->intent, "task.list");
	list_subject(c, r);
	if (!first_date(c, false, buf, &s)) {
		list_this_period(c, r);
		return;
	}
	if (s->kind == D_PERIOD && s->unit == P_WEEK) {
		date_resolve(c, s, false, &y, &m, &d);
		wd = date_weekday(y, m, d);
		date_add_days(&y, &m, &d, 7 - wd);
		date_fmt(r->until, y, m, d);
	} else if (s->kind == D_PERIOD && s->unit == P_MONTH) {
		date_resolve(c, s, false, &y, &m, &d);
		date_fmt(r->until, y, m, civil_days_in_month(y, m));
	} else if (says_until(c, s->first)) {
		memcpy(r->until, buf, sizeof buf);
	} else {
		memcpy(r->date, buf, sizeof buf);
	}
}

/*
 * agenda.show: the day asked about in "date"; besides, "esta semana" / "next
 * week" gives period "week" and "hasta el viernes" gives "until" too, so the
 * bot can show each day of the span.
 */
static void
agenda_when(struct nlu_ctx *c, struct nlu_result *r)
{
	const struct dspec	*s = NULL;

	SET(r->intent, "agenda.show");
	if (!first_date(c, false, r->date, &s))
		return;
	if (s->kind == D_PERIOD && s->unit == P_WEEK)
		SET(r->period, "week");
	else if (says_until(c, s->first))
		memcpy(r->until, r->date, sizeof r->until);
}

/* What kind of small talk an "unknown" was, in "arg": "thanks", "bye" or "greeting", so the bot can answer. */
static void
small_talk(const struct nlu_ctx *c, struct nlu_result *r)
{
	static const char *const thanks[] = { "gracias", "muchas gracias", "mil gracias", "graciass", "vale gracias",
	    "thanks", "thank you", "thx", "ty", "thank", "cheers", "many thanks", NULL };
	static const char *const bye[] = { "adios", "chao", "chau", "hasta luego", "hasta manana", "hasta pronto",
	    "nos vemos", "bye", "goodbye", "see you", "see ya", "cya", "good night", "buenas noches", NULL };
	const char *const	*p;
	int			 i;

	for (i = 0; i < c->n; i++)
		for (p = thanks; *p != NULL; p++)
			if (zone_match(c, i, *p)) {
				SET(r->arg, "thanks");
				return;
			}
	for (i = 0; i < c->n; i++)
		for (p = bye; *p != NULL; p++)
			if (zone_match(c, i, *p)) {
				SET(r->arg, "bye");
				return;
			}
	for (i = 0; i < c->n; i++)
		if (tok_phrase(c, i, V_GREET, NULL) > 0) {
			SET(r->arg, "greeting");
			return;
		}
	if (tok_said(c, V_GREET) || zone_match(c, 0, "good morning") || zone_match(c, 0, "buenos dias"))
		SET(r->arg, "greeting");
}

static bool
only_social(const struct nlu_ctx *c, const struct evidence *e)
{
	return e->greet && e->words == 0 && c->nd == 0 && c->nmo == 0;
}

/* The first part of an IANA zone name, folded ("america" of "America/Lima"). */
static bool
iana_area(const char *f)
{
	static const char *const areas[] = { "africa", "america", "antarctica", "arctic", "asia", "atlantic",
	    "australia", "europe", "indian", "pacific", "etc", "us", "canada", "brazil", "mexico", "chile", NULL };
	const char *const	*p;

	for (p = areas; *p != NULL; p++)
		if (strcmp(f, *p) == 0)
			return true;
	return false;
}

/*
 * An IANA zone written out ("America/Mexico_City") or a city the zone
 * table knows ("Madrid", "New York"), into "buf" when not NULL.
 */
static bool
zone_said(const struct nlu_ctx *c, char *buf, size_t len)
{
	const struct zone_name	*z;
	int			 i, a, b;

	for (i = 1; i + 1 < c->n; i++) {
		if (!tok_word(c, i, "/") || !c->t[i].glued || !c->t[i + 1].glued || c->t[i - 1].kind != T_WORD)
			continue;
		for (a = i - 1; a > 0 && c->t[a].glued; a--)
			;
		if (!iana_area(c->t[a].f))
			continue;	/* "mon/wed", "ida/vuelta": words, not a zone */
		for (b = i + 1; b + 1 < c->n && c->t[b + 1].glued; b++)
			;
		if (buf != NULL)
			snprintf(buf, len, "%.*s", c->t[b].off + c->t[b].len - c->t[a].off, c->text + c->t[a].off);
		return true;
	}
	if (!tok_said(c, V_TIMEZONE) && !tok_said(c, V_EDIT))
		return false;
	for (i = 0; i < c->n; i++)
		for (z = zone_names; z->word != NULL; z++)
			if (zone_match(c, i, z->word)) {
				if (buf != NULL)
					snprintf(buf, len, "%s", z->zone);
				return buf != NULL || tok_has(c, V_TIMEZONE) || tok_has(c, V_EDIT);
			}
	return false;
}

/* "idioma", "language": the word itself, not a language's name. */
static bool
language_word(const struct nlu_ctx *c)
{
	int	 i, v;

	for (i = 0; i < c->n; i++)
		if (tok_is(c, i, V_LANGUAGE, &v) && v == 0)
			return true;
	return false;
}

/* "desactiva el resumen", "no quiero el resumen": the digest's word anywhere, with an "off". */
static bool
names_digest(const struct nlu_ctx *c)
{
	static const char *const w[] = { "resumen", "summary", "digest", NULL };

	return tok_any_word(c, 0, c->n - 1, w);
}

/* Requests about the bot's own settings and data, named module.verb. */
static bool
pick_settings(struct nlu_ctx *c, const struct evidence *e, struct nlu_result *r)
{
	int	 v, i;

	if (e->undo && !e->del) {
		SET(r->intent, "undo");	/* one undo for every module (lib/bot/routes.c) */
		return true;
	}
	if (e->language && c->nd == 0 && !e->tasknoun && (e->edit || has_phrase(c, V_LANGUAGE_SWITCH) ||
	    language_word(c) || e->names <= 1)) {
		SET(r->intent, "core.language");
		for (i = 0; i < c->n; i++)
			if (tok_is(c, i, V_LANGUAGE, &v) && v > 0)
				SET(r->arg, v == 1 ? "es" : "en");
		return true;
	}
	if (e->timezone || zone_said(c, NULL, 0)) {
		SET(r->intent, "core.timezone");
		zone_said(c, r->arg, sizeof r->arg);
		return true;
	}
	if (e->data && (e->export || e->del)) {
		SET(r->intent, e->export ? "data.export" : "data.delete");
		return true;
	}
	if (e->export && (e->expense || e->words <= 2)) {
		SET(r->intent, "expense.export");
		return true;
	}
	if (e->calendar && c->nd == 0 && c->nmo == 0) {
		SET(r->intent, "calendar.feed");
		if (tok_has(c, V_NEW))
			SET(r->arg, "new");
		return true;
	}
	if (e->digest || ((c->ntm > 0 || e->off) && c->nd == 0 && e->names <= 2 && (tok_word(c, 0, "resumen") ||
	    tok_word(c, 0, "summary") || tok_word(c, 0, "digest"))) ||
	    (e->off && c->nd == 0 && c->nmo == 0 && !e->expense && e->names <= 2 && names_digest(c))) {
		SET(r->intent, "digest.set");
		if (e->off)
			SET(r->arg, "off");
		else if (c->ntm > 0)
			time_fmt(r->due_time, c->tm[0].h, c->tm[0].m);
		if (c->tm[0].guessed)
			add_ambiguous(r, "due_time");
		return true;
	}
	return false;
}

/* A term date without a year is the nearest one, this September or the last ("empieza el 1/9"). */
static void
nearest(const struct nlu_ctx *c, const struct dspec *s, int *y, int *m, int *d)
{
	int	 py, pm, pd;
	long	 fwd, back;

	if (!((s->kind == D_ABS && s->y == 0) || s->kind == D_DAYONLY) ||
	    date_resolve(c, s, true, &py, &pm, &pd) != 0)
		return;
	fwd = date_days_between(c->now->year, c->now->month, c->now->day, *y, *m, *d);
	back = date_days_between(py, pm, pd, c->now->year, c->now->month, c->now->day);
	if (back < fwd)
		*y = py, *m = pm, *d = pd;
}

/* True when the message says the term ends ("acaba", "ends", "hasta"). */
static bool
says_end(const struct nlu_ctx *c)
{
	static const char *const w[] = { "acaba", "termina", "terminan", "acaban", "ends", "end", "fin",
	    "finaliza", "hasta", "until", "finishes", "over", NULL };

	return tok_any_word(c, 0, c->n - 1, w);
}

/* The term's dates (start in "date", end in "until") and the days without class. */
static bool
pick_term(struct nlu_ctx *c, const struct evidence *e, struct nlu_result *r)
{
	int	 k, y, m, d, got = 0;

	if (e->holiday && c->nd > 0 && !e->del) {
		SET(r->intent, "term.holiday");
		first_date(c, false, r->date, NULL);
		return true;
	}
	if (!e->term || c->nd == 0)
		return false;
	SET(r->intent, "term.set");
	for (k = 0; k < c->nd && got < 2; k++) {
		if (date_resolve(c, &c->d[k], false, &y, &m, &d) != 0)
			continue;
		nearest(c, &c->d[k], &y, &m, &d);
		if (got == 0 && (c->nd == 1 && says_end(c)))
			got = 1;
		date_fmt(got == 0 ? r->date : r->until, y, m, d);
		got++;
	}
	return true;
}

/* What follows the delete verb (and an article) is a spending word: "borra la comida de ayer", "remove lunch". */
static bool
deletes_spending(const struct nlu_ctx *c)
{
	int	 i;

	for (i = 0; i < c->n && !tok_is(c, i, V_DELETE, NULL); i++)
		;
	for (i++; i < c->n && tok_is(c, i, V_ARTICLE, NULL); i++)
		;
	return i < c->n && slot_category(c, i, i) != CAT_NONE;
}

/* Deleting, editing and stopping: task.delete, expense.delete, class.delete, task.edit, expense.stop, reminder.off. */
static bool
pick_change(struct nlu_ctx *c, const struct evidence *e, struct nlu_result *r)
{
	if (e->stoppay && !e->todo) {
		SET(r->intent, "expense.stop");
		return true;
	}
	if (e->off && e->remind && !(e->advance && c->dur_min > 0)) {
		SET(r->intent, "reminder.off");
		reminder_target(c, r);
		return true;
	}
	if (e->del && !e->todo) {
		if (e->expense || (c->nmo > 0 && e->sure_money))
			SET(r->intent, "expense.delete");
		else if (e->klass && !e->tasks && !e->tasknoun)
			SET(r->intent, "class.delete");
		else if (!e->tasks && !e->tasknoun && deletes_spending(c))
			SET(r->intent, "expense.delete");	/* "borra la comida", "delete the taxi" */
		else
			SET(r->intent, "task.delete");
		return true;
	}
	if (e->edit && (c->nd > 0 || c->ntm > 0) && !e->todo) {
		SET(r->intent, "task.edit");
		first_date(c, false, r->due_date, NULL);
		if (c->ntm > 0)
			time_fmt(r->due_time, c->tm[0].h, c->tm[0].m);
		if (c->tm[0].guessed)
			add_ambiguous(r, "due_time");
		return true;
	}
	return false;
}

/* "lista", "listar", "list": a numbered list is asked for, not a view. */
static bool
says_list(const struct nlu_ctx *c)
{
	int	 i;

	for (i = 0; i < c->n; i++)
		if (tok_word(c, i, "lista") || tok_word(c, i, "listar") || tok_word(c, i, "listado") ||
		    tok_word(c, i, "list"))
			return true;
	return false;
}

/* "¿cuánto cuesta la matrícula?", "how much is the bus": a price, not what was spent. */
static bool
asks_price(const struct nlu_ctx *c)
{
	static const char *const w[] = { "cuesta", "cuestan", "vale", "valen", "costo", "cost", "costs", "is", "are",
	    "es", "son", "sale", "price", "precio", NULL };

	return tok_any_word(c, 0, c->n - 1, w);
}

/* A chart is asked for: a chart word, a chart kind, or "compare this month with last month". */
static bool
wants_chart(const struct nlu_ctx *c, const struct evidence *e)
{
	if (e->sure_money > 0)
		return false;	/* "material de dibujo 22 €": an amount with a currency is spent, not charted */
	return e->chart || (e->kind && (e->expense || e->chart || tok_said(c, V_COMPARE) || (c->nd > 0 &&
	    e->names <= 2))) || (tok_said(c, V_COMPARE) && e->expense && c->nmo == 0) ||
	    (first_is(c, V_COMPARE) && c->nmo == 0 && c->nd >= 1 && (c->nd >= 2 || tok_said(c, V_PREV) ||
	    tok_said(c, V_LAST)) && c->d[0].kind == D_PERIOD && !e->tasks && !e->tasknoun && !e->klass);
}

/* Spending questions, charts and budgets. */
static bool
pick_money_talk(struct nlu_ctx *c, const struct evidence *e, struct nlu_result *r)
{
	if (c->nmo == 0 && e->expense && c->nd == 0 && !c->every && e->names <= 2 && !e->number &&
	    (tok_word(c, 0, "mis") || tok_word(c, 0, "my"))) {
		SET(r->intent, "expense.list");	/* "mis gastos", "my expenses" */
		return true;
	}
	if (c->nmo == 0 && !e->number && e->names <= 2 + (e->category && e->howmuch) && ((e->expense && c->every) ||
	    ((e->expense || e->total) && c->nd == 0 && the_period(c) != P_NONE) ||
	    (e->howmuch && (c->nd > 0 || c->every || (e->category && !asks_price(c)))))) {
		SET(r->intent, "expense.summary");	/* "gastos semana", "how much this year" */
		spending_when(c, r);
		return true;
	}
	if (wants_chart(c, e)) {
		expense_chart(c, r);
		return true;
	}
	if (e->budget && !e->todo) {
		if (c->nmo == 0)
			money_find(c, true);
		if (c->nmo == 0)
			return false;
		SET(r->intent, "budget.set");
		put_amount(c, r);
		if (c->every)
			SET(r->period, period_names[c->every]);
		else
			spending_when(c, r), r->date[0] = '\0';
		return true;
	}
	if (c->nmo == 0 && ((e->howmuch && (e->spent || e->expense)) || (e->total && (e->expense || e->spent)) ||
	    (e->total && c->nd > 0 && !e->tasks && !e->tasknoun && !e->number && e->names <= 2) ||
	    (e->expense && e->question && !e->tasks) || (e->expense && (c->nd > 0 || e->list) && e->names <= 3 &&
	    !says_list(c) && !e->number))) {
		SET(r->intent, "expense.summary");
		spending_when(c, r);
		return true;
	}
	if (c->nmo == 0 && e->expense && says_list(c)) {
		SET(r->intent, "expense.list");
		spending_when(c, r);
		return true;
	}
	return false;
}

/* Words that, after "antes de", name no task in particular: "las entregas", "mis tareas", "clase". */
static bool
generic_task_word(const struct nlu_ctx *c, int i)
{
	return tok_is(c, i, V_TASKS, NULL) || tok_is(c, i, V_CLASS, NULL) || tok_is(c, i, V_ARTICLE, NULL) ||
	    tok_word(c, i, "mis") || tok_word(c, i, "my") || c->t[i].kind == T_PUNCT;
}

/* "cada entrega", "every deadline", "todas las tareas": any task, not one. */
static bool
any_task(const struct nlu_ctx *c, int first, int last)
{
	static const char *const w[] = { "cada", "todas", "todos", "each", "every", "all", "any", NULL };

	return tok_any_word(c, first, last, w);
}

/* Tokens "first".."last" name one task: not only general words, and no "cada". */
static bool
names_one_task(const struct nlu_ctx *c, int first, int last)
{
	int	 i;

	for (i = first; i <= last && generic_task_word(c, i); i++)
		;
	return i <= last && !any_task(c, first, last);
}

/* Small words between "avísame" and what it is about: "de la", "me about the", "con". */
static bool
remind_filler(const struct nlu_ctx *c, int i)
{
	static const char *const w[] = { "me", "de", "del", "con", "sobre", "about", "of", "for", "mi", "my",
	    NULL };

	return tok_is(c, i, V_ARTICLE, NULL) || tok_word_in(c, i, w);
}

/* "recuérdame la práctica de CC 2 días antes": the words between the verb and the span. */
static void
reminder_ref_before(const struct nlu_ctx *c, struct nlu_result *r)
{
	int	 i, k;

	for (i = 0; i < c->dur_at && !tok_is(c, i, V_REMIND, NULL); i++)
		;
	for (k = i + 1; k < c->dur_at && remind_filler(c, k); k++)
		;
	if (k < c->dur_at && names_one_task(c, k, c->dur_at - 1))
		slot_text(c, k, c->dur_at - 1, r->ref, sizeof r->ref);
}

/*
 * "avísame 3 días antes del hito 1", "2 days before the History essay",
 * "recuérdame la práctica de CC 2 días antes": the words naming one task,
 * in "ref". None when they name tasks in general ("antes de las entregas")
 * or nothing does.
 */
static void
reminder_ref(const struct nlu_ctx *c, struct nlu_result *r)
{
	int	 i, k, last;

	for (i = 0; i < c->n; i++) {
		if (tok_word(c, i, "antes") && (tok_word(c, i + 1, "de") || tok_word(c, i + 1, "del")))
			k = i + 2;
		else if (tok_word(c, i, "before"))
			k = i + 1;
		else
			continue;
		while (k < c->n && (tok_is(c, k, V_ARTICLE, NULL) || tok_word(c, k, "mi") || tok_word(c, k, "my")))
			k++;
		for (last = c->n - 1; last >= k && c->t[last].kind == T_PUNCT; last--)
			;
		if (k <= last && names_one_task(c, k, last))
			slot_text(c, k, last, r->ref, sizeof r->ref);
		break;
	}
	if (r->ref[0] == '\0' && c->dur_at > 0)
		reminder_ref_before(c, r);
}

/* reminder.set: "con 10 min de antelación", "45 min before lectures", "1 día antes de las entregas". */
static bool
pick_reminder(struct nlu_ctx *c, const struct evidence *e, struct nlu_result *r)
{
	if (c->dur_min <= 0 || !(e->advance || (e->remind && !e->taskverb0)))
		return false;
	if (!e->remind && !e->klass && !e->tasks && !e->tasknoun)
		return false;
	SET(r->intent, "reminder.set");
	reminder_target(c, r);
	if (strcmp(r->target, "tasks") == 0)
		reminder_ref(c, r);
	r->has_minutes = true;
	r->minutes = c->dur_min;
	return true;
}

/* Questions about what is planned: the task list, a day's agenda, the timetable. */
static bool
pick_questions(struct nlu_ctx *c, const struct evidence *e, struct nlu_result *r)
{
	if (e->todo && c->nmo == 0 && first_is(c, V_QUESTION) && !e->help) {
		task_list(c, r);
		return true;
	}
	if (e->tasknoun && c->nmo == 0 && first_is(c, V_LIST) && !e->klass && !e->taskverb0 &&
	    e->names <= 3 && !e->expense && c->ntm == 0) {
		task_list(c, r);	/* "list my homework", "muéstrame los exámenes" */
		return true;
	}
	if (e->tasknoun && c->nmo == 0 && first_is(c, V_QUESTION) && tok_has(c, V_HAVE) && !e->klass) {
		task_list(c, r);	/* "¿qué exámenes tengo?", "what homework do I have" */
		return true;
	}
	if (e->tasks && c->nmo == 0 && (e->question || e->list || e->words <= 3 || tok_has(c, V_HAVE) ||
	    tok_word(c, 0, "tareas") || tok_word(c, 0, "pendientes") || tok_word(c, 0, "tasks")) &&
	    !(e->taskverb0 && !e->question)) {
		task_list(c, r);
		return true;
	}
	if (e->klass && c->nmo == 0 && c->ntm == 0 && !e->room && !c->wd_plural && c->nd > 0 &&
	    c->d[0].kind != D_PERIOD && c->d[0].kind != D_MONTHONLY && (e->question || e->agenda || e->names <= 1)) {
		agenda_when(c, r);	/* "clases de mañana", "classes tomorrow?" */
		return true;
	}
	if ((e->agenda || (e->question && tok_has(c, V_HAVE))) && c->nmo == 0 && !e->todo) {
		if (e->klass && (c->nd == 0 || c->d[0].kind == D_PERIOD)) {
			SET(r->intent, "timetable.show");
			return true;
		}
		agenda_when(c, r);
		return true;
	}
	if (first_is(c, V_QUESTION) && c->nd > 0 && c->nmo == 0 && c->ntm == 0 && e->names <= 1 && !e->todo &&
	    !e->tasknoun && !e->taskverb0 && !e->klass) {
		agenda_when(c, r);	/* "¿algo para el domingo?": nothing named but the day */
		return true;
	}
	if (e->timetable && c->nmo == 0 && !(c->nwdays > 0 && c->ntm > 0)) {
		if (c->nd > 0 && !c->wd_plural && c->d[0].kind != D_PERIOD && c->d[0].kind != D_MONTHONLY &&
		    first_date(c, false, r->date, NULL)) {
			SET(r->intent, "agenda.show");	/* "horario del lunes", "my schedule on wednesday": one day */
			return true;
		}
		SET(r->intent, "timetable.show");
		return true;
	}
	if (e->klass && c->ntm == 0 && c->nd == 0 && !e->room && e->names <= 1 && !e->question) {
		SET(r->intent, "class.list");	/* "clases", "my classes", "mis clases" */
		return true;
	}
	if (e->klass && (e->list || e->question) && c->ntm == 0 && !e->room) {
		SET(r->intent, says_list(c) || tok_word(c, 0, "mis") ? "class.list" : "timetable.show");
		return true;
	}
	return false;
}

/*
 * What else a class line says: "prácticas de Redes", "CC lab" → kind "lab";
 * "teoría", "lecture" → "theory"; "Cloud Computing (CC)" → code "CC".
 */
static void
class_kind_and_code(const struct nlu_ctx *c, struct nlu_result *r)
{
	static const char *const lab[] = { "laboratorio", "laboratorios", "practicas", "practica", "lab", "labs",
	    "practical", NULL }, *const theory[] = { "teoria", "theory", "lecture", "lectures", NULL };
	int			 i, k;

	for (i = 0; i < c->n && r->kind[0] == '\0'; i++)
		if (tok_word_in(c, i, lab))
			SET(r->kind, "lab");
		else if (tok_word_in(c, i, theory))
			SET(r->kind, "theory");
	for (i = 0; i + 2 < c->n; i++) {
		if (!tok_word(c, i, "("))
			continue;
		for (k = i + 1; k < c->n && k <= i + 4 && c->t[k].kind == T_WORD; k++)
			;
		if (k > i + 1 && tok_word(c, k, ")"))
			slot_text(c, i + 1, k - 1, r->code, sizeof r->code);
		return;
	}
}

/* A weekly class: weekdays with a time, and a class word, a plural day, a room or a range. */
static bool
pick_class(struct nlu_ctx *c, const struct evidence *e, struct nlu_result *r)
{
	int	 k;

	if (c->nwdays == 0 || c->nmo > 0 || (c->ntm == 0 && !((e->klass || e->room) && c->wd_plural)))
		return false;
	if (!(e->klass || c->wd_plural || e->room || (c->tm[0].eh >= 0 && !e->tasknoun && !e->todo &&
	    !e->taskverb0)))
		return false;
	if ((e->tasknoun || e->todo) && !e->klass && !c->wd_plural)
		return false;
	SET(r->intent, "class.add");
	class_kind_and_code(c, r);
	if (c->fortnight)
		SET(r->every, "2week");
	if (c->parity)
		SET(r->arg, c->parity == 1 ? "odd" : "even");
	for (k = 0; k < c->nwdays; k++)
		r->weekdays[k] = c->wdays[k];
	r->nweekdays = c->nwdays;
	if (c->ntm == 0)
		return true;
	time_fmt(r->start, c->tm[0].h, c->tm[0].m);
	if (c->tm[0].guessed)
		add_ambiguous(r, "start");
	if (c->tm[0].eh >= 0)
		time_fmt(r->end, c->tm[0].eh, c->tm[0].em);
	return true;
}

/* task.done: "la 5 ya está hecha", "#2 finished", "he terminado la práctica". */
static bool
pick_done(struct nlu_ctx *c, const struct evidence *e, struct nlu_result *r)
{
	if (!e->done || e->todo || e->sure_money || (e->future_date && !e->past_date && c->nd > 0 &&
	    (e->taskverb0 || e->link_future)))
		return false;	/* "get the laundry done by friday" is still to do */
	SET(r->intent, "task.done");
	return true;
}

/* A free number with two decimals ("0,90", "9.99"): a price. */
static bool
cents_said(const struct nlu_ctx *c)
{
	const char	*sep;
	int		 i;

	for (i = 0; i < c->n; i++)
		if (c->t[i].kind == T_NUM && c->t[i].role == R_NONE && (sep = strpbrk(c->t[i].f, ".,")) != NULL &&
		    strlen(sep) == 3 && strpbrk(sep + 1, ".,:/-") == NULL)
			return true;
	return false;
}

/* "tarea: ...", "todo: ...": a to-do said as such. */
static bool
task_label(const struct nlu_ctx *c)
{
	return c->n > 2 && (tok_word(c, 0, "tarea") || tok_word(c, 0, "task") || tok_word(c, 0, "todo") ||
	    tok_word(c, 0, "to-do") || tok_word(c, 0, "pendiente")) && tok_word(c, 1, ":");
}

/* "ayer fui al cine con Ana", "I had dinner with Sara on friday": a story, no amount; "had to" is a to-do. */
static bool
tells_past(const struct nlu_ctx *c, const struct evidence *e)
{
	int	 i;

	if (c->nmo > 0 || e->todo || e->taskverb0 || e->tasknoun || e->link_future)
		return false;
	for (i = 0; i < c->n; i++)
		if (c->t[i].role == R_NONE && tok_phrase(c, i, V_PAST, NULL) > 0 &&
		    !(tok_word(c, i, "had") && tok_word(c, i + 1, "to")))
			return true;
	return false;
}

/* Money spent, or a to-do; a to-do that involves money stays a to-do. */
static bool
pick_add(struct nlu_ctx *c, const struct evidence *e, struct nlu_result *r)
{
	bool	 taskish = e->todo || e->taskverb0 || (e->link_future && c->nd > 0 && !e->past_date);

	if (c->nmo == 0 && !taskish && (e->spent || e->category || c->every || cents_said(c)) && e->words > 0 &&
	    !tok_said(c, V_GRADE))
		money_find(c, true);
	if (c->nmo > 0 && !taskish) {
		if (!e->sure_money && !e->spent && !c->every && c->mo[0].cents % 100 == 0 &&
		    (!e->category || e->names > 3 || tok_is(c, c->mo[0].first - 1, V_ARTICLE, NULL)))
			goto task;
		expense_add(c, r);
		return true;
	}
task:
	if (e->words == 0 || tells_past(c, e))
		return false;
	if (c->nd > 0 || c->ntm > 0) {
		if (!(e->tasknoun || e->todo || e->taskverb0 || e->link_future || e->cap_word || c->nmo > 0 ||
		    c->ntm > 0))
			goto spent;
		if (e->past_date && !e->todo && !e->tasknoun)
			goto spent;
		task_add(c, r);
		return true;
	}
	if ((e->todo && e->words >= 2) || (e->taskverb0 && e->names >= 2 && !e->question && !tok_word(c, 1, "es") &&
	    !tok_word(c, 1, "is")) || task_label(c)) {
		task_add(c, r);
		return true;
	}
spent:
	if (c->nmo > 0 && !taskish && e->category && c->mo[0].first > 0 &&
	    !tok_is(c, c->mo[0].first - 1, V_ARTICLE, NULL) && !tok_said(c, V_GRADE)) {	/* "new year's eve party 40": no to-do after all */
		expense_add(c, r);
		return true;
	}
	return false;
}

/* An operator between two numbers: "5 más 3", "12 times 4", "20 divided by 4"; tokens it spans, or 0. */
static int
math_op(const struct nlu_ctx *c, int i)
{
	static const char *const w[] = { "mas", "menos", "por", "entre", "x", "plus", "minus", "times", "over",
	    "multiplicado", "dividido", "multiplied", "divided", "+", "*", NULL };

	if (!tok_word_in(c, i, w))
		return 0;
	return tok_word(c, i + 1, "by") || tok_word(c, i + 1, "por") || tok_word(c, i + 1, "entre") ? 2 : 1;
}

/* A sum to work out, "¿cuánto es 5 más 3?", "what's 12 times 4": small talk, no amount. */
static bool
arithmetic(const struct nlu_ctx *c)
{
	int	 i, k;

	for (i = 0; i + 2 < c->n; i++)
		if (c->t[i].kind == T_NUM && c->t[i].role == R_NONE && (k = math_op(c, i + 1)) > 0 &&
		    c->t[i + 1].role == R_NONE && c->t[i + 1 + k].kind == T_NUM && (c->t[i + 1 + k].role == R_NONE || k == 2) &&
		    (i + 2 + k >= c->n || c->t[i + 2 + k].kind == T_PUNCT || tok_is(c, i + 2 + k, V_FILLER, NULL)))
			return true;
	return false;
}

typedef bool (*intent_rule)(struct nlu_ctx *, const struct evidence *, struct nlu_result *);

/* In order: the first rule that recognises the message names its intent. */
static const intent_rule intent_rules[] = {
	pick_settings, pick_term, pick_change, pick_money_talk, pick_reminder, pick_class,
	pick_done, pick_questions, pick_add, NULL
};

/*
 * Names the intent of the message in "c" into "r->intent" and fills the
 * slots that come from dates, times and amounts; "unknown" when no rule
 * is sure.
 */
void
intent_pick(struct nlu_ctx *c, struct nlu_result *r)
{
	struct evidence		 e;
	const intent_rule	*rule;

	gather(c, &e);
	if (only_social(c, &e) || (arithmetic(c) && e.sure_money == 0)) {
		SET(r->intent, "unknown");
		small_talk(c, r);
		return;
	}
	if (e.help && c->nd == 0 && c->nmo == 0) {
		SET(r->intent, "help");
		return;
	}
	for (rule = intent_rules; *rule != NULL; rule++)
		if ((*rule)(c, &e, r))
			return;
	SET(r->intent, "unknown");
	if (e.greet && e.words <= 4)
		small_talk(c, r);
}
