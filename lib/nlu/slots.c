/* See LICENSE. slots.c: the text slots (title, subject, concept, room, ref) cut from the user's own words. */
#include <string.h>

#include "nlu/nlu_int.h"

/* A token that carries no meaning of its own in a title or concept. */
static bool
is_filler(const struct nlu_ctx *c, int i)
{
	return tok_is(c, i, V_FILLER, NULL) || tok_is(c, i, V_GREET, NULL) || c->t[i].kind == T_PUNCT ||
	    (c->t[i].kind == T_SYM && c->t[i].role == R_NONE && tok_is(c, i, V_CURRENCY, NULL));
}

static bool
is_edge_word(const struct nlu_ctx *c, int i)
{
	return tok_is(c, i, V_STOP, NULL) || tok_is(c, i, V_LINK, NULL) || tok_is(c, i, V_ARTICLE, NULL) ||
	    tok_is(c, i, V_FILLER, NULL) || tok_is(c, i, V_THANKS, NULL) || c->t[i].kind == T_PUNCT;
}

/* Copies the original text of the tokens "keep" marks, one space where the message had one. */
static void
text_join(const struct nlu_ctx *c, const bool *keep, char *buf, size_t len)
{
	size_t	 l = 0, n;
	int	 i, prev = -2;

	buf[0] = '\0';
	for (i = 0; i < c->n; i++) {
		if (!keep[i])
			continue;
		if (prev == i - 1) {	/* the same run: the bytes between as written ("<b>", "350€", "[a](b)") */
			n = (size_t)(c->t[i].off + c->t[i].len - (c->t[prev].off + c->t[prev].len));
			if (l + n >= len)
				break;
			memcpy(buf + l, c->text + c->t[prev].off + c->t[prev].len, n);
			l += n;
			prev = i;
			continue;
		}
		if (prev >= 0 && l + 1 < len)
			buf[l++] = ' ';
		n = c->t[i].len;
		if (l + n >= len)
			break;
		memcpy(buf + l, c->text + c->t[i].off, n);
		l += n;
		prev = i;
	}
	buf[l] = '\0';
}

/* Drops the words at both ends of the kept run that "edge" says carry nothing. */
static void
trim_edges(const struct nlu_ctx *c, bool *keep, bool (*edge)(const struct nlu_ctx *, int))
{
	int	 i;

	for (i = 0; i < c->n; i++) {
		if (!keep[i])
			continue;
		if (!edge(c, i) || tok_phrase(c, i, V_TASKNOUN, NULL) > 0)
			break;	/* "entrega final", "deadline extension" start with a noun */
		keep[i] = false;
	}
	for (i = c->n - 1; i >= 0; i--) {
		if (!keep[i])
			continue;
		if (!edge(c, i))
			break;
		keep[i] = false;
	}
}

/* The original text of tokens "first".."last" that no grammar took. */
void
slot_text(const struct nlu_ctx *c, int first, int last, char *buf, size_t len)
{
	bool	 keep[NLU_MAXTOK];
	int	 i;

	for (i = 0; i < c->n; i++)
		keep[i] = i >= first && i <= last && c->t[i].role == R_NONE;
	text_join(c, keep, buf, len);
}

/* Drops the linking words just before each date or time ("para el", "antes de", "due", "by"). */
static void
drop_links(const struct nlu_ctx *c, bool *keep)
{
	int	 i, k;

	for (i = 1; i < c->n; i++) {
		if (c->t[i].role != R_DATE && c->t[i].role != R_TIME)
			continue;
		if (c->t[i - 1].role == R_DATE || c->t[i - 1].role == R_TIME)
			continue;
		for (k = i - 1; k >= 0 && c->t[k].role == R_NONE; k--) {
			if (!tok_is(c, k, V_LINK, NULL) && !tok_is(c, k, V_STOP, NULL) &&
			    !tok_is(c, k, V_ARTICLE, NULL) && c->t[k].kind != T_PUNCT)
				break;
			keep[k] = false;
		}
	}
}

