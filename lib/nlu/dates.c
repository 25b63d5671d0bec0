/* See LICENSE. dates.c: the date grammar: 10/10/2100, 3 de diciembre, el viernes, mañana, in 3 days. */
#include <string.h>

#include "nlu/nlu_int.h"

static bool
is_free(const struct nlu_ctx *c, int i)
{
	return i >= 0 && i < c->n && c->t[i].role == R_NONE;
}

static void
mark(struct nlu_ctx *c, int first, int last, int role)
{
	int	 i;

	for (i = first; i <= last && i < c->n; i++)
		c->t[i].role = (uint8_t)role;
}

static struct dspec *
add_spec(struct nlu_ctx *c, int first, int last, int kind)
{
	struct dspec	*s;

	if (c->nd >= NLU_MAXSPEC)
		return NULL;
	s = &c->d[c->nd++];
	memset(s, 0, sizeof *s);
	s->first = first;
	s->last = last;
	s->kind = kind;
	mark(c, first, last, R_DATE);
	return s;
}

/* Splits a number token "a<sep>b[<sep>c]" with one kind of separator; returns the part count. */
static int
num_parts(const char *f, char *sep, int p[3], int digits[3])
{
	int	 n = 0;

	*sep = 0;
	memset(p, 0, 3 * sizeof p[0]);
	memset(digits, 0, 3 * sizeof digits[0]);
	for (; *f; f++) {
		if (*f >= '0' && *f <= '9') {
			if (digits[n] >= 5)
				return 0;
			p[n] = p[n] * 10 + (*f - '0');
			digits[n]++;
			continue;
		}
		if ((*sep && *f != *sep) || n == 2)
			return 0;
		*sep = *f;
		n++;
	}
	return n + 1;
}

/* A day and month that exist in some year. */
static bool
dm_ok(int d, int m)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= civil_days_in_month(2000, m);
}

/* The token after "i" says "hours" (9-11h, 2-4pm): then "a-b" is a range of times, not a date. */
static bool
time_suffix(const struct nlu_ctx *c, int i)
{
	return i + 1 < c->n && (tok_is(c, i + 1, V_HOURMARK, NULL) || tok_is(c, i + 1, V_AMPM, NULL));
}

/* "10/10/2100", "10-10", "2026-12-05", "03/04" (month first in English when both read). */
static int
num_date(struct nlu_ctx *c, int i)
{
	char		 sep;
	int		 p[3], dg[3], n, d, m, y = 0;
	bool		 amb = false;
	struct dspec	*s;

	if (i >= c->n || c->t[i].kind != T_NUM || (n = num_parts(c->t[i].f, &sep, p, dg)) < 2)
		return 0;	/* past the last token lies the previous message's */
	if (sep != '/' && sep != '-' && !(sep == '.' && n == 3))
		return 0;
	if (sep == '-' && n == 2 && (time_suffix(c, i) || (p[0] < p[1] && p[1] <= 24 &&
	    (tok_is(c, i - 1, V_FROM, NULL) || tok_is(c, i - 1, V_WEEKDAY, NULL) ||
	    tok_has(c, V_CLASS) || tok_said(c, V_WEEKDAY) || c->nwdays > 0))))
		return 0;
	if (n == 3 && dg[0] == 4) {
		y = p[0], m = p[1], d = p[2];
	} else {
		if (n == 3)
			y = dg[2] == 2 ? 2000 + p[2] : p[2];
		if (!c->en || !dm_ok(p[1], p[0])) {
			d = p[0], m = p[1];
		} else {
			m = p[0], d = p[1];
			amb = dm_ok(p[0], p[1]) && p[0] != p[1];
		}
	}
	if (!dm_ok(d, m) || (n == 3 && (y < 1900 || y > 9999)))
		return 0;
	if ((s = add_spec(c, i, i, D_ABS)) == NULL)
		return 0;
	s->y = y, s->m = m, s->d = d, s->ambiguous = amb;
	return 1;
}

