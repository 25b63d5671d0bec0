/* See LICENSE. times.c: clock times and ranges (a las 18:00, 9h, 5pm, de 9 a 11, 2-4pm), and durations. */
#include <string.h>

#include "nlu/nlu_int.h"

/* A clock time as said: hour, minute, and what was written after it. */
struct clock {
	int	 h, m;
	int	 ampm;		/* 0, 1 am, 2 pm */
	bool	 marked;	/* had ":", "h", am/pm or a part of the day: surely a time */
	bool	 guessed;	/* an hour 1..7 taken as the afternoon */
	bool	 plain;		/* a bare number: no ":", "h" or am/pm */
	int	 used;		/* tokens */
};

static bool
is_free(const struct nlu_ctx *c, int i)
{
	return i >= 0 && i < c->n && c->t[i].role == R_NONE;
}

/* "HH:MM", "HH.MM" or "H" in "f", the separator in "*sep" (0 for none); false for anything else. */
static bool
hm_parse(const char *f, int *h, int *m, char *sep)
{
	int	 v = 0, w = 0, nd = 0, nm = 0;

	*sep = 0;
	for (; *f && *f != ':' && *f != '.'; f++, nd++) {
		if (*f < '0' || *f > '9' || nd >= 2)
			return false;
		v = v * 10 + (*f - '0');
	}
	if (nd == 0)
		return false;
	if (*f == ':' || *f == '.') {
		*sep = *f;
		for (f++; *f; f++, nm++) {
			if (*f < '0' || *f > '9' || nm >= 2)
				return false;
			w = w * 10 + (*f - '0');
		}
		if (nm != 2)
			return false;
	}
	if (v > 24 || w > 59 || (v == 24 && w > 0))
		return false;
	*h = v == 24 ? 0 : v;
	*m = w;
	return true;
}

/* Applies am/pm to an hour. */
static int
ampm_hour(int h, int ampm)
{
	if (ampm == 2 && h < 12)
		return h + 12;
	if (ampm == 1 && h == 12)
		return 0;
	return h;
}

/* "de la tarde", "in the morning" at "i": sets "k"'s am/pm; returns tokens used. */
static int
clock_daypart(const struct nlu_ctx *c, int i, struct clock *k)
{
	int	 used, v;

	if ((used = tok_phrase(c, i, V_DAYPART, &v)) == 0)
		return 0;
	k->ampm = v == 2 && k->h >= 1 && k->h <= 11 ? 2 : 0;
	k->marked = true;
	return used;
}

/* The "30" of "10h30": two digits glued to an hour mark, a minute of the hour; else 0. */
static int
glued_minutes(const struct nlu_ctx *c, int i)
{
	int	 m;

	if (i >= c->n || c->t[i].kind != T_NUM || !c->t[i].glued || strlen(c->t[i].f) != 2)
		return 0;
	m = tok_num(c, i);
	return m > 0 && m < 60 ? m : 0;
}

/* The "20" of "a las 10 y 20": a plain number of minutes, 1 to 59; else 0. */
static int
spoken_minutes(const struct nlu_ctx *c, int i)
{
	int	 m;

	if (i >= c->n || c->t[i].kind != T_NUM || strpbrk(c->t[i].f, ".,:/-") != NULL)
		return 0;
	m = tok_num(c, i);
	return m > 0 && m < 60 ? m : 0;
}