/* Unmarks the wrappers of several words ("could you", "me apuntas que"): no part of a title or concept. */
static void
drop_filler_phrases(const struct nlu_ctx *c, bool *keep)
{
	int	 i, used;

	for (i = 0; i < c->n; i++)
		if ((used = tok_phrase(c, i, V_FILLER, NULL)) > 1)
			while (used-- > 0 && i < c->n)
				keep[i++] = false;
}

/* Marks in "keep" the tokens of a to-do's title: all but dates, times, fillers and "tengo que". */
static void
title_keep(const struct nlu_ctx *c, bool *keep)
{
	int	 i, used;

	for (i = 0; i < c->n; i++)
		keep[i] = (c->t[i].role == R_NONE || c->t[i].role == R_MONEY) &&
		    (!is_filler(c, i) || c->t[i].kind == T_PUNCT);
	drop_filler_phrases(c, keep);
	drop_links(c, keep);
	for (i = 0; i < c->n; i++) {
		if (!keep[i])
			continue;
		if ((used = tok_phrase(c, i, V_TODO, NULL)) > 0 || tok_is(c, i, V_SELF, NULL) || c->t[i].kind == T_PUNCT ||
		    tok_is(c, i, V_HAVE, NULL) || tok_is(c, i, V_REMIND, NULL) || tok_word(c, i, "que") ||
		    tok_word(c, i, "q") || tok_word(c, i, "that") || (tok_word(c, i + 1, ":") &&
		    (tok_word(c, i, "tarea") || tok_word(c, i, "task") || tok_word(c, i, "todo")))) {
			if (used == 0)
				used = 1;
			while (used-- > 0 && i < c->n)
				keep[i++] = false;
			i--;
			continue;
		}
		break;
	}
	trim_edges(c, keep, is_edge_word);
}

/* True when a subject can start at "i": a word, not a to-do noun, not a number. */
static bool
subject_word(const struct nlu_ctx *c, int i)
{
	return c->t[i].kind == T_WORD && !tok_is(c, i, V_STOP, NULL) && !tok_is(c, i, V_ARTICLE, NULL) &&
	    !tok_is(c, i, V_TASKNOUN, NULL) && !tok_is(c, i, V_NOTMONEY, NULL) && !tok_is(c, i, V_FILLER, NULL);
}

/* True when the subject running through "k" may go on: a word, or "de"/"y" before a capital ("Historia del Arte"). */
static bool
subject_goes_on(const struct nlu_ctx *c, const bool *keep, int k)
{
	if (k >= c->n || !keep[k] || c->t[k].kind == T_PUNCT)
		return false;
	if (!tok_is(c, k, V_STOP, NULL) && !tok_is(c, k, V_OF, NULL) && !tok_is(c, k, V_ARTICLE, NULL))
		return true;
	if (tok_is(c, k, V_ARTICLE, NULL) && k > 0 && tok_is(c, k - 1, V_OF, NULL) && k + 1 < c->n && keep[k + 1] &&
	    c->t[k + 1].cap && c->t[k].kind == T_WORD && !c->t[k].cap)
		return true;	/* "Teoría de la Computación" */
	if (tok_is(c, k, V_OF, NULL) && k + 2 < c->n && keep[k + 1] && keep[k + 2] &&
	    tok_is(c, k + 1, V_ARTICLE, NULL) && !c->t[k + 1].cap && c->t[k + 2].cap && c->t[k + 2].kind == T_WORD)
		return true;
	return (tok_is(c, k, V_OF, NULL) || tok_word(c, k, "y") || tok_word(c, k, "and")) &&
	    k + 1 < c->n && keep[k + 1] && c->t[k + 1].cap && c->t[k].kind == T_WORD;
}