/* A day number 1..31, with an English ordinal after it when "ord" is set ("3rd"). Tokens used, or 0. */
static int
day_num(const struct nlu_ctx *c, int i, int *d)
{
	int	 v = tok_num(c, i);

	if (v < 1 || v > 31 || c->t[i].kind != T_NUM)
		return 0;
	*d = v;
	if (tok_is(c, i + 1, V_ORDINAL, NULL) && c->t[i + 1].glued)
		return 2;
	return 1;
}

/* "de 2027", ", 2027", "2027" after a day and month: tokens used and the year. */
static int
year_after(const struct nlu_ctx *c, int i, int *y)
{
	int	 k = i, v;

	if (tok_word(c, k, "de") || tok_word(c, k, "del") || tok_word(c, k, ","))
		k++;
	v = tok_num(c, k);
	if (c->t[k < c->n ? k : 0].kind == T_NUM && v >= 1900 && v <= 9999 && k < c->n) {
		*y = v;
		return k - i + 1;
	}
	return 0;
}

/* "9 de diciembre", "3 dic 2026", "3rd of December", "December 3rd", "dec 3, 2027". */
static int
month_date(struct nlu_ctx *c, int i)
{
	int		 d = 0, m = 0, y = 0, k, used;
	struct dspec	*s;

	if ((used = day_num(c, i, &d)) > 0) {
		k = i + used;
		if (tok_word(c, k, "de") || tok_word(c, k, "of"))
			k++;
		if (!tok_is(c, k, V_MONTH, &m))
			return 0;
		k++;
	} else if (tok_is(c, i, V_MONTH, &m)) {
		k = i + 1;
		if (tok_word(c, k, "."))
			k++;
		if (tok_word(c, k, "the"))
			k++;
		if ((used = day_num(c, k, &d)) == 0)
			return 0;
		k += used;
	} else {
		return 0;
	}
	if (!dm_ok(d, m))
		return 0;
	k += year_after(c, k, &y);
	if ((s = add_spec(c, i, k - 1, D_ABS)) == NULL)
		return 0;
	s->y = y, s->m = m, s->d = d;
	return k - i;
}

/* Collects "lunes", "martes y viernes", "mondays": the weekdays a class meets on. */
static void
note_weekday(struct nlu_ctx *c, int wd)
{
	int	 k;

	if (wd > 10) {
		wd -= 10;
		c->wd_plural = true;
	}
	for (k = 0; k < c->nwdays; k++)
		if (c->wdays[k] == wd)
			return;
	if (c->nwdays < 7)
		c->wdays[c->nwdays++] = wd;
}

