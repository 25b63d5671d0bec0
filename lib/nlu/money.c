/* See LICENSE. money.c: amounts (5€, €5, 5,50 €, 1.234,56 €, $12, 12 dólares, 5 pavos) and repetition. */
#include <stdio.h>
#include <string.h>

#include "nlu/nlu_int.h"

/*
 * The cents in number token "f": "1.234,56" and "1,234.56" (the last
 * separator is the decimal one when both appear), "1.500" (a single group
 * of three digits is thousands), "5,5" and "5.50". Returns -1 otherwise.
 */
static int64_t
amount_parse(const char *f)
{
	const char	*p, *last = NULL;
	int64_t		 whole = 0, cents = 0;
	int		 seps = 0, ndec = 0, grp = 0;
	bool		 mixed = false;

	for (p = f; *p; p++) {
		if (*p == '.' || *p == ',') {
			if (last != NULL && *last != *p)
				mixed = true;
			last = p;
			seps++;
		} else if (*p < '0' || *p > '9') {
			return -1;
		}
	}
	if (last != NULL && !mixed && (seps > 1 || strlen(last + 1) == 3))
		last = NULL;	/* only thousands separators */
	for (p = f; *p && p != last; p++) {
		if (*p == '.' || *p == ',') {
			if (grp != 3 && p != f + strspn(f, "0123456789"))
				return -1;
			grp = 0;
			continue;
		}
		if (whole > 100000000000LL)
			return -1;
		whole = whole * 10 + (*p - '0');
		grp++;
	}
	if (last != NULL) {
		for (p = last + 1; *p; p++, ndec++)
			if (ndec < 2)
				cents = cents * 10 + (*p - '0');
		if (ndec == 1)
			cents *= 10;
		if (ndec > 2)
			return -1;
	}
	return whole * 100 + cents;
}

void
money_fmt(char *buf, size_t len, int64_t cents)
{
	snprintf(buf, len, "%lld.%02lld", (long long)(cents / 100), (long long)(cents % 100));
}

static bool
is_free(const struct nlu_ctx *c, int i)
{
	return i >= 0 && i < c->n && c->t[i].role == R_NONE;
}

/*
 * A currency word, phrase or sign at "i" (a bare "e" only glued: "5e"); its
 * code in "*cur". Returns the tokens it spans, 0 if none.
 */
static int
currency_at(const struct nlu_ctx *c, int i, int *cur)
{
	int	 len, k;

	if (!is_free(c, i))
		return 0;
	if ((len = tok_phrase(c, i, V_CURRENCY, cur)) > 1) {
		for (k = i; k < i + len; k++)
			if (!is_free(c, k))
				return tok_is(c, i, V_CURRENCY, cur) ? 1 : 0;
		return len;
	}
	if (!tok_is(c, i, V_CURRENCY, cur))
		return 0;
	if ((tok_word(c, i, "e") || tok_word(c, i, "eu") || tok_word(c, i, "p")) && !c->t[i].glued)
		return 0;
	return 1;
}

/* A currency before the amount: a sign ("$5") or a code in capitals ("USD 20"), not a word ("pen 2"). */
static bool
currency_before(const struct nlu_ctx *c, int i, int *cur)
{
	const struct tok	*t = &c->t[i];
	size_t			 k;

	if (currency_at(c, i, cur) != 1)
		return false;
	if (t->kind == T_SYM || t->f[0] == '$' || (unsigned char)t->f[0] >= 0x80)
		return true;
	if (*cur <= 3 && (tok_word(c, i, "eur") || tok_word(c, i, "usd") || tok_word(c, i, "gbp")))
		return true;
	for (k = 0; k < t->len; k++)
		if (c->text[t->off + k] < 'A' || c->text[t->off + k] > 'Z')
			return false;
	return t->len == 3;
}

/* A number that names something (tema 3, aula 1.6, #2, 3 meses, 10%) is never money. */
static bool
not_money(const struct nlu_ctx *c, int i)
{
	if (!is_free(c, i) || c->t[i].kind != T_NUM || strpbrk(c->t[i].f, ":/-") != NULL)
		return true;
	if (tok_is(c, i - 1, V_NOTMONEY, NULL) || tok_is(c, i - 1, V_ROOM, NULL) || tok_word(c, i - 1, "#"))
		return true;
	if (i + 1 < c->n && c->t[i + 1].role == R_NONE && (tok_is(c, i + 1, V_UNIT, NULL) ||
	    tok_is(c, i + 1, V_PREV, NULL) || tok_word(c, i + 1, "%") || tok_is(c, i + 1, V_PERIOD, NULL) ||
	    (tok_is(c, i + 1, V_ORDINAL, NULL) && c->t[i + 1].glued)))
		return true;
	return false;
}

