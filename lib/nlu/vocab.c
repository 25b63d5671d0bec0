/* See LICENSE. vocab.c: looking words up in the vocabulary tables, with one-letter typos forgiven. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "nlu/nlu_int.h"

/*
 * The tables stay in the order a person wrote them; this index sorts
 * pointers to their lines once, the first time a message is parsed, and is
 * only read afterwards.
 */
#define VOCAB_MAX	4096

struct ventry {
	const struct vocab	*v;
	uint8_t			 lang;	/* 0 both, 1 es, 2 en */
};

static struct ventry	 idx[VOCAB_MAX];
static size_t		 nidx;
static pthread_once_t	 idx_once = PTHREAD_ONCE_INIT;

/* Classes whose words are worth a typo guess: the words that decide an intent or a date. */
static const uint8_t fuzzy_cls[] = {
	V_WEEKDAY, V_MONTH, V_RELDAY, V_TASKS, V_DONE, V_CHART, V_CLASS, V_TIMETABLE, V_REMIND,
	V_BUDGET, V_EXPENSE, V_HELP, V_TOTAL, V_TASKNOUN, V_SPENT, V_ADVANCE, V_EVERYWORD, 0
};

static int
ventry_cmp(const void *a, const void *b)
{
	const struct ventry	*x = a, *y = b;
	int			 r;

	if ((r = strcmp(x->v->word, y->v->word)) != 0)
		return r;
	return x->lang - y->lang;
}

static void
idx_add(const struct vocab *t, uint8_t lang)
{
	for (; t->word != NULL && nidx < VOCAB_MAX; t++) {
		idx[nidx].v = t;
		idx[nidx].lang = lang;
		nidx++;
	}
}

static void
idx_build(void)
{
	idx_add(vocab_any, 0);
	idx_add(vocab_es, 1);
	idx_add(vocab_en, 2);
	qsort(idx, nidx, sizeof idx[0], ventry_cmp);
}

/* The first index entry for "word", or nidx. */
static size_t
idx_find(const char *word)
{
	size_t	 lo = 0, hi = nidx, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strcmp(idx[mid].v->word, word) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static bool
lang_ok(const struct ventry *e, bool en)
{
	return e->lang == 0 || e->lang == (en ? 2 : 1);
}

/* True when "a" and "b" differ by one edit: a letter changed, added, dropped or two swapped. */
static bool
one_edit(const char *a, size_t la, const char *b, size_t lb)
{
	size_t	 i = 0;

	if (la > lb)
		return one_edit(b, lb, a, la);
	if (lb - la > 1)
		return false;
	while (i < la && a[i] == b[i])
		i++;
	if (i == la)
		return lb - la == 1;
	if (la == lb) {
		if (strcmp(a + i + 1, b + i + 1) == 0)
			return true;
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] && strcmp(a + i + 2, b + i + 2) == 0;
	}
	return strcmp(a + i, b + i + 1) == 0;
}

static bool
fuzzy_class(uint8_t cls)
{
	const uint8_t	*p;

	for (p = fuzzy_cls; *p; p++)
		if (*p == cls)
			return true;
	return false;
}

static void
add_match(struct vmatch *m, uint8_t *nm, const struct vocab *v)
{
	int	 k;

	for (k = 0; k < *nm; k++)
		if (m[k].cls == v->cls)
			return;
	if (*nm < NLU_MAXMATCH) {
		m[*nm].cls = v->cls;
		m[*nm].val = v->val;
		(*nm)++;
	}
}

/*
 * Fills "m" with the meanings of folded "word" in the language ("en" or es)
 * and the shared table. With "fuzzy", a word of five letters or more that
 * means nothing gets the meanings of a keyword one edit away.
 */
void
vocab_match(const char *word, bool en, struct vmatch *m, uint8_t *nm, bool fuzzy)
{
	size_t	 i, lw, le;

	pthread_once(&idx_once, idx_build);
	*nm = 0;
	for (i = idx_find(word); i < nidx && strcmp(idx[i].v->word, word) == 0; i++)
		if (lang_ok(&idx[i], en))
			add_match(m, nm, idx[i].v);
	lw = strlen(word);
	if (*nm > 0 || !fuzzy || lw < 5)
		return;
	for (i = 0; i < nidx; i++) {
		if (!lang_ok(&idx[i], en) || !fuzzy_class(idx[i].v->cls))
			continue;
		le = strlen(idx[i].v->word);
		if (le < 5 || le + 1 < lw || le > lw + 1 || idx[i].v->word[0] != word[0] ||
		    ((lw == 5 || le == 5) && le != lw))
			continue;
		if (one_edit(word, lw, idx[i].v->word, le))
			add_match(m, nm, idx[i].v);
	}
}

/* True when the folded "phrase" has class "cls" in the language; its value in "*val". */
bool
vocab_phrase(const char *phrase, bool en, int cls, int *val)
{
	size_t	 i;

	pthread_once(&idx_once, idx_build);
	for (i = idx_find(phrase); i < nidx && strcmp(idx[i].v->word, phrase) == 0; i++)
		if (lang_ok(&idx[i], en) && idx[i].v->cls == cls) {
			if (val)
				*val = idx[i].v->val;
			return true;
		}
	return false;
}