/* "el viernes", "el próximo lunes", "next friday", "el viernes pasado", "el jueves 3". */
static int
weekday_date(struct nlu_ctx *c, int i)
{
	int		 k = i, wd, mod = 0, v, d, used;
	struct dspec	*s;

	if (tok_is(c, k, V_NEXT, &v) && !tok_is(c, k, V_WEEKDAY, NULL))
		mod = 1, k++;
	else if (tok_is(c, k, V_LAST, NULL) && tok_is(c, k + 1, V_WEEKDAY, NULL))
		mod = -1, k++;
	else if (tok_is(c, k, V_THIS, NULL) && tok_is(c, k + 1, V_WEEKDAY, NULL))
		k++;
	if (!tok_is(c, k, V_WEEKDAY, &wd))
		return 0;
	note_weekday(c, wd);
	if (wd > 10)
		wd -= 10;
	if (tok_is(c, k - 1, V_EVERY, NULL) || tok_word(c, k - 1, "los") || tok_word(c, k - 1, "todos"))
		c->wd_plural = true;
	k++;
	if (tok_word(c, k, ","))
		k++;
	if (tok_is(c, k, V_MONTH, NULL) || (day_num(c, k, &d) > 0 && (tok_is(c, k + 1, V_MONTH, NULL) ||
	    (tok_is(c, k + 1, V_OF, NULL) && tok_is(c, k + 2, V_MONTH, NULL)) ||
	    (tok_is(c, k + 1, V_ORDINAL, NULL) && tok_is(c, k + 2, V_MONTH, NULL))))) {
		mark(c, i, k - 1, R_DATE);	/* "Monday Dec 1st", "lunes 1 de diciembre": the date says it */
		return k - i;
	}
	if (is_free(c, k) && num_date(c, k) > 0) {
		mark(c, i, k - 1, R_DATE);	/* "martes 15/12": the numbers say which Tuesday */
		return k + 1 - i;
	}
	if (tok_word(c, k - 1, ","))
		k--;
	if ((used = tok_phrase(c, k, V_NEXT, NULL)) > 0 && !tok_is(c, k, V_WEEKDAY, NULL))
		mod = 1, k += used;
	else if (tok_is(c, k, V_LAST, NULL) && !c->en)
		mod = -1, k++;
	if ((used = day_num(c, k, &d)) > 0 && !time_suffix(c, k) && !tok_is(c, k + used, V_MONTH, NULL) &&
	    strchr(c->t[k].f, ':') == NULL && !tok_is(c, k + used, V_CURRENCY, NULL)) {
		if ((s = add_spec(c, i, k + used - 1, D_DAYONLY)) != NULL)
			s->d = d;
		return k + used - i;
	}
	if ((s = add_spec(c, i, k - 1, D_WDAY)) != NULL)
		s->wd = wd, s->mod = mod;
	return k - i;
}

/* "dentro de 3 días", "en dos semanas", "in 5 days", "in an hour", "hace 2 días", "3 days ago". */
static int
span_date(struct nlu_ctx *c, int i)
{
	int		 k = i, n, unit, used, sign = 1;
	struct dspec	*s;

	if ((used = tok_phrase(c, k, V_IN, NULL)) > 0)
		k += used;
	else if (tok_is(c, k, V_AGO, NULL) && !c->en)
		sign = -1, k++;
	else if (!c->en || !is_free(c, k))
		return 0;
	if (tok_is(c, k, V_HALF, &n) && tok_is(c, k + 1, V_UNIT, &unit) && unit == 60) {
		if ((s = add_spec(c, i, k + 1, D_HOURS)) != NULL)
			s->off = n ? 15 : 30;
		return k + 2 - i;
	}
	if ((used = tok_phrase(c, k, V_NUMWORD, &n)) > 1)
		k += used - 1;	/* "a couple of days", "un par de días" */
	else
		n = tok_num(c, k);
	if (n < 0 || !tok_is(c, k + 1, V_UNIT, &unit))
		return 0;
	if (k == i && tok_is(c, k + 2, V_AGO, NULL)) {	/* English "3 days ago" */
		sign = -1;
		used = 3;
	} else if (k == i) {	/* "a week from today", "2 days from now" */
		if (!tok_word(c, k + 2, "from") || !(tok_word(c, k + 3, "today") || tok_word(c, k + 3, "now")))
			return 0;
		used = 4;
	} else {
		used = k + 2 - i;
	}
	if (unit < 1440 && sign > 0) {
		if ((s = add_spec(c, i, i + used - 1, D_HOURS)) != NULL)
			s->off = n * unit;
		return used;
	}
	if (unit < 1440)
		return 0;
	if ((s = add_spec(c, i, i + used - 1, D_REL)) == NULL)
		return 0;
	if (unit >= 43200) {
		s->kind = D_PERIOD;
		s->unit = unit == 43200 ? P_MONTH : P_YEAR;
		s->off = sign * n;
	} else {
		s->off = sign * n * (unit / 1440);
	}
	return used;
}

