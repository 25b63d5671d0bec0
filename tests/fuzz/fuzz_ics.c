/* See LICENSE. fuzz_ics.c: libFuzzer target for the iCalendar timetable import (acad_ics_read, libical). */
/* fuzz-requires: lib/academic/ics.c */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "academic/acad.h"
#include "core/mem.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	static const char *const zones[] = { "Europe/Madrid", "America/New_York", "Asia/Kolkata" };
	struct acad_ics_result r;
	volatile size_t n = 0;
	size_t i;

	if (size > ACAD_ICS_MAX)
		return 0;
	if (a == NULL)
		a = arena_new();
	memset(&r, 0, sizeof r);
	/* The zone comes from the first byte, so one input explores conversions into several zones. */
	if (acad_ics_read((const char *)data, size, zones[size > 0 ? data[0] % 3 : 0], a, &r) == 0) {
		for (i = 0; i < r.n; i++) {
			const struct acad_ics_class *c = &r.classes[i];

			/* What the import hands to the database must be terminated and in range. */
			if (c->weekday < 1 || c->weekday > 7 || (c->every_weeks != 1 && c->every_weeks != 2) ||
			    memchr(c->subject, '\0', sizeof c->subject) == NULL ||
			    memchr(c->room, '\0', sizeof c->room) == NULL ||
			    strlen(c->start) != 5 || strlen(c->end) != 5 ||
			    memchr(c->anchor_monday, '\0', sizeof c->anchor_monday) == NULL)
				__builtin_trap();
			n += strlen(c->subject) + strlen(c->room);
		}
	}
	(void)n;
	arena_reset(a);
	return 0;
}
