/* See LICENSE. date.h: civil-day arithmetic (proleptic Gregorian, no zone) and "YYYY-MM-DD" / "HH:MM" text. */
#ifndef MSB_CORE_DATE_H
#define MSB_CORE_DATE_H

#include <stdint.h>

/* Bytes of "YYYY-MM-DD" and "HH:MM" with their NUL. */
#define CIVIL_YMD_LEN	11
#define CIVIL_HM_LEN	6

/* Days since 1970-01-01 of "y"-"m"-"d" (H. Hinnant's days_from_civil); exact for any Gregorian date. */
int64_t	civil_to_days(int y, int m, int d);
/* The date of day number "days" into "*y", "*m", "*d" (civil_from_days). */
void	civil_from_days(int64_t days, int *y, int *m, int *d);
/* 28..31; 0 if "m" is not 1..12. */
int	civil_days_in_month(int y, int m);
/* ISO weekday of day number "days": 1 = Monday .. 7 = Sunday. */
int	civil_weekday(int64_t days);

/*
 * Exactly "YYYY-MM-DD" (four, two and two digits, nothing around them),
 * a real date with the year in 1..9999, into "*y", "*m", "*d". Returns 0, or
 * -1 with the outputs untouched.
 */
int	civil_parse_ymd(const char *s, int *y, int *m, int *d);
/* The same into a day number. */
int	civil_parse_days(const char *s, int64_t *days);
/* Day number "days" as "YYYY-MM-DD" into "out". */
void	civil_fmt_ymd(int64_t days, char out[CIVIL_YMD_LEN]);

/*
 * "H:MM" or "HH:MM" (digits only, one or two each side, nothing around
 * them), 00:00..23:59, into minutes of the day. Returns 0, or -1 with
 * "*minutes" untouched.
 */
int	civil_parse_hm(const char *s, int *minutes);
/* Minutes of the day "minutes" (taken modulo 1440) as "HH:MM" into "out". */
void	civil_fmt_hm(int minutes, char out[CIVIL_HM_LEN]);

#endif