/* "hoy", "pasado mañana", "tomorrow", "ayer"; "mañana por la mañana" keeps the day. */
static int
relday_date(struct nlu_ctx *c, int i)
{
	int		 used, v, extra = 0, dp;
	struct dspec	*s;

	if ((used = tok_phrase(c, i, V_RELDAY, &v)) == 0)
		return 0;
	if (i > 0 && v == 1 && (tok_word(c, i - 1, "la") || tok_word(c, i - 1, "esta")) && !c->en)
		return 0;	/* "por la mañana": a part of the day */
	if ((extra = tok_phrase(c, i + used, V_DAYPART, &dp)) > 0 && dp == 1 && !c->en)
		used += extra;
	if ((s = add_spec(c, i, i + used - 1, D_REL)) != NULL)
		s->off = v;
	return used;
}

/* "este mes", "la semana pasada", "el mes que viene", "last week", "this year", "next month". */
static int
period_date(struct nlu_ctx *c, int i)
{
	int		 k = i, off = 0, unit, used;
	bool		 said = false;
	struct dspec	*s;

	if (tok_is(c, k, V_THIS, NULL))
		said = true, k++;
	else if (tok_is(c, k, V_LAST, NULL) && c->en)
		said = true, off = -1, k++;
	else if (tok_is(c, k, V_NEXT, NULL) && !tok_is(c, k, V_WEEKDAY, NULL))
		said = true, off = 1, k++;
	else if (tok_is(c, k, V_ARTICLE, NULL))
		k++;
	if (tok_is(c, k, V_NEXT, NULL) && !said)
		said = true, off = 1, k++;
	if (tok_is(c, k, V_LAST, NULL) && !said && !c->en)
		said = true, off = -1, k++;
	if (!tok_is(c, k, V_PERIOD, &unit) || c->t[k].f[strlen(c->t[k].f) - 1] == 'l')
		return 0;
	k++;
	if (!c->en && (used = tok_phrase(c, k, V_NEXT, NULL)) > 0)
		said = true, off = 1, k += used;
	else if (!c->en && tok_is(c, k, V_LAST, NULL))
		said = true, off = -1, k++;
	if (!said)
		return 0;
	if ((s = add_spec(c, i, k - 1, D_PERIOD)) != NULL)
		s->unit = unit, s->off = off;
	return k - i;
}

/* "fin de mes", "end of the month", "this weekend", "el finde". */
static int
fixed_date(struct nlu_ctx *c, int i)
{
	int	 k = i, used;

	if (tok_is(c, k, V_THIS, NULL) || tok_word(c, k, "el") || tok_word(c, k, "the"))
		k++;
	if ((used = tok_phrase(c, k, V_ENDMONTH, NULL)) > 0) {
		add_spec(c, i, k + used - 1, D_ENDMONTH);
		return k + used - i;
	}
	if ((used = tok_phrase(c, k, V_WEEKEND, NULL)) > 0) {
		add_spec(c, i, k + used - 1, D_WEEKEND);
		return k + used - i;
	}
	return 0;
}

/* "el 7", "el día 15", "the 15th", "on the 3rd": a day of this or the next month. */
static int
day_date(struct nlu_ctx *c, int i)
{
	int		 k = i, d, used;
	bool		 lead = false;
	struct dspec	*s;

	if (tok_word(c, k, "el") || tok_word(c, k, "the"))
		lead = true, k++;
	if (tok_is(c, k, V_DAY, NULL))
		lead = true, k++;
	if ((used = day_num(c, k, &d)) == 0 || c->t[k].f[0] == '0')
		return 0;
	if (!lead && used == 1)
		return 0;
	if (time_suffix(c, k) || tok_is(c, k + used, V_CURRENCY, NULL) || tok_is(c, k + used, V_UNIT, NULL) ||
	    tok_is(c, k + used, V_PREV, NULL) || tok_is(c, k + used, V_PERIOD, NULL) ||
	    tok_is(c, k + used, V_MONTH, NULL) || (tok_is(c, k + used, V_OF, NULL) &&
	    tok_is(c, k + used + 1, V_MONTH, NULL)))
		return 0;
	if (tok_has(c, V_DONE) || tok_has(c, V_DELETE) || tok_has(c, V_EDIT))
		if (!tok_is(c, k - 1, V_DAY, NULL) && used == 1)
			return 0;
	if ((s = add_spec(c, i, k + used - 1, D_DAYONLY)) != NULL)
		s->d = d;
	return k + used - i;
}