static void
add_money(struct nlu_ctx *c, int first, int last, int64_t cents, int cur, bool sure)
{
	struct money	*m;
	int		 i;

	if (c->nmo >= NLU_MAXSPEC)
		return;
	if (cur == 4 || cur == 5) {	/* céntimos, cents, pence */
		cur = cur == 5 ? 3 : 0;
		cents /= 100;
	}
	m = &c->mo[c->nmo++];
	m->first = first, m->last = last, m->cents = cents, m->cur = cur, m->sure = sure;
	for (i = first; i <= last; i++)
		c->t[i].role = R_MONEY;
}

/* "€5", "$ 9.99", "5€", "12 USD", "5 pavos", and with "loose" a plain "7,80" or "12". Returns tokens used. */
static int
money_at(struct nlu_ctx *c, int i, bool loose)
{
	int64_t	 cents;
	int	 cur, used;

	if (currency_before(c, i, &cur) && cur != 4 && cur != 5 && !not_money(c, i + 1) &&
	    (cents = amount_parse(c->t[i + 1].f)) >= 0) {
		add_money(c, i, i + 1, cents, cur, true);
		return 2;
	}
	if (not_money(c, i) || (cents = amount_parse(c->t[i].f)) < 0)
		return 0;
	if (i + 1 < c->n && c->t[i + 1].glued && c->t[i + 1].role == R_NONE && (tok_word(c, i + 1, "k") ||
	    tok_word(c, i + 1, "mil")) && cents < 100000000) {
		cents *= 1000;	/* "1k", "1,5k" */
		if ((used = currency_at(c, i + 2, &cur)) > 0) {
			add_money(c, i, i + 1 + used, cents, cur, true);
			return 2 + used;
		}
		if (!loose)
			return 0;
		add_money(c, i, i + 1, cents, 0, false);
		return 2;
	}
	if ((used = currency_at(c, i + 1, &cur)) > 0) {
		add_money(c, i, i + used, cents, cur, true);
		return 1 + used;
	}
	if (!loose)
		return 0;
	add_money(c, i, i, cents, 0, strpbrk(c->t[i].f, ".,") != NULL);
	return 1;
}

/*
 * Finds amounts into "c->mo". Without "loose" only amounts with a currency
 * count; with it, plain numbers too (called once an expense is likely).
 */
void
money_find(struct nlu_ctx *c, bool loose)
{
	int	 i, used;

	for (i = 0; i < c->n; i++) {
		if (!is_free(c, i))
			continue;
		if ((used = money_at(c, i, loose)) > 0)
			i += used - 1;
	}
}

/* "al mes", "mensual", "cada semana", "weekly", "per month", and a bare "semana" after an amount. */
void
every_find(struct nlu_ctx *c)
{
	int	 i, k, used, v;

	for (i = 0; i < c->n; i++) {
		if (!is_free(c, i))
			continue;
		if ((used = tok_phrase(c, i, V_EVERYWORD, &v)) > 0 && v != P_NONE) {
			c->every = v;
			for (k = i; k < i + used; k++)
				c->t[k].role = R_EVERY;
			return;
		}
		if (tok_is(c, i, V_PERIOD, &v) && v != P_DAY && (c->en || strcmp(c->t[i].f, "semana") == 0 ||
		    strcmp(c->t[i].f, "mes") == 0 || strcmp(c->t[i].f, "ano") == 0) &&
		    !tok_is(c, i - 1, V_THIS, NULL) && !tok_is(c, i - 1, V_LAST, NULL) &&
		    !tok_is(c, i - 1, V_NEXT, NULL) && !tok_is(c, i - 1, V_ARTICLE, NULL) &&
		    !tok_is(c, i - 1, V_NEW, NULL) && !tok_word(c, i - 1, "nuevo") &&
		    !tok_is(c, i - 1, V_OF, NULL) && tok_num(c, i - 1) < 0 && !tok_is(c, i + 1, V_LAST, NULL) &&
		    !tok_is(c, i + 1, V_NEXT, NULL) && !tok_is(c, i + 1, V_PREV, NULL) &&
		    (!c->en || strchr("sy", c->t[i].f[strlen(c->t[i].f) - 1]) == NULL)) {
			c->every = v;
			c->t[i].role = R_EVERY;
			return;
		}
	}
}
