/* See LICENSE. period.h: calendar days and the periods (day, week, month, year) totals are asked for. */
#ifndef MSB_EXPENSES_PERIOD_H
#define MSB_EXPENSES_PERIOD_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"

/* A calendar day as a count of days since 1970-01-01 (the user's local days; no zone involved). */
typedef int32_t	day_t;

/* Day arithmetic and weekdays are core/date.h (civil_*); these adapt it to day_t. */
day_t	day_from_ymd(int y, int m, int d);
/* "YYYY-MM-DD" (a real date, 1900 or later) into "*out". Returns 0 or -1. */
int	day_parse(const char *s, day_t *out);
/* "YYYY-MM-DD" into "buf". */
#define DAY_LEN CIVIL_YMD_LEN
const char *day_str(char buf[DAY_LEN], day_t);
/* "d" moved by "months" months, the day clamped to the month's end (31 March - 1 = 28/29 February). */
day_t	day_add_months(day_t d, int months);

enum period_kind { PERIOD_DAY, PERIOD_WEEK, PERIOD_MONTH, PERIOD_YEAR };

/* The days [from, to) of one period; weeks run Monday to Sunday (CONTRACT.md 5). */
struct period {
	enum period_kind kind;
	day_t		 from, to;
};

/* "day"/"week"/"month"/"year" into "*k"; "" or NULL gives "dflt". Returns 0, or -1 for other text. */
int		 period_kind_parse(const char *s, enum period_kind dflt, enum period_kind *k);
const char	*period_kind_name(enum period_kind);
struct period	 period_of(enum period_kind, day_t d);
/* The period before "p", "n" periods back (n = 1: the previous one). */
struct period	 period_back(struct period p, int n);

/*
 * The part of "p" up to and including "today", and the same stretch of
 * the period before (day 15 against day 15; a day the earlier month lacks
 * is clamped to its end). A period wholly in the past is compared whole.
 * "*cur" and "*prev" receive [from, to) ranges; returns true if "p" was cut at today.
 */
bool	period_same_point(struct period p, day_t today, struct period *cur, struct period *prev);

#endif
