/* See LICENSE. ical.c: the private calendar feed as RFC 5545 text, written by lib/ical. */
#include <stdlib.h>

#include "academic/acad.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "ical/ical.h"

struct acad_ical {
	struct ical_writer	*w;
};

struct acad_ical *
acad_ical_new(const char *tz, time_t now)
{
	struct acad_ical *f = xcalloc(1, sizeof *f);

	f->w = ical_writer_new(tz, now, "-//MyStudentBot//Calendar//ES", "MyStudentBot");
	return f;
}

/* A feed_emit_fn: feed events are written as they are. */
void
acad_ical_emit(void *arg, const struct feed_event *e)
{
	struct acad_ical *f = arg;
	struct ical_vevent v = { e->uid, e->summary, e->location, e->start, e->end, e->rrule, e->exdates,
	    e->nexdates };

	ical_writer_add(f->w, &v);
}

void
acad_ical_finish(struct acad_ical *f, struct strbuf *out)
{
	char *text;

	if (f == NULL)
		return;
	text = ical_writer_finish(f->w, out != NULL);
	if (text != NULL)
		strbuf_adds(out, text);
	free(text);
	free(f);
}
