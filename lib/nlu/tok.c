/* See LICENSE. tok.c: UTF-8 text into words, numbers and signs, folded for matching with utf8proc. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "nlu/nlu_int.h"

enum cp_class { C_SPACE, C_LETTER, C_DIGIT, C_SYM, C_PUNCT };

static enum cp_class
cp_class(int32_t cp)
{
	if (cp < 0)
		return C_SPACE;
	if (cp >= '0' && cp <= '9')
		return C_DIGIT;
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return C_LETTER;
	if (cp <= ' ')
		return C_SPACE;
	if (cp == '#' || cp == '%' || cp == '@' || cp == '+' || cp == '&')
		return C_SYM;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
		return C_LETTER;
	case UTF8PROC_CATEGORY_SC:
		return C_SYM;
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return C_PUNCT;
	default:
		return C_SPACE;	/* spaces, emoji, joiners, controls */
	}
}

/* The code point at "i" in "*cp"; returns its length, 1 with cp = -1 for an invalid byte. */
static int
next_cp(const struct nlu_ctx *c, size_t i, int32_t *cp)
{
	utf8proc_ssize_t n;

	if ((unsigned char)c->text[i] < 0x80) {
		*cp = (unsigned char)c->text[i];
		return 1;
	}
	n = utf8proc_iterate((const utf8proc_uint8_t *)c->text + i, (utf8proc_ssize_t)(c->textlen - i), cp);
	if (n <= 0) {
		*cp = -1;
		return 1;
	}
	return (int)n;
}

/* Appends code point "cp" folded (NFKD, marks stripped, case folded) to token "t". */
static void
fold_append(struct tok *t, int32_t cp)
{
	utf8proc_int32_t	 dec[8];
	utf8proc_uint8_t	 enc[4];
	utf8proc_ssize_t	 n, k, e;
	int			 bound = 0;

	if (cp < 0x80) {
		if (t->flen + 1 < NLU_TOKLEN)
			t->f[t->flen++] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		return;
	}
	n = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
	    UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE, &bound);
	if (n < 0 || n > 8)
		return;
	for (k = 0; k < n; k++) {
		e = utf8proc_encode_char(dec[k], enc);
		if (e <= 0 || t->flen + (size_t)e >= NLU_TOKLEN)
			return;
		memcpy(t->f + t->flen, enc, (size_t)e);
		t->flen += (uint8_t)e;
	}
}

