/* See LICENSE. match.c: which task a student's words name ("ya terminé el hito 1"). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "tasks/internal.h"
#include "core/strbuf.h"

/* Latin-1 supplement letters U+00C0..U+00FF (UTF-8 C3 80..C3 BF) without their marks, lowercase. */
static const char latin1[65] =
    "aaaaaaaceeeeiiii" "dnooooo*ouuuuyts"
    "aaaaaaaceeeeiiii" "dnooooo/ouuuuyty";

/*
 * Folds "s" for comparison: ASCII and accented Latin letters lowercased
 * without marks, anything else that is not a letter or digit a space.
 * Other multibyte letters (Greek, Cyrillic...) are copied as they are.
 */
void
tasks_fold(const char *s, struct strbuf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	char c;

	while (*p != '\0') {
		if (*p < 0x80) {
			strbuf_addc(out, isalnum(*p) ? (char)tolower(*p) : ' ');
			p++;
		} else if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			c = latin1[p[1] - 0x80];
			strbuf_addc(out, c == '*' || c == '/' ? ' ' : c);
			p += 2;
		} else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0xBF) {
			strbuf_addc(out, ' ');	/* ¡ ¿ « » º and the like */
			p += 2;
		} else if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x80 && p[2] <= 0xBF) {
			strbuf_addc(out, ' ');	/* “ ” ‘ ’ – — … */
			p += 3;
		} else {
			strbuf_addc(out, (char)*p);
			p++;
		}
	}
}

/* Words that say nothing about which task, folded: Spanish and English. */
static const char *const stop[] = {
	"el", "la", "los", "las", "lo", "de", "del", "un", "una", "y", "a", "al", "en", "mi", "mis",
	"para", "que", "ya", "tarea", "tareas", "fecha", "esta", "esa", "entregas", "plazos", "antes", "todas",
	"the", "of", "to", "my", "an", "and", "for", "on", "task", "tasks", "it", "date", "this", "that", "deadline", "deadlines",
	"before", "all", "due", "dates", "todo", "everything", "recordatorios", "reminders",
	/* time words: "tareas de esta semana" names no task */
	"hoy", "manana", "semana", "mes", "today", "tomorrow", "week", "month", "pendiente", "pendientes",
	"pending",
	/* "antes de que venzan", "before they are due" */
	"venzan", "venza", "vencer", "vencimiento", "they", "re", "are", "is", NULL
};

static bool
is_stop(const char *w)
{
	size_t i;

	for (i = 0; stop[i] != NULL; i++)
		if (strcmp(stop[i], w) == 0)
			return true;
	return false;
}

/* Splits folded "s" in place into at most "max" words. */
static int
words(char *s, char **w, int max)
{
	int n = 0;
	char *tok, *save = NULL;

	for (tok = strtok_r(s, " ", &save); tok != NULL && n < max; tok = strtok_r(NULL, " ", &save))
		w[n++] = tok;
	return n;
}

/* A word of four letters or more also names its longer forms ("entrega" names "entregable"). */
static bool
word_matches(const char *r, const char *t)
{
	size_t rl = strlen(r);

	if (strcmp(r, t) == 0)
		return true;
	return rl >= 4 && !isdigit((unsigned char)r[0]) && strncmp(r, t, rl) == 0;
}

int
tasks_match_score(const char *ref, const char *title, int *nwords)
{
	struct strbuf fr = STRBUF_INIT, ft = STRBUF_INIT;
	char *rw[32], *tw[128];
	int nr, nt, i, j, score = 0, counted = 0;

	tasks_fold(ref, &fr);
	tasks_fold(title, &ft);
	strbuf_addc(&fr, ' ');	/* never NULL below, even for "" */
	strbuf_addc(&ft, ' ');
	nr = words(fr.buf, rw, 32);
	nt = words(ft.buf, tw, 128);
	for (i = 0; i < nr; i++) {
		if (is_stop(rw[i]))
			continue;
		counted++;
		for (j = 0; j < nt; j++)
			if (word_matches(rw[i], tw[j]))
				break;
		if (j < nt)
			score++;
		else if (isdigit((unsigned char)rw[i][0])) {
			score = 0;	/* "hito 1" never names "Hito 2": numbers must all be there */
			break;
		}
	}
	*nwords = counted;
	strbuf_release(&fr);
	strbuf_release(&ft);
	return score;
}

/* "2", "#2", "nº 2", "la 2": a list number. */
bool
tasks_ref_number(const char *ref, int *n)
{
	const char *p = ref;
	char *end;
	long v;

	while (*p == ' ' || *p == '#')
		p++;
	if (!isdigit((unsigned char)*p))
		return false;
	v = strtol(p, &end, 10);
	while (*end == ' ' || *end == '.')
		end++;
	if (*end != '\0' || v < 1 || v > 100000)
		return false;
	*n = (int)v;
	return true;
}