/* The subject after "de"/"of"/"for" in the kept title words: the first such phrase that names something. */
static int
subject_after_of(const struct nlu_ctx *c, const bool *keep, bool *sub)
{
	int	 i, k, v, best = -1;

	for (i = 0; i + 1 < c->n; i++) {
		if (!keep[i] || !keep[i + 1] || !tok_is(c, i, V_OF, &v) || v == 1 || !subject_word(c, i + 1))
			continue;
		if (best < 0 || !c->t[best].cap)
			best = i + 1;	/* the first capitalised one, else the last ("comentario de texto de Lengua") */
	}
	if (best < 0)
		return -1;
	for (k = best; subject_goes_on(c, keep, k); k++)
		sub[k] = true;
	return 0;
}

/* English "Linear Algebra homework": the words before the first to-do noun, less verbs and articles. */
static int
subject_before_noun(const struct nlu_ctx *c, const bool *keep, bool *sub)
{
	int	 i, noun = -1, found = 0, first, caps = 0;

	for (i = 0; i < c->n; i++)
		if (keep[i] && tok_phrase(c, i, V_TASKNOUN, NULL) > 0) {
			noun = i;
			break;
		}
	for (i = noun - 1; i >= 0 && keep[i] && (subject_word(c, i) || (c->t[i].kind == T_NUM && i > 0 &&
	    strpbrk(c->t[i].f, ".,:/-") == NULL && c->t[i - 1].cap && keep[i - 1] && subject_word(c, i - 1) &&
	    c->t[i - 1].kind == T_WORD) || (i == noun - 1 && i > 0 &&
	    tok_is(c, i, V_NOTMONEY, NULL) && !tok_is(c, i, V_TASKNOUN, NULL) && !c->t[i].cap &&
	    c->t[i - 1].cap && keep[i - 1] && subject_word(c, i - 1))) && !tok_is(c, i, V_TASKVERB, NULL) &&
	    !tok_is(c, i, V_SELF, NULL) && !tok_is(c, i, V_TODO, NULL); i--) {
		if (!subject_word(c, i) && c->t[i].kind != T_NUM) {	/* "Marketing group report": "group" only qualifies the noun */
			noun = i;
			continue;
		}
		sub[i] = true;
		found++;
		caps += c->t[i].cap || c->t[i].kind == T_NUM;
	}
	first = i + 1;
	if (caps > 0 && caps < found) {	/* "Geology field report": the capitalised words name it */
		for (; first < noun && !c->t[first].cap; first++)
			sub[first] = false;	/* "ugh Linguistics paper" */
		for (i = first; i < noun; i++)
			if (i > first && !c->t[i].cap && c->t[i].kind != T_NUM)
				for (; i < noun; i++)
					sub[i] = false;
	}
	return found ? 0 : -1;
}

/* "examen Física", "práctica SO": a capitalised word right after a to-do noun. */
static int
subject_after_noun(const struct nlu_ctx *c, const bool *keep, bool *sub)
{
	int	 i, k;

	for (i = 0; i + 1 < c->n; i++) {
		if (!keep[i] || !tok_is(c, i, V_TASKNOUN, NULL))
			continue;
		k = i + 1;
		if (tok_num(c, k) >= 0 && keep[k])
			k++;
		if (k >= c->n || !keep[k] || !subject_word(c, k) || tok_is(c, k, V_TASKVERB, NULL))
			continue;
		if (!c->t[k].cap && k + 1 < c->n && keep[k + 1])
			continue;	/* lower case: only a last single word ("parcial cálculo el jueves") */
		for (; k < c->n && keep[k] && subject_word(c, k); k++)
			sub[k] = true;
		return 0;
	}
	return -1;
}

/* "estudiar Anatomía", "study Organic Chemistry": capitalised words right after a to-do verb. */
static int
subject_after_verb(const struct nlu_ctx *c, const bool *keep, bool *sub)
{
	int	 i, k;

	for (i = 0; i + 1 < c->n; i++) {
		if (!keep[i] || !tok_is(c, i, V_TASKVERB, NULL))
			continue;
		k = i + 1;
		if (!keep[k] || !c->t[k].cap || !subject_word(c, k) || tok_is(c, k, V_TASKVERB, NULL) ||
		    c->t[k].kind != T_WORD)
			return -1;
		for (; k < c->n && keep[k] && c->t[k].cap && c->t[k].kind == T_WORD && subject_word(c, k); k++)
			sub[k] = true;
		return 0;
	}
	return -1;
}