/* What follows a number: "h", "am", "pm", "de la tarde", "y media". Fills "k" and returns tokens used. */
static int
clock_suffix(const struct nlu_ctx *c, int i, struct clock *k)
{
	int	 n = 0, v, q;

	if (tok_is(c, i, V_HOURMARK, NULL) && (c->t[i].glued || tok_word(c, i, "h") || tok_word(c, i, "hrs") ||
	    tok_word(c, i, "o'clock") || tok_word(c, i, "oclock"))) {
		k->marked = true;
		n++;
		if (k->m == 0 && (k->m = glued_minutes(c, i + 1)) > 0)
			n++;	/* "10h30" */
	}
	if (tok_is(c, i + n, V_AMPM, &v) || (tok_word(c, i + n, "a") && tok_word(c, i + n + 1, ".") &&
	    tok_word(c, i + n + 2, "m"))) {
		if (!tok_is(c, i + n, V_AMPM, &v))
			v = 1, n += 2;
		k->ampm = v;
		k->marked = true;
		n++;
		if (tok_word(c, i + n, ".") && c->t[i + n].glued)
			n++;
	} else {
		n += clock_daypart(c, i + n, k);
	}
	if (!c->en && tok_word(c, i + n, "y") && (q = tok_phrase(c, i + n + 1, V_HALF, &v)) > 0 && k->m == 0) {
		k->m = v == 0 ? 30 : v == 1 ? 15 : 45;	/* y media, y cuarto, y tres cuartos */
		n += 1 + q;
	} else if (!c->en && tok_word(c, i + n, "menos") && tok_word(c, i + n + 1, "cuarto") && k->m == 0) {
		k->h = (k->h + 23) % 24;
		k->m = 45;
		n += 2;
	} else if (!c->en && k->m == 0 && (tok_word(c, i + n, "y") || tok_word(c, i + n, "menos")) &&
	    (q = spoken_minutes(c, i + n + 1)) > 0) {
		if (tok_word(c, i + n, "menos"))	/* "a las 9 menos 10": 08:50 */
			k->h = (k->h + 23) % 24, q = 60 - q;
		k->m = q;
		n += 2 + (tok_is(c, i + n + 2, V_UNIT, &v) && v == 1);	/* "y 20 minutos" */
	} else {
		return n;
	}
	if (!k->ampm)
		n += clock_daypart(c, i + n, k);	/* "a las 8 y media de la tarde": the part comes last */
	return n;
}

/*
 * English clock words before the hour: "half past 4", "quarter past 9",
 * "(a) quarter to 9". Fills "k" (minutes, the hour the words mean) and
 * returns the tokens taken, the hour's included; 0 if none.
 */
static int
clock_words(const struct nlu_ctx *c, int i, struct clock *k)
{
	int	 n, q, h;

	if (!c->en || (n = tok_phrase(c, i, V_HALF, &q)) == 0)
		return 0;
	if (n > 1 && !tok_word(c, i, "a"))
		return 0;	/* "half an hour" is a span, not a time */
	if (!tok_word(c, i + n, "past") && !tok_word(c, i + n, "to"))
		return 0;
	h = tok_num(c, i + n + 1);
	if (h < 1 || h > 12 || strchr(c->t[i + n + 1].f, ':') != NULL)
		return 0;
	if (tok_word(c, i + n, "to"))
		k->h = h == 1 ? 12 : h - 1, k->m = q ? 45 : -1;
	else
		k->h = h, k->m = q ? 15 : 30;
	if (k->m < 0)
		return 0;	/* "half to" says nothing */
	k->marked = true;
	return n + 2;
}

/* A clock time at token "i": "18:00", "9", "9h", "5pm", "mediodía". Returns tokens used, 0 if none. */
static int
clock_at(const struct nlu_ctx *c, int i, struct clock *k)
{
	char	 sep = 0;
	int	 v;

	memset(k, 0, sizeof *k);
	if (!is_free(c, i))
		return 0;
	if (tok_is(c, i, V_NOON, &v)) {
		k->h = v / 60, k->m = v % 60, k->marked = true;
		return k->used = 1;
	}
	if ((v = clock_words(c, i, k)) > 0) {
		k->used = v + clock_suffix(c, i + v, k);
		if (k->ampm)
			k->h = ampm_hour(k->h, k->ampm);
		else if (k->h >= 1 && k->h <= 7)
			k->h += 12, k->guessed = true;	/* as a bare "at 3": the afternoon */
		return k->used;
	}
	if (c->t[i].kind == T_NUM) {
		if (!hm_parse(c->t[i].f, &k->h, &k->m, &sep))
			return 0;
		k->marked = sep == ':';
	} else if ((v = tok_num(c, i)) >= 1 && v <= 12 && tok_is(c, i + 1, V_AMPM, NULL)) {
		k->h = v;
	} else {
		return 0;
	}
	k->used = 1 + clock_suffix(c, i + 1, k);
	if (sep == '.' && !k->marked && !tok_is(c, i - 1, V_AT, NULL) && !tok_word(c, i - 1, "las"))
		return 0;	/* "1.20" is money or a room; "18.00h", "a las 18.00", "10.30am" are times */
	k->plain = !k->marked && !k->ampm;
	if (k->ampm)
		k->h = ampm_hour(k->h, k->ampm);
	else if (!k->marked && k->m == 0 && k->h >= 1 && k->h <= 7)
		k->h += 12, k->guessed = true;	/* "a las 5", "at 3": students mean the afternoon */
	return k->used;
}

