/* See LICENSE. leads.c: lead times as PostgreSQL integer arrays, and how they read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tasks/internal.h"
#include "core/i18n.h"
#include "core/strbuf.h"

/* Reads "{1440,120}" (what PostgreSQL prints for integer[]); "{}" is no leads. */
int
tasks_leads_parse(const char *s, int *out, int max)
{
	const char *p;
	char *end;
	long v;
	int n = 0;

	if (s == NULL || s[0] != '{')
		return -1;
	for (p = s + 1; *p != '}'; ) {
		v = strtol(p, &end, 10);
		if (end == p || v < 0 || v > 525600)
			return -1;
		if (n < max)
			out[n++] = (int)v;
		p = end;
		if (*p == ',')
			p++;
		else if (*p != '}')
			return -1;
	}
	return n;
}

void
tasks_leads_format(const int *leads, int n, char *buf, size_t len)
{
	size_t off;
	int i;

	off = (size_t)snprintf(buf, len, "{");
	for (i = 0; i < n && off < len; i++)
		off += (size_t)snprintf(buf + off, len - off, "%s%d", i ? "," : "", leads[i]);
	if (off < len)
		snprintf(buf + off, len - off, "}");
}

/* Whole days, else whole hours, else minutes: "1 día", "3 horas", "90 min". */
void
tasks_fmt_lead(struct strbuf *sb, const char *lang, int minutes)
{
	if (minutes >= 1440 && minutes % 1440 == 0)
		strbuf_addf(sb, i18n_get(lang, minutes == 1440 ? "tasks.lead.day" : "tasks.lead.days"),
		    minutes / 1440);
	else if (minutes >= 60 && minutes % 60 == 0)
		strbuf_addf(sb, i18n_get(lang, minutes == 60 ? "tasks.lead.hour" : "tasks.lead.hours"),
		    minutes / 60);
	else
		strbuf_addf(sb, i18n_get(lang, "tasks.lead.minutes"), minutes);
}
