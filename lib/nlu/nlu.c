/* See LICENSE. nlu.c: the parser's driver (tokens, amounts, times, dates, intent, slots) and its JSON. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "nlu/nlu.h"
#include "core/strbuf.h"
#include "json/json.h"
#include "nlu/nlu_int.h"

static int
int_cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* "cada dos semanas", "odd weeks": how often a class meets, taken before the dates read "semanas". */
static void
cadence_find(struct nlu_ctx *c)
{
	int	 i, k, used, v;

	for (i = 0; i < c->n; i++) {
		if ((used = tok_phrase(c, i, V_FORTNIGHT, NULL)) > 0)
			c->fortnight = true;
		else if ((used = tok_phrase(c, i, V_PARITY, &v)) > 0)
			c->parity = v;
		else
			continue;
		for (k = i; k < i + used; k++)
			c->t[k].role = R_EVERY;
		i += used - 1;
	}
}

/*
 * The stages run in this order because each takes its tokens out of the
 * next one's reach: an amount's number is no day, a time's "de la mañana"
 * is not tomorrow, a date's "semana pasada" is no repetition.
 */
void
nlu_parse(const char *text, const struct nlu_now *now, const char *lang, struct nlu_result *out)
{
	struct nlu_ctx	 c;
	size_t		 len;

	memset(out, 0, sizeof *out);
	memset(&c, 0, offsetof(struct nlu_ctx, t));
	len = text != NULL ? strlen(text) : 0;
	c.text = text != NULL ? text : "";
	c.textlen = len > NLU_MAXTEXT ? NLU_MAXTEXT : len;
	c.now = now;
	c.en = lang != NULL && strcmp(lang, "en") == 0;
	tok_split(&c);
	if (c.n < NLU_MAXTOK)	/* a look one past the end reads nothing, not an earlier message's token */
		memset(&c.t[c.n], 0, sizeof c.t[0]);
	tok_phrases(&c);
	cadence_find(&c);
	money_find(&c, false);
	dates_shorthand(&c);
	times_find(&c);
	dates_find(&c);
	every_find(&c);
	durations_find(&c);
	intent_pick(&c, out);
	slots_fill(&c, out);
	if (out->nweekdays > 1)
		qsort(out->weekdays, (size_t)out->nweekdays, sizeof out->weekdays[0], int_cmp);
}

static void
kv(struct json_gen *g, const char *key, const char *val)
{
	if (val[0] != '\0')
		json_gen_kv_str(g, key, val);
}

static void
json_ambiguous(struct json_gen *g, const char *list)
{
	const char	*p = list, *comma;

	if (*list == '\0')
		return;
	json_gen_str(g, "ambiguous");
	json_gen_arr_open(g);
	while (*p) {
		comma = strchr(p, ',');
		json_gen_strn(g, p, comma ? (size_t)(comma - p) : strlen(p));
		if (comma == NULL)
			break;
		p = comma + 1;
	}
	json_gen_arr_close(g);
}

/* Appends "r" as one JSON object with the intent first and only the slots present. */
void
nlu_result_json(const struct nlu_result *r, struct strbuf *out)
{
	struct json_gen	*g = json_gen_new();
	const char	*text;
	size_t		 len;
	int		 k;

	json_gen_obj_open(g);
	kv(g, "intent", r->intent[0] ? r->intent : "unknown");
	kv(g, "title", r->title);
	kv(g, "due_date", r->due_date);
	kv(g, "due_time", r->due_time);
	kv(g, "subject", r->subject);
	kv(g, "amount", r->amount);
	kv(g, "currency", r->currency);
	kv(g, "concept", r->concept);
	kv(g, "category", r->category);
	kv(g, "date", r->date);
	kv(g, "until", r->until);
	kv(g, "every", r->every);
	kv(g, "period", r->period);
	kv(g, "kind", r->kind);
	if (r->has_compare)
		json_gen_kv_i64(g, "compare", r->compare);
	if (r->nweekdays == 1)
		json_gen_kv_i64(g, "weekday", r->weekdays[0]);
	else if (r->nweekdays > 1) {
		json_gen_str(g, "weekday");
		json_gen_arr_open(g);
		for (k = 0; k < r->nweekdays && k < 7; k++)
			json_gen_i64(g, r->weekdays[k]);
		json_gen_arr_close(g);
	}
	kv(g, "start", r->start);
	kv(g, "end", r->end);
	kv(g, "room", r->room);
	kv(g, "code", r->code);
	kv(g, "target", r->target);
	if (r->has_minutes)
		json_gen_kv_i64(g, "minutes", r->minutes);
	kv(g, "ref", r->ref);
	kv(g, "arg", r->arg);
	json_ambiguous(g, r->ambiguous);
	json_gen_obj_close(g);
	if ((text = json_gen_text(g, &len)) != NULL)
		strbuf_add(out, text, len);
	json_gen_free(g);
}