static void
add_time(struct nlu_ctx *c, int first, int last, int h, int m, int eh, int em, bool guessed)
{
	struct tspec	*t;
	int		 i;

	if (c->ntm >= NLU_MAXSPEC)
		return;
	t = &c->tm[c->ntm++];
	t->first = first, t->last = last;
	t->h = h, t->m = m, t->eh = eh, t->em = em, t->guessed = guessed;
	for (i = first; i <= last; i++)
		c->t[i].role = R_TIME;
}

/* The end of a range "a"-"b": am/pm said once applies to both ("2-4pm"; "11-1pm" is 11:00-13:00). */
static void
range_fix(struct clock *a, struct clock *b)
{
	if (b->ampm && !a->ampm) {
		if (b->ampm == 2 && a->h < 12 && a->h + 12 <= b->h)
			a->h += 12;
	}
}

/* "12:00-13:30", "17-19" as one token; returns tokens used. */
static int
dash_range(struct nlu_ctx *c, int i)
{
	char		 buf[NLU_TOKLEN], *dash;
	struct clock	 a, b;
	char		 ca, cb;
	int		 n;

	if (c->t[i].kind != T_NUM || (dash = strchr(c->t[i].f, '-')) == NULL)
		return 0;
	memcpy(buf, c->t[i].f, sizeof buf);
	buf[dash - c->t[i].f] = '\0';
	memset(&a, 0, sizeof a), memset(&b, 0, sizeof b);
	if (!hm_parse(buf, &a.h, &a.m, &ca) || !hm_parse(dash + 1, &b.h, &b.m, &cb))
		return 0;
	n = 1 + clock_suffix(c, i + 1, &b);
	if (ca == '.' || cb == '.')
		return 0;
	if (tok_is(c, i - 1, V_NOTMONEY, NULL) && n == 1)
		return 0;	/* "chapters 3-4", "ejercicios 5-7" */
	if (!ca && !cb && n == 1 && !tok_is(c, i - 1, V_FROM, NULL) && !tok_is(c, i - 1, V_WEEKDAY, NULL) &&
	    !tok_has(c, V_CLASS) && !tok_said(c, V_WEEKDAY) && c->nwdays == 0)
		return 0;
	if (b.ampm)
		b.h = ampm_hour(b.h, b.ampm);
	range_fix(&a, &b);
	add_time(c, i, i + n - 1, a.h, a.m, b.h, b.m, false);
	return n;
}

/* After a start time: "- 13:30", "a 12:30", "hasta las 11", "to 4pm", "durante 2 horas", "for 2 hours". */
static int
range_end(struct nlu_ctx *c, int i, struct clock *a, int *eh, int *em)
{
	struct clock	 b;
	int		 k = i, used, n, unit;

	if ((used = tok_phrase(c, k, V_DURING, NULL)) > 0 || (c->en && tok_word(c, k, "for"))) {
		k += used ? used : 1;
		n = tok_num(c, k);
		if (tok_is(c, k, V_HALF, NULL))
			n = 0;
		if (n < 0 || !tok_is(c, k + 1, V_UNIT, &unit) || unit > 60)
			return 0;
		n = n ? n * unit : 30;
		*eh = ((a->h * 60 + a->m + n) / 60) % 24;
		*em = (a->h * 60 + a->m + n) % 60;
		return k + 2 - i;
	}
	if (tok_word(c, k, "-") || tok_word(c, k, "–"))
		k++;
	else if ((used = tok_phrase(c, k, V_TO, NULL)) > 0)
		k += used;
	else
		return 0;
	if (tok_word(c, k, "las") || tok_word(c, k, "la"))
		k++;
	if (clock_at(c, k, &b) == 0)
		return 0;
	range_fix(a, &b);
	*eh = b.h, *em = b.m;
	return k + b.used - i;
}