/* "Física: examen el lunes", "CC - hito 2": the words before a leading colon or dash. */
static int
subject_label(const struct nlu_ctx *c, bool *sub)
{
	int	 i, k;

	for (i = 0; i < c->n && (tok_is(c, i, V_FILLER, NULL) || tok_is(c, i, V_GREET, NULL)); i++)
		;
	for (k = i; k < c->n && k < i + 4 && c->t[k].kind == T_WORD && subject_word(c, k); k++)
		;
	if (k == i || k >= c->n || !(tok_word(c, k, ":") || tok_word(c, k, "-")) || !c->t[i].cap)
		return -1;
	for (; i < k; i++)
		sub[i] = true;
	return 0;
}

static void
fill_title(const struct nlu_ctx *c, struct nlu_result *r)
{
	bool	 keep[NLU_MAXTOK], sub[NLU_MAXTOK];

	title_keep(c, keep);
	text_join(c, keep, r->title, sizeof r->title);
	memset(sub, 0, sizeof sub);
	if ((c->en ? subject_before_noun(c, keep, sub) == 0 || subject_after_of(c, keep, sub) == 0 :
	    subject_after_of(c, keep, sub) == 0 || subject_after_noun(c, keep, sub) == 0) ||
	    subject_label(c, sub) == 0 || subject_after_verb(c, keep, sub) == 0)
		text_join(c, sub, r->subject, sizeof r->subject);
}

static bool
concept_edge(const struct nlu_ctx *c, int i)
{
	return is_edge_word(c, i) || tok_is(c, i, V_SPENT, NULL) || tok_is(c, i, V_SELF, NULL) ||
	    tok_is(c, i, V_IN, NULL) || tok_is(c, i, V_STOPPAY, NULL) || tok_is(c, i, V_OFF, NULL) ||
	    tok_is(c, i, V_EXPENSE, NULL) || tok_is(c, i, V_DONE, NULL);
}

/* The words of an expense: all but the amount, the date, "gasté" and the links around them. */
static void
fill_concept(const struct nlu_ctx *c, struct nlu_result *r)
{
	bool	 keep[NLU_MAXTOK];
	int	 i, used;

	for (i = 0; i < c->n; i++)
		keep[i] = c->t[i].role == R_NONE && !is_filler(c, i);
	for (i = 0; i < c->n; i++)
		if (keep[i] && ((used = tok_phrase(c, i, V_SPENT, NULL)) > 0 ||
		    (used = tok_phrase(c, i, V_STOPPAY, NULL)) > 0))
			while (used-- > 0 && i < c->n)
				keep[i++] = false;
	drop_filler_phrases(c, keep);
	drop_links(c, keep);
	trim_edges(c, keep, concept_edge);
	text_join(c, keep, r->concept, sizeof r->concept);
}

/* The category of the first concept word between "first" and "last" found in the tables, or CAT_NONE. */
int
slot_category(const struct nlu_ctx *c, int first, int last)
{
	struct vmatch	 m[NLU_MAXMATCH];
	char		 w[NLU_TOKLEN];
	uint8_t		 nm;
	size_t		 l;
	int		 i, k, v, cut;

	for (i = first; i <= last && i < c->n; i++) {
		if (tok_phrase(c, i, V_CATEGORY, &v) > 0)
			return v;
		for (cut = 1; cut <= 2; cut++) {
			memcpy(w, c->t[i].f, sizeof w);
			l = strlen(w);
			if (l < 4 || w[l - 1] != 's' || (cut == 2 && w[l - 2] != 'e'))
				continue;
			w[l - (size_t)cut] = '\0';
			vocab_match(w, c->en, m, &nm, false);
			for (k = 0; k < nm; k++)
				if (m[k].cls == V_CATEGORY)
					return m[k].val;
		}
	}
	return CAT_NONE;
}

