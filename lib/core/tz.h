/* See LICENSE. tz.h: wall-clock time in a user's IANA zone, daylight saving included (libc tz database). */
#ifndef MSB_CORE_TZ_H
#define MSB_CORE_TZ_H

#include <stdbool.h>
#include <time.h>

/* True if "name" is an IANA zone this machine knows ("Europe/Madrid"); rejects paths and junk. */
bool	tz_valid(const char *name);

/* The wall clock in zone "tz" at instant "t". Returns 0 or -1. */
int	tz_localtime(const char *tz, time_t t, struct tm *out);

/*
 * The instant of wall clock "local" (tm_isdst ignored) in zone "tz". In a
 * spring-forward gap the time is taken as after the change; in the autumn
 * overlap, the first of the two. Returns 0 or -1.
 */
int	tz_mktime(const char *tz, const struct tm *local, time_t *out);

/* "YYYY-MM-DD" / "YYYY-MM-DDTHH:MM" parsing into a struct tm; 0 or -1 on anything else. */
int	tz_parse_date(const char *s, struct tm *out);
int	tz_parse_datetime(const char *s, struct tm *out);

#endif
