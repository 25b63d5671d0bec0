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
static const struct ventry *fuzz_idx[VOCAB_MAX];	/* single keywords of 5 letters or more */
static size_t		 nfuzz;
static pthread_once_t	 idx_once = PTHREAD_ONCE_INIT;

/* Classes whose words are worth a typo guess: the words that decide an intent or a date. */
static const uint8_t fuzzy_cls[] = {
	V_WEEKDAY, V_MONTH, V_RELDAY, V_TASKS, V_DONE, V_CHART, V_CLASS, V_TIMETABLE, V_REMIND,
	V_BUDGET, V_EXPENSE, V_HELP, V_TOTAL, V_TASKNOUN, V_SPENT, V_ADVANCE, V_EVERYWORD, V_TASKVERB,
	V_CATEGORY, V_HOWMUCH, 0
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

/*
 * A hash of every distinct word and phrase to its run of lines in "idx";
 * a first word of a phrase is a key too, marked "starts".
 */
#define HT_BITS	13
struct hslot {
	const char	*word;	/* NULL: empty */
	size_t		 wlen;
	uint32_t	 pos, cnt;
	bool		 starts;
};
static struct hslot	 ht[1 << HT_BITS];

static uint32_t
fnv(const char *s, size_t n)
{
	uint32_t	 h = 2166136261u;

	while (n-- > 0)
		h = (h ^ (uint8_t)*s++) * 16777619u;
	return h;
}

/* The slot of the "n" bytes at "w"; with "create", an empty one is claimed. NULL if absent or full. */
static struct hslot *
ht_slot(const char *w, size_t n, bool create)
{
	uint32_t	 h = fnv(w, n), k, mask = (1u << HT_BITS) - 1;
	struct hslot	*s;

	for (k = 0; k <= mask; k++) {
		s = &ht[(h + k) & mask];
		if (s->word == NULL) {
			if (!create)
				return NULL;
			s->word = w, s->wlen = n;
			return s;
		}
		if (s->wlen == n && memcmp(s->word, w, n) == 0)
			return s;
	}
	return NULL;
}

static bool	fuzzy_class(uint8_t);

static void
idx_build(void)
{
	struct hslot	*s;
	const char	*w, *sp;
	size_t		 i;

	idx_add(vocab_any, 0);
	idx_add(vocab_es, 1);
	idx_add(vocab_en, 2);
	qsort(idx, nidx, sizeof idx[0], ventry_cmp);
	for (i = 0; i < nidx; i++) {
		w = idx[i].v->word;
		if ((s = ht_slot(w, strlen(w), true)) != NULL) {
			if (s->cnt == 0)
				s->pos = (uint32_t)i;
			s->cnt++;
		}
		if ((sp = strchr(w, ' ')) != NULL && (s = ht_slot(w, (size_t)(sp - w), true)) != NULL)
			s->starts = true;
		if (fuzzy_class(idx[i].v->cls) && strlen(w) >= 5 && sp == NULL)
			fuzz_idx[nfuzz++] = &idx[i];
	}
}

/* The lines for "word": first index in "*pos", count returned. */
static size_t
idx_find(const char *word, size_t *pos)
{
	struct hslot	*s = ht_slot(word, strlen(word), false);

	if (s == NULL)
		return 0;
	*pos = s->pos;
	return s->cnt;
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

/*
 * "word" with every run of "min" or more equal letters cut to one
 * ("ayudaaa", and with "min" 2 "helpp"); false when there is none.
 */
static bool
squeeze(const char *word, char *out, size_t len, size_t min)
{
	size_t	 i, o = 0, run, k;
	bool	 cut = false;

	for (i = 0; word[i] != '\0' && o + 1 < len; i += run) {
		for (run = 1; word[i + run] == word[i]; run++)
			;
		if (run >= min) {
			out[o++] = word[i];
			cut = true;
			continue;
		}
		for (k = 0; k < run && o + 1 < len; k++)
			out[o++] = word[i];
	}
	out[o] = '\0';
	return cut;
}

/* The first letters may differ by a dropped "h" ("orario") or c/k/q ("kuanto"). */
static bool
first_ok(const char *word, const char *entry)
{
	if (word[0] == entry[0])
		return true;
	if (entry[0] == 'h')
		return word[0] == entry[1];
	return strchr("ckq", word[0]) != NULL && strchr("ckq", entry[0]) != NULL;
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
	size_t	 i = 0, cnt, lw, le;
	char	 sq[NLU_TOKLEN];

	pthread_once(&idx_once, idx_build);
	*nm = 0;
	for (cnt = idx_find(word, &i); cnt > 0; cnt--, i++)
		if (lang_ok(&idx[i], en))
			add_match(m, nm, idx[i].v);
	lw = strlen(word);
	if (*nm > 0 || !fuzzy)
		return;
	if (squeeze(word, sq, sizeof sq, 3) || squeeze(word, sq, sizeof sq, 2)) {	/* "ayudaaa", "helpp" */
		vocab_match(sq, en, m, nm, false);
		if (*nm > 0)
			return;
	}
	if (lw < 5)
		return;
	for (i = 0; i < nfuzz; i++) {
		if (!first_ok(word, fuzz_idx[i]->v->word) || !lang_ok(fuzz_idx[i], en))
			continue;
		le = strlen(fuzz_idx[i]->v->word);
		if (le + 1 < lw || le > lw + 1 || (le == 5 && lw == 4))
			continue;
		if (one_edit(word, lw, fuzz_idx[i]->v->word, le))
			add_match(m, nm, fuzz_idx[i]->v);
	}
}

/* True when some phrase of the tables starts with the word "word" (then a space). */
bool
vocab_starts_phrase(const char *word)
{
	struct hslot	*s;

	pthread_once(&idx_once, idx_build);
	s = ht_slot(word, strlen(word), false);
	return s != NULL && s->starts;
}

/* Appends to "pm" every meaning of the folded "phrase" ("len" tokens long) in the language. */
void
vocab_phrase(const char *phrase, bool en, uint8_t len, struct pmatch *pm, uint8_t *npm)
{
	size_t	 i = 0, cnt;

	pthread_once(&idx_once, idx_build);
	for (cnt = idx_find(phrase, &i); cnt > 0; cnt--, i++) {
		if (!lang_ok(&idx[i], en) || *npm >= NLU_MAXPHRASE)
			continue;
		pm[*npm].cls = idx[i].v->cls;
		pm[*npm].len = len;
		pm[*npm].val = idx[i].v->val;
		(*npm)++;
	}
}