/* Heads that take their category from the word before: "museum ticket", "tuition deposit", "oyster top up". */
static bool
generic_head(const struct nlu_ctx *c, int i)
{
	static const char *const w[] = { "ticket", "tickets", "deposit", "top", "top-up", "fee", "fees", "pass",
	    "bill", "bills", "card", "subscription", "payment", "membership", "insurance", "fare", "plan", "order",
	    "shop", "store", "delivery", NULL };
	const char *const	*p;

	for (p = w; *p != NULL; p++)
		if (tok_word(c, i, *p))
			return true;
	return false;
}

static bool
generic_head_es(const struct nlu_ctx *c, int i)
{
	static const char *const w[] = { "recarga", "cuota", "pago", "suscripcion", "mensualidad", "recibo",
	    "factura", "tienda", "compra", "pedido", "entrada", "entradas", NULL };
	const char *const	*p;

	for (p = w; *p != NULL; p++)
		if (tok_word(c, i, *p))
			return true;
	return false;
}

static const char *const cat_names[] = {
	"", "food", "transport", "housing", "education", "leisure", "health", "shopping", "bills", "other"
};

static void
fill_expense(const struct nlu_ctx *c, struct nlu_result *r)
{
	int	 i, k, v, cat = CAT_NONE;

	fill_concept(c, r);
	for (i = 0; i < c->n && cat == CAT_NONE; i++)
		if (c->t[i].role == R_NONE)
			cat = slot_category(c, i, i);
	/* Spanish puts it first, but a generic one takes the next: "recarga tarjeta transporte", "cuota del gimnasio" */
	if (!c->en && cat != CAT_NONE && generic_head_es(c, i - 1))
		for (k = i; k < c->n && k < i + 4 && (c->t[k].role == R_NONE || c->t[k].role == R_FILLER); k++)
			if (!generic_head_es(c, k) && (v = slot_category(c, k, k)) != CAT_NONE) {
				cat = v;
				break;
			}
	/* English puts the head noun last: "dorm laundry" is laundry, "gym shoes" are shoes */
	for (; c->en && cat != CAT_NONE && i < c->n && c->t[i].role == R_NONE && c->t[i].kind == T_WORD &&
	    !c->t[i].glued && tok_phrase(c, i - 1, V_CATEGORY, NULL) <= 1 && !generic_head(c, i) &&
	    (k = slot_category(c, i, i)) != CAT_NONE; i++)
		cat = k;
	if (cat == CAT_NONE)
		cat = CAT_OTHER;
	memcpy(r->category, cat_names[cat], strlen(cat_names[cat]) + 1);
}

/* A room name: has a digit ("1.6", "C3", "204") or is a short capital ("B", "A2"). */
bool
slot_room_like(const struct nlu_ctx *c, int k)
{
	if (k >= c->n || (c->t[k].role != R_NONE && c->t[k].role != R_MONEY) || c->t[k].kind == T_PUNCT)
		return false;
	if (strpbrk(c->t[k].f, "0123456789") != NULL)
		return true;
	return c->t[k].cap && c->t[k].len <= 3;
}