/* A month name at "i", maybe after "de"/"of" or an ordinal: the number before it is a day. */
static bool
month_follows(const struct nlu_ctx *c, int i)
{
	if (tok_is(c, i, V_ORDINAL, NULL) && c->t[i].glued)
		i++;
	if (tok_word(c, i, "de") || tok_word(c, i, "of"))
		i++;
	return tok_is(c, i, V_MONTH, NULL);
}

/* "a las 18:00", "at 5pm", "18:00", "9h", "de 9 a 11", "from 2 to 4pm", "a mediodía". */
static int
clock_time(struct nlu_ctx *c, int i)
{
	struct clock	 a;
	int		 k = i, used, eh = -1, em = -1, from = 0;

	if ((used = tok_phrase(c, k, V_AT, NULL)) > 0 || (used = tok_phrase(c, k, V_FROM, NULL)) > 0) {
		from = tok_phrase(c, k, V_FROM, NULL);
		k += used;
		if (tok_word(c, k, "las") || tok_word(c, k, "la"))
			k++;
	}
	if (clock_at(c, k, &a) == 0)
		return 0;
	if (!a.marked && !a.ampm && month_follows(c, k + a.used))
		return 0;	/* "by 3 Dec", "before 3 of May": a day, not an hour */
	if (k == i && !a.marked && !(tok_said(c, V_WEEKDAY) && tok_is(c, i + 1, V_TO, NULL) &&
	    ((tok_num(c, i + 2) >= 0 && tok_num(c, i + 2) <= 24) || (i + 2 < c->n && c->t[i + 2].kind == T_NUM &&
	    strchr(c->t[i + 2].f, ':') != NULL)) &&
	    c->t[i].kind == T_NUM))
		return 0;	/* a bare number is not a time, but "thursdays 10 to 12" is a range */
	if (k == i && !a.marked && tok_is(c, i - 1, V_NOTMONEY, NULL))
		return 0;	/* "capítulos 3 y 4", "chapters 2 to 5": names, not hours */
	if (k == i && !a.ampm && strchr(c->t[i].f, ':') == NULL && (tok_is(c, i - 1, V_IN, NULL) ||
	    tok_is(c, i - 1, V_DURING, NULL) || tok_is(c, i - 1, V_AGO, NULL) || tok_word(c, i - 1, "con") ||
	    tok_word(c, i - 1, "with") || tok_is(c, i + a.used, V_ADVANCE, NULL)))
		return 0;	/* "dentro de 2h", "2h antes": a span, not a time */
	k += a.used;
	if ((used = range_end(c, k, &a, &eh, &em)) > 0) {
		k += used;
		if (a.guessed && eh * 60 + em < a.h * 60 + a.m && eh * 60 + em > (a.h - 12) * 60 + a.m)
			a.h -= 12, a.guessed = false;	/* "de 7 a 9" */
	}
	else if (from && !a.marked && k - i == 2 && !tok_word(c, i + 1, "las"))
		return 0;	/* "de 3" without an end is not a time */
	if (!a.marked && eh < 0 && a.h > 0 && !c->en && k - i < 2)
		return 0;
	add_time(c, i, k - 1, a.h, a.m, eh, em, a.guessed);
	c->tm[c->ntm - 1].plain = a.plain;
	return k - i;
}

/*
 * Finds clock times and ranges into "c->tm". Runs before the dates so that
 * "de la mañana" after a time is not read as tomorrow.
 */
void
times_find(struct nlu_ctx *c)
{
	int	 i, used;

	for (i = 0; i < c->n; i++) {
		if (!is_free(c, i))
			continue;
		if ((used = dash_range(c, i)) > 0 || (used = clock_time(c, i)) > 0)
			i += used - 1;
	}
}

/* "hora", "de hora", "an hour", "of an hour" at "i": what follows "media", "half", "un cuarto". */
static bool
half_hour(const struct nlu_ctx *c, int i)
{
	int	 unit = 0, k;

	for (k = 0; k < 2 && (tok_word(c, i, "de") || tok_word(c, i, "of") || tok_word(c, i, "an") ||
	    tok_word(c, i, "a")); k++)
		i++;
	return tok_is(c, i, V_UNIT, &unit) && unit == 60;
}