static bool
is_upper(int32_t cp)
{
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

/* A word: letters, then letters or digits; an apostrophe or hyphen inside joins. */
static size_t
scan_word(const struct nlu_ctx *c, size_t i, struct tok *t)
{
	int32_t	 cp, cp2;
	int	 n, n2;

	if (t->glued && c->t[c->n - 1].kind == T_NUM && (c->text[i] == 'h' || c->text[i] == 'H') &&
	    i + 1 < c->textlen && c->text[i + 1] >= '0' && c->text[i + 1] <= '9') {
		fold_append(t, 'h');	/* "10h30", "1h30": the hour mark alone, then the minutes */
		return i + 1;
	}
	for (;;) {
		if (i >= c->textlen)
			break;
		n = next_cp(c, i, &cp);
		if (cp_class(cp) == C_LETTER || cp_class(cp) == C_DIGIT) {
			fold_append(t, cp);
			i += (size_t)n;
			continue;
		}
		if ((cp == '\'' || cp == 0x2019 || cp == '-') && i + (size_t)n < c->textlen) {
			n2 = next_cp(c, i + (size_t)n, &cp2);
			(void)n2;
			if (cp_class(cp2) == C_LETTER) {
				fold_append(t, cp == '-' ? '-' : '\'');
				i += (size_t)n;
				continue;
			}
		}
		break;
	}
	return i;
}

/*
 * A word that starts with a digit ("2moro", "2day", "2morrow") when the
 * vocabulary knows it whole; the digits and letters glued together are
 * read as one word then, else the digits stay a number ("5pm", "18hs").
 * True with the word in "t" and where it ends in "*end"; "t" is left empty
 * otherwise.
 */
static bool
chat_word(const struct nlu_ctx *c, size_t i, struct tok *t, size_t *end)
{
	struct vmatch	 m[NLU_MAXMATCH];
	uint8_t		 nm;
	size_t		 j = i;

	while (j < c->textlen && c->text[j] >= '0' && c->text[j] <= '9')
		j++;
	if (j - i > 1 || j >= c->textlen || !((c->text[j] >= 'a' && c->text[j] <= 'z') ||
	    (c->text[j] >= 'A' && c->text[j] <= 'Z')))
		return false;
	*end = scan_word(c, i, t);
	vocab_match(t->f, c->en, m, &nm, false);
	if (nm > 0) {
		t->kind = T_WORD;
		return true;
	}
	t->flen = 0;
	memset(t->f, 0, sizeof t->f);
	return false;
}

/* A number: digits, with . , : / - between digits ("1.234,56", "10/10/2100", "12:00-13:30"). */
static size_t
scan_number(const struct nlu_ctx *c, size_t i, struct tok *t)
{
	size_t	 l;
	char	 ch;

	while (i < c->textlen) {
		ch = c->text[i];
		if ((ch >= '0' && ch <= '9') || ((ch == '.' || ch == ',' || ch == ':' || ch == '/' || ch == '-') &&
		    i + 1 < c->textlen && c->text[i + 1] >= '0' && c->text[i + 1] <= '9')) {
			l = t->flen;
			if (l + 1 < NLU_TOKLEN)
				t->f[t->flen++] = ch;
			i++;
			continue;
		}
		break;
	}
	return i;
}

/* "what's" is "what is"; "week's" is a possessive. */
static bool
keeps_s(const char *f, size_t l)
{
	static const char *const w[] = { "what", "that", "it", "there", "here", "who", "where", "how", "let",
	    "he", "she", NULL };
	const char *const	*p;

	for (p = w; *p != NULL; p++)
		if (strlen(*p) == l && strncmp(f, *p, l) == 0)
			return true;
	return false;
}

/* Drops an English possessive "'s" and looks the word up. */
static void
tok_finish(struct nlu_ctx *c, struct tok *t, size_t end)
{
	size_t	 l;

	int	 k;

	t->len = (uint16_t)(end - t->off);
	l = t->flen = (uint8_t)strlen(t->f);
	if (l > 2 && t->f[l - 2] == '\'' && t->f[l - 1] == 's' && !keeps_s(t->f, l - 2))
		t->f[l - 2] = '\0', t->flen -= 2;
	if (t->kind == T_WORD)
		vocab_match(t->f, c->en, t->m, &t->nm, !t->cap);
	else if (t->kind == T_SYM || t->kind == T_PUNCT)
		vocab_match(t->f, c->en, t->m, &t->nm, false);
	for (k = 0; k < t->nm; k++)
		t->cls[t->m[k].cls / 64] |= 1ULL << (t->m[k].cls % 64);
}

/*
 * A web address ("https://moodle.uni.es/mod/55", "www.uni.es") is no part
 * of what is said: its tokens, up to the next space, are taken as filler,
 * so no date, amount or title reads them.
 */
static void
links_mark(struct nlu_ctx *c)
{
	int	 i, k;

	for (i = 0; i + 1 < c->n; i++) {
		if (!(((strcmp(c->t[i].f, "http") == 0 || strcmp(c->t[i].f, "https") == 0) &&
		    strcmp(c->t[i + 1].f, ":") == 0) || (strcmp(c->t[i].f, "www") == 0 &&
		    strcmp(c->t[i + 1].f, ".") == 0)) || !c->t[i + 1].glued)
			continue;
		c->t[i].role = R_FILLER;
		for (k = i + 1; k < c->n && c->t[k].glued; k++)
			c->t[k].role = R_FILLER;
		i = k - 1;
	}
}

/*
 * Splits the message into "c->t": words, numbers, currency and a few other
 * signs, and punctuation. Spaces, emoji and invalid bytes only separate.
 */
void
tok_split(struct nlu_ctx *c)
{
	size_t		 i = 0, end;
	int32_t		 cp;
	int		 n;
	bool		 glued = false;
	struct tok	*t;
	enum cp_class	 k;

	c->n = 0;
	while (i < c->textlen && c->n < NLU_MAXTOK) {
		n = next_cp(c, i, &cp);
		k = cp_class(cp);
		if (k == C_SPACE) {
			glued = false;
			i += (size_t)n;
			continue;
		}
		t = &c->t[c->n];
		memset(t, 0, sizeof *t);
		t->off = (uint16_t)i;
		t->glued = glued && c->n > 0;
		if (k == C_LETTER) {
			t->kind = T_WORD;
			t->cap = is_upper(cp);
			end = scan_word(c, i, t);
		} else if (k == C_DIGIT && chat_word(c, i, t, &end)) {
			;	/* "2moro", "2day": a chat word, not a number */
		} else if (k == C_DIGIT) {
			t->kind = T_NUM;
			end = scan_number(c, i, t);
		} else {
			t->kind = k == C_SYM ? T_SYM : T_PUNCT;
			if ((size_t)n < NLU_TOKLEN)
				memcpy(t->f, c->text + i, (size_t)n);
			end = i + (size_t)n;
		}
		if (t->f[0] == '\0' && t->kind == T_WORD) {
			i = end > i ? end : i + (size_t)n;
			glued = true;
			continue;
		}
		tok_finish(c, t, end);
		c->n++;
		i = end;
		glued = true;
	}	links_mark(c);
}

/* True when token "i" can mean class "cls"; its value in "*val" when not NULL. */
bool
tok_is(const struct nlu_ctx *c, int i, int cls, int *val)
{
	int	 k;

	if (i < 0 || i >= c->n || !((c->t[i].cls[cls / 64] >> (cls % 64)) & 1))
		return false;
	for (k = 0; k < c->t[i].nm; k++)
		if (c->t[i].m[k].cls == cls) {
			if (val)
				*val = c->t[i].m[k].val;
			return true;
		}
	return false;
}

bool
tok_word(const struct nlu_ctx *c, int i, const char *w)
{
	return i >= 0 && i < c->n && strcmp(c->t[i].f, w) == 0;
}

/* True when token "i" is one of the NULL-terminated "words" (folded). */
bool
tok_word_in(const struct nlu_ctx *c, int i, const char *const *words)
{
	for (; *words != NULL; words++)
		if (tok_word(c, i, *words))
			return true;
	return false;
}

/* True when a token from "first" to "last" is one of "words". */
bool
tok_any_word(const struct nlu_ctx *c, int first, int last, const char *const *words)
{
	int	 i;

	for (i = first < 0 ? 0 : first; i <= last && i < c->n; i++)
		if (tok_word_in(c, i, words))
			return true;
	return false;
}

/* True when a single word of class "cls" is in the message. */
bool
tok_has(const struct nlu_ctx *c, int cls)
{
	int	 i;

	if (!tok_said(c, cls))
		return false;
	for (i = 0; i < c->n; i++)
		if (tok_is(c, i, cls, NULL))
			return true;
	return false;
}

/* A plain integer ("12") or a number word ("doce"), else -1. */
int
tok_num(const struct nlu_ctx *c, int i)
{
	const char	*p;
	int		 v = 0, w;

	if (i < 0 || i >= c->n)
		return -1;
	if (c->t[i].kind == T_NUM) {
		for (p = c->t[i].f; *p; p++) {
			if (*p < '0' || *p > '9' || v > 100000)
				return -1;
			v = v * 10 + (*p - '0');
		}
		return v;
	}
	if (tok_is(c, i, V_NUMWORD, &w))
		return w;
	return -1;
}

/* Spanish chat spellings read as the word in phrases: "q puedes hacer" is "que puedes hacer". */
static const char *
spelled_out(const struct nlu_ctx *c, int i)
{
	static const char *const ab[][2] = { { "q", "que" }, { "k", "que" }, { "xq", "porque" },
	    { "pq", "porque" }, { "porq", "porque" }, { "tb", "tambien" }, { "tmb", "tambien" } };
	size_t	 k;

	if (c->en || c->t[i].kind != T_WORD || c->t[i].flen > 4)
		return c->t[i].f;
	for (k = 0; k < sizeof ab / sizeof ab[0]; k++)
		if (strcmp(c->t[i].f, ab[k][0]) == 0)
			return ab[k][1];
	return c->t[i].f;
}

/*
 * Looks up the "n" words from "i" as a phrase, each as written or (with
 * "full") spelled out; none when the words run into punctuation.
 */
static void
phrase_at(struct nlu_ctx *c, int i, int n, bool full)
{
	char		 buf[5 * NLU_TOKLEN + 5];
	const char	*w;
	size_t		 l = 0;
	int		 k;

	for (k = 0; k < n; k++) {
		if (k > 0 && c->t[i + k].kind == T_PUNCT)
			return;
		w = full ? spelled_out(c, i + k) : c->t[i + k].f;
		if (k)
			buf[l++] = ' ';
		memcpy(buf + l, w, strlen(w) + 1);
		l += strlen(w);
	}
	vocab_phrase(buf, c->en, (uint8_t)n, c->t[i].pm, &c->t[i].npm);
}

/* True when a word from "i" on, within "n", is a chat spelling ("q", "xq"). */
static bool
has_short(const struct nlu_ctx *c, int i, int n)
{
	int	 k;

	for (k = i; k < i + n && k < c->n; k++)
		if (spelled_out(c, k) != c->t[k].f)
			return true;
	return false;
}

/* The phrases starting at each token, and the classes the message holds, computed once. */
void
tok_phrases(struct nlu_ctx *c)
{
	int	 i, n, k;
	bool	 raw, full;

	memset(c->present, 0, sizeof c->present);
	for (i = 0; i < c->n; i++) {
		for (k = 0; k < c->t[i].nm; k++)
			c->present[c->t[i].m[k].cls / 64] |= 1ULL << (c->t[i].m[k].cls % 64);
		if (c->t[i].kind == T_NUM)
			continue;
		raw = vocab_starts_phrase(c->t[i].f);
		full = has_short(c, i, 5) && vocab_starts_phrase(spelled_out(c, i));
		for (n = 5; n >= 2 && (raw || full); n--) {
			if (i + n > c->n)
				continue;
			if (raw)
				phrase_at(c, i, n, false);
			if (full && has_short(c, i, n))
				phrase_at(c, i, n, true);
		}
		for (k = 0; k < c->t[i].npm; k++)
			c->present[c->t[i].pm[k].cls / 64] |= 1ULL << (c->t[i].pm[k].cls % 64);
	}
}

/*
 * How many tokens from "i" form a phrase of class "cls" (up to five words,
 * longest first), 0 if none. Single words come from the token's own matches.
 */
int
tok_phrase(const struct nlu_ctx *c, int i, int cls, int *val)
{
	int	 k;

	if (i < 0 || i >= c->n)
		return 0;
	for (k = 0; k < c->t[i].npm; k++)
		if (c->t[i].pm[k].cls == cls) {
			if (val)
				*val = c->t[i].pm[k].val;
			return c->t[i].pm[k].len;
		}
	return tok_is(c, i, cls, val) ? 1 : 0;
}

/* True when a word or phrase of class "cls" is anywhere in the message. */
bool
tok_said(const struct nlu_ctx *c, int cls)
{
	return (c->present[cls / 64] >> (cls % 64)) & 1;
}