/* A class's room: the word after "aula"/"room", as written ("1.6", "C3", "0.12"). */
static void
fill_room(struct nlu_ctx *c, struct nlu_result *r)
{
	int	 i, k, first;

	for (i = 0; i + 1 < c->n; i++) {
		if (!tok_is(c, i, V_ROOM, NULL))
			continue;
		k = i + 1;
		if (tok_word(c, k, "n") || tok_word(c, k, "no") || tok_word(c, k, "num") || tok_word(c, k, "numero"))
			k++;
		if (!slot_room_like(c, k))
			continue;
		slot_text(c, k, k, r->room, sizeof r->room);
		while (k + 1 < c->n && c->t[k + 1].glued && (c->t[k + 1].kind != T_PUNCT ||
		    ((tok_word(c, k + 1, "-") || tok_word(c, k + 1, ".") || tok_word(c, k + 1, "/")) && k + 2 < c->n && c->t[k + 2].glued && c->t[k + 2].kind != T_PUNCT)))
			k++;
		slot_text(c, i + 1, k, r->room, sizeof r->room);
		for (; i <= k; i++)
			c->t[i].role = R_ROOM;
		return;
	}
	/* "en la 1.4", "in 2.05", "en el B12": a place with a digit after "en"/"in" */
	for (i = 0; i + 1 < c->n; i++) {
		if (!(tok_word(c, i, "en") || tok_word(c, i, "in")) || c->t[i].role != R_NONE)
			continue;
		k = i + 1;
		if (tok_is(c, k, V_ARTICLE, NULL) && c->t[k].role == R_NONE)
			k++;
		if (k >= c->n || strpbrk(c->t[k].f, "0123456789") == NULL || !slot_room_like(c, k) ||
		    strpbrk(c->t[k].f, ":/") != NULL || (k + 1 < c->n && !c->t[k + 1].glued &&
		    (tok_is(c, k + 1, V_UNIT, NULL) || tok_is(c, k + 1, V_PERIOD, NULL) || tok_is(c, k + 1, V_CURRENCY, NULL))))
			continue;
		first = k;
		while (k + 1 < c->n && c->t[k + 1].glued && (c->t[k + 1].kind != T_PUNCT ||
		    ((tok_word(c, k + 1, "-") || tok_word(c, k + 1, ".")) && k + 2 < c->n && c->t[k + 2].glued &&
		    c->t[k + 2].kind != T_PUNCT)))
			k++;
		slot_text(c, first, k, r->room, sizeof r->room);
		for (; i <= k; i++)
			c->t[i].role = R_ROOM;
		return;
	}
}

static bool
class_edge(const struct nlu_ctx *c, int i)
{
	return is_edge_word(c, i) || tok_is(c, i, V_CLASS, NULL) || tok_is(c, i, V_HAVE, NULL) ||
	    tok_is(c, i, V_EVERY, NULL) || tok_is(c, i, V_OF, NULL) || tok_is(c, i, V_SELF, NULL) ||
	    tok_is(c, i, V_TO, NULL) || tok_is(c, i, V_FROM, NULL) || tok_is(c, i, V_NEW, NULL) ||
	    tok_is(c, i, V_FILLER, NULL) || tok_is(c, i, V_CLASSKIND, NULL);
}

/* A class's subject: the first run of words no grammar took, less "clase de", "tengo", "cada". */
static void
fill_class(struct nlu_ctx *c, struct nlu_result *r)
{
	bool	 keep[NLU_MAXTOK];
	int	 i, start = -1;

	fill_room(c, r);
	memset(keep, 0, sizeof keep);
	for (i = 0; i < c->n; i++) {
		if (c->t[i].role != R_NONE || is_filler(c, i) || (start < 0 && class_edge(c, i))) {
			if (start >= 0)
				break;
			continue;
		}
		if (start < 0)
			start = i;
		keep[i] = true;
	}
	trim_edges(c, keep, class_edge);
	text_join(c, keep, r->subject, sizeof r->subject);
}

/* "I've", "we have", "ya hemos": who did it and the auxiliary, said before the done word; no part of a title. */
static bool
done_aux(const struct nlu_ctx *c, int i)
{
	static const char *const w[] = { "i", "i've", "ive", "i'm", "im", "we", "we've", "weve", "have", "has",
	    "had", "he", "hemos", "ha", "han", "ya", "yo", "ve", NULL };
	const char *const	*p;

	for (p = w; *p != NULL; p++)
		if (tok_word(c, i, *p))
			return true;
	return false;
}

