/* See LICENSE. nlu.h: a student's message in, an intent and its slots out (CONTRACT.md section 5). Pure: no I/O. */
#ifndef MSB_NLU_NLU_H
#define MSB_NLU_NLU_H

#include <stdbool.h>

#include "core/strbuf.h"

/* The moment the user speaks, as their wall clock, and their zone (for "dentro de 3 horas" across DST). */
struct nlu_now {
	int		 year, month, day;	/* month 1..12 */
	int		 hour, minute;
	const char	*tz;			/* IANA name */
};

/*
 * Every slot is a fixed buffer: "" (or has_* false) means absent. Dates are
 * "YYYY-MM-DD", times "HH:MM", amount "12.50" (2 decimals, '.'), as the contract prints them.
 */
struct nlu_result {
	char	intent[32];	/* "task.add", ..., "unknown" */
	char	title[256];
	char	subject[128];
	char	concept[128];
	char	room[64];
	char	ref[128];
	char	due_date[11];
	char	due_time[6];
	char	date[11];
	char	until[11];
	char	start[6];
	char	end[6];
	char	amount[24];
	char	currency[4];
	char	category[16];
	char	every[8];
	char	period[8];
	char	kind[8];	/* a chart's pie/bar/line; a class's "lab" or "theory" */
	char	code[48];	/* class.add: the short name in brackets, "Cloud Computing (CC)" → "CC" */
	char	target[12];
	int	weekdays[7];	/* 1 = Monday .. 7 = Sunday, ascending */
	int	nweekdays;
	bool	has_minutes;
	int	minutes;
	bool	has_compare;
	int	compare;
	char	arg[128];	/* free argument of bot-specific intents (a language, a zone, a period kind...) */
	char	ambiguous[128];	/* comma-separated slot names read with low confidence; "" when sure */
};

/*
 * Parses UTF-8 "text" (invalid bytes are tolerated) said at "now" in language
 * "lang" ("es"/"en") into "*out". Always fills out->intent, "unknown" at worst.
 */
void	nlu_parse(const char *text, const struct nlu_now *now, const char *lang, struct nlu_result *out);

/* Appends "r" as one JSON object (no newline), with only the slots that are present. */
void	nlu_result_json(const struct nlu_result *r, struct strbuf *out);

#endif
