/* See LICENSE. tz.c: wall clock <-> instant in an IANA zone, by switching TZ around libc calls. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/tz.h"
#include "core/date.h"
#include "core/mem.h"

#define ZONEINFO	"/usr/share/zoneinfo"

/*
 * A zone name becomes a path under ZONEINFO, so it is checked like one:
 * only the characters IANA names use, no leading "/", no "." or ".."
 * component, and the file must be a compiled zone (it starts "TZif", which
 * leaves out zone.tab, tzdata.zi and the like in the same folder).
 */
bool
tz_valid(const char *name)
{
	char		 path[256], magic[4];
	const char	*p;
	struct stat	 st;
	int		 fd;
	ssize_t		 n;

	if (name == NULL || name[0] == '\0' || name[0] == '/' || strlen(name) >= 64)
		return false;
	for (p = name; *p != '\0'; p++)
		if (!(*p == '/' || *p == '_' || *p == '-' || *p == '+' || *p == '.' ||
		    (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9')))
			return false;
	for (p = name; p != NULL; p = strchr(p, '/')) {
		if (*p == '/')
			p++;
		if (p[0] == '.' || p[0] == '/' || p[0] == '\0')
			return false;	/* ".", "..", ".x", "a//b", trailing "/" */
	}
	snprintf(path, sizeof path, "%s/%s", ZONEINFO, name);
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return false;
	n = read(fd, magic, sizeof magic);
	close(fd);
	return n == (ssize_t)sizeof magic && memcmp(magic, "TZif", 4) == 0;
}

/*
 * Zone names that passed tz_valid lately: most updates come from a handful
 * of zones, and checking one costs three system calls.
 */
#define TZ_KNOWN	8
static char	 known_zones[TZ_KNOWN][64];
static unsigned	 known_next;

static bool
tz_known_valid(const char *tz)
{
	unsigned	 i;

	if (tz == NULL || *tz == '\0')
		return false;
	for (i = 0; i < TZ_KNOWN; i++)
		if (strcmp(known_zones[i], tz) == 0)
			return true;
	if (!tz_valid(tz))
		return false;
	snprintf(known_zones[known_next++ % TZ_KNOWN], sizeof known_zones[0], "%s", tz);
	return true;
}

/*
 * Sets TZ to "tz" for the libc calls that follow, and leaves it there:
 * putting the old value back made glibc read two zone files on every
 * call, and nothing else in these programs reads the local zone (log
 * lines carry no time; syslog daemons stamp on receipt). Workers are
 * single-threaded, so the switch is invisible to anyone else.
 */
static int
tz_enter(const char *tz)
{
	const char	*cur = getenv("TZ");

	if (!tz_known_valid(tz))
		return -1;
	if (cur == NULL || strcmp(cur, tz) != 0) {
		setenv("TZ", tz, 1);
		tzset();
	}
	return 0;
}

int
tz_localtime(const char *tz, time_t t, struct tm *out)
{
	if (tz_enter(tz) != 0)
		return -1;
	return localtime_r(&t, out) != NULL ? 0 : -1;
}

/* The UTC offset in effect at instant "t", in seconds east; TZ already set. */
static long
offset_at(time_t t)
{
	struct tm	 tm;

	return localtime_r(&t, &tm) != NULL ? tm.tm_gmtoff : 0;
}

/*
 * Not mktime(): what it does in a gap or overlap with tm_isdst = -1
 * differs between libcs. Instead, read the wall clock as if it were UTC
 * ("w"); the answer is w - off for an offset "off" in use around then,
 * and a candidate is right if that instant really shows offset "off".
 * Two right candidates: the autumn overlap, take the earlier. None: the
 * spring gap, use the offset from before the change, which lands after it
 * (02:30 in Madrid on 2026-03-29 becomes 03:30 CEST).
 */
int
tz_mktime(const char *tz, const struct tm *local, time_t *out)
{
	struct tm	 w = *local;
	time_t		 wall, best = 0;
	long		 offs[3];
	bool		 found = false;
	int		 i;

	w.tm_isdst = 0;
	errno = 0;
	if ((wall = timegm(&w)) == (time_t)-1 && errno == EOVERFLOW)
		return -1;
	if (tz_enter(tz) != 0)
		return -1;
	offs[0] = offset_at(wall - 86400);
	offs[1] = offset_at(wall);
	offs[2] = offset_at(wall + 86400);
	for (i = 0; i < 3; i++) {
		time_t t = wall - offs[i];

		if (offset_at(t) == offs[i] && (!found || t < best)) {
			best = t;
			found = true;
		}
	}
	if (!found)
		best = wall - offs[0];
	*out = best;
	return 0;
}

/* Fills "out" from checked fields, with tm_wday and tm_yday computed. */
static void
fill_tm(int y, int mo, int d, int minutes, struct tm *out)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = minutes / 60;
	tm.tm_min = minutes % 60;
	timegm(&tm);	/* only for tm_wday and tm_yday; the fields are already valid */
	tm.tm_isdst = -1;
	*out = tm;
}

int
tz_parse_date(const char *s, struct tm *out)
{
	int	 y, mo, d;

	if (civil_parse_ymd(s, &y, &mo, &d) != 0)
		return -1;
	fill_tm(y, mo, d, 0, out);
	return 0;
}

/* Exactly "YYYY-MM-DDTHH:MM": the two halves are read by core/date.c, the hour with both digits. */
int
tz_parse_datetime(const char *s, struct tm *out)
{
	char	 ymd[CIVIL_YMD_LEN];
	int	 y, mo, d, hm;

	if (s == NULL || strlen(s) != 16 || s[10] != 'T' || s[13] != ':')
		return -1;
	memcpy(ymd, s, 10);
	ymd[10] = '\0';
	if (civil_parse_ymd(ymd, &y, &mo, &d) != 0 || civil_parse_hm(s + 11, &hm) != 0)
		return -1;
	fill_tm(y, mo, d, hm, out);
	return 0;
}