/* Which task: "2" from "la 2", "#2", "task 2"; "last"; or the words of its title. */
static void
fill_ref(const struct nlu_ctx *c, struct nlu_result *r)
{
	bool	 keep[NLU_MAXTOK];
	int	 i, k, v, used;

	for (i = 0; i < c->n; i++)
		if (c->t[i].role == R_NONE && (v = tok_num(c, i)) >= 0 && c->t[i].kind == T_NUM && v < 10000 &&
		    !(tok_is(c, i - 1, V_NOTMONEY, NULL) && !tok_word(c, i - 1, "tarea") &&
		    !tok_word(c, i - 1, "task") && !tok_word(c, i - 1, "numero") && !tok_word(c, i - 1, "number") &&
		    !tok_word(c, i - 1, "no") && !tok_word(c, i - 1, "num"))) {
			slot_text(c, i, i, r->ref, sizeof r->ref);
			return;
		}
	for (i = 0; i < c->n; i++)
		if (tok_is(c, i, V_LASTONE, NULL)) {
			memcpy(r->ref, "last", 5);
			return;
		}
	for (i = 0; i < c->n; i++)
		keep[i] = c->t[i].role == R_NONE && !is_filler(c, i) && !tok_is(c, i, V_DONE, NULL) &&
		    !tok_is(c, i, V_DELETE, NULL) && !tok_is(c, i, V_EDIT, NULL) && !tok_is(c, i, V_SELF, NULL) &&
		    !tok_word(c, i, "he") && !tok_word(c, i, "as") && !tok_word(c, i, "como") &&
		    !tok_word(c, i, "with") && !tok_word(c, i, "con") && !tok_word(c, i, "i");
	for (i = 0; i < c->n; i++)	/* "handed in", "turned in", "ya he entregado": the whole phrase */
		if ((used = tok_phrase(c, i, V_DONE, NULL)) > 1 || (used = tok_phrase(c, i, V_DELETE, NULL)) > 1 ||
		    (used = tok_phrase(c, i, V_EDIT, NULL)) > 1)
			for (k = i; k < i + used && k < c->n; k++)
				keep[k] = false;
	for (i = 0; i < c->n; i++)	/* "I've submitted the essay", "ya hemos entregado ...": no "I've", "hemos" */
		if (tok_is(c, i, V_DONE, NULL) || tok_phrase(c, i, V_DONE, NULL) > 0)
			for (k = i - 1; k >= 0 && (done_aux(c, k) || is_filler(c, k)); k--)
				keep[k] = false;
	drop_links(c, keep);
	trim_edges(c, keep, is_edge_word);
	for (i = 0; i < c->n; i++) {
		if (!keep[i])
			continue;
		if ((tok_word(c, i, "tarea") || tok_word(c, i, "task") || tok_word(c, i, "gasto") ||
		    tok_word(c, i, "expense") || tok_is(c, i, V_CLASS, NULL)) && i + 1 < c->n && keep[i + 1]) {
			keep[i] = false;
			if (tok_is(c, i + 1, V_OF, NULL))
				keep[i + 1] = false;
		}
		break;
	}
	trim_edges(c, keep, is_edge_word);
	text_join(c, keep, r->ref, sizeof r->ref);
}

/* Fills the text slots the intent in "r" has. */
void
slots_fill(struct nlu_ctx *c, struct nlu_result *r)
{
	const char	*in = r->intent;

	if (strcmp(in, "task.add") == 0)
		fill_title(c, r);
	else if (strcmp(in, "expense.add") == 0)
		fill_expense(c, r);
	else if (strcmp(in, "class.add") == 0)
		fill_class(c, r);
	else if (strcmp(in, "task.done") == 0 || strcmp(in, "task.delete") == 0 ||
	    strcmp(in, "task.edit") == 0 || strcmp(in, "expense.delete") == 0 || strcmp(in, "class.delete") == 0)
		fill_ref(c, r);
	else if (strcmp(in, "expense.stop") == 0)
		fill_concept(c, r);
}