/*
 * "y media", "y cuarto", "and a half" at "i": the part of "unit" more
 * ("hora y media" 30, "hora y cuarto" 15); 0 if none.
 */
static int
and_half(const struct nlu_ctx *c, int i, int unit)
{
	int	 v;

	if (!tok_word(c, i, c->en ? "and" : "y"))
		return 0;
	if (c->en && tok_word(c, i + 1, "a"))
		i++;
	if (tok_phrase(c, i + 1, V_HALF, &v) == 0)
		return 0;
	return v == 0 ? unit / 2 : v == 1 ? unit / 4 : unit * 3 / 4;
}

/* "1.5", "1,5": tenths of a number, else -1. */
static int
num_tenths(const struct nlu_ctx *c, int i)
{
	const char	*f = c->t[i].f;
	size_t		 l = strlen(f);

	if (c->t[i].kind != T_NUM || l < 3 || l > 4 || (f[l - 2] != '.' && f[l - 2] != ',') ||
	    f[l - 1] < '0' || f[l - 1] > '9' || f[0] < '0' || f[0] > '9' || (l == 4 && (f[1] < '0' || f[1] > '9')))
		return -1;
	return (l == 4 ? (f[0] - '0') * 100 + (f[1] - '0') * 10 : (f[0] - '0') * 10) + (f[l - 1] - '0');
}

/*
 * "el día antes", "the day before", "la semana antes": one unit, said without
 * a number. ("el día anterior" is left to the dates, which read it as a day.)
 */
static bool
the_unit_before(const struct nlu_ctx *c, int i, int unit)
{
	return unit >= 1440 && (tok_word(c, i - 1, "el") || tok_word(c, i - 1, "la") || tok_word(c, i - 1, "the")) &&
	    tok_is(c, i + 1, V_ADVANCE, NULL);
}

/*
 * The first "N minutes/hours/days" said (media hora, tres cuartos de hora,
 * 1 día, 45 min, 45', hora y media, an hour, the day before), in
 * "c->dur_min", for reminders. Takes no tokens.
 */
void
durations_find(struct nlu_ctx *c)
{
	int	 i, n, unit, h, k;

	c->dur_min = c->dur_at = -1;
	for (i = 0; i + 1 < c->n; i++) {
		if ((c->t[i].role != R_NONE && c->t[i].role != R_EVERY) ||
		    (c->t[i + 1].role != R_NONE && c->t[i + 1].role != R_EVERY))
			continue;
		if ((k = tok_phrase(c, i, V_HALF, &h)) > 0 && half_hour(c, i + k)) {
			c->dur_min = h == 0 ? 30 : h == 1 ? 15 : 45;	/* media, un cuarto, tres cuartos */
		} else if ((n = tok_num(c, i)) >= 0 && n <= 100000 && c->t[i].kind == T_NUM &&
		    c->t[i + 1].glued && (tok_word(c, i + 1, "'") || tok_word(c, i + 1, "\xe2\x80\xb2"))) {
			c->dur_min = n;	/* 45' or 45′ (U+2032, the prime): minutes */
		} else if ((n = tok_num(c, i)) >= 0 && n <= 100000 && tok_is(c, i + 1, V_UNIT, &unit) &&
		    unit <= 10080 &&
		    strchr(c->t[i].f, ':') == NULL) {
			c->dur_min = n * unit + and_half(c, i + 2, unit);
			if (unit == 60 && c->t[i + 1].glued)
				c->dur_min += glued_minutes(c, i + 2);	/* "1h30" */
		} else if ((n = num_tenths(c, i)) >= 0 && tok_is(c, i + 1, V_UNIT, &unit) && unit <= 10080) {
			c->dur_min = n * unit / 10;	/* "1.5 hours", "1,5 días" */
		} else if (tok_num(c, i - 1) < 0 && tok_is(c, i, V_UNIT, &unit) && unit == 60 &&
		    (h = and_half(c, i + 1, unit)) > 0) {
			c->dur_min = unit + h;	/* "con hora y media de antelación" */
		} else if (tok_is(c, i, V_UNIT, &unit) && unit <= 10080 && the_unit_before(c, i, unit)) {
			c->dur_min = unit;
		} else {
			continue;
		}
		c->dur_at = i;
		return;
	}
}