/* "noviembre", "en octubre", "in october 2025": a whole month, for questions about spending. */
static int
month_only(struct nlu_ctx *c, int i)
{
	int		 m, y = 0, used;
	struct dspec	*s;

	if (!tok_is(c, i, V_MONTH, &m) || (strlen(c->t[i].f) < 4 && !(c->en && tok_word(c, i, "may"))))
		return 0;
	if (c->en && (tok_word(c, i, "may") || tok_word(c, i, "march")) &&
	    !tok_is(c, i - 1, V_IN, NULL) && !tok_is(c, i - 1, V_OF, NULL))
		return 0;
	used = 1 + year_after(c, i + 1, &y);
	if ((s = add_spec(c, i, i + used - 1, D_MONTHONLY)) != NULL)
		s->m = m, s->y = y;
	return used;
}

/* US timetable shorthand: "MWF", "TTh", "TR", "MW" (Th and R are Thursday). */
int
weekday_letters(struct nlu_ctx *c, int i)
{
	const char	*p = c->text + c->t[i].off, *end = p + c->t[i].len;
	int		 wd[5], n = 0, k;

	if (!c->en || c->t[i].kind != T_WORD || c->t[i].len < 2 || c->t[i].len > 6)
		return 0;
	while (p < end && n < 5) {
		if (*p == 'T' && p + 1 < end && p[1] == 'h')
			wd[n++] = 4, p += 2;
		else if (*p == 'T' && p + 1 < end && p[1] == 'u')
			wd[n++] = 2, p += 2;
		else if (*p != '\0' && strchr("MTWRF", *p) != NULL)
			wd[n++] = (int)(strchr("MTWRF", *p) - "MTWRF") + 1, p++;
		else
			return 0;
	}
	if (p != end || n < 2)
		return 0;
	for (k = 0; k < n; k++)
		note_weekday(c, wd[k] + 10);
	c->t[i].role = R_DAYS;
	return 1;
}

/* "en 2025", "in 2026", "del 2025": a whole year, for questions about spending. */
static int
year_only(struct nlu_ctx *c, int i)
{
	int		 y;
	struct dspec	*s;

	if (!(tok_is(c, i, V_IN, NULL) || tok_word(c, i, "del") || tok_word(c, i, "de") || tok_word(c, i, "of") ||
	    tok_word(c, i, "during") || tok_word(c, i, "durante")) || (y = tok_num(c, i + 1)) < 1990 || y > 2100 ||
	    c->t[i + 1].kind != T_NUM)
		return 0;
	if ((s = add_spec(c, i, i + 1, D_PERIOD)) != NULL)
		s->unit = P_YEAR, s->off = y - c->now->year;
	return 2;
}

typedef int (*date_rule)(struct nlu_ctx *, int);

static const date_rule date_rules[] = {
	num_date, month_date, span_date, relday_date, fixed_date, period_date, weekday_date,
	day_date, month_only, year_only, NULL
};

/* "MWF", "TTh": read before the times, so that "MWF 11-12" is a range of hours. */
void
dates_shorthand(struct nlu_ctx *c)
{
	int	 i;

	for (i = 0; i < c->n; i++)
		if (c->t[i].role == R_NONE && c->t[i].cap)
			weekday_letters(c, i);
}

/*
 * Finds every date said in the message into "c->d", marking its tokens.
 * Tokens already taken (times, amounts) are left alone.
 */
void
dates_find(struct nlu_ctx *c)
{
	const date_rule	*r;
	int		 i, used;

	for (i = 0; i < c->n; i++) {
		if (!is_free(c, i))
			continue;
		for (r = date_rules; *r != NULL; r++)
			if ((used = (*r)(c, i)) > 0)
				break;
		if (*r != NULL)
			i += used - 1;
	}
}
