/* See LICENSE. timeline.c: one day of a student's life, every module's day section in order. */
#include <string.h>

#include "bot/bot.h"
#include "core/strbuf.h"

int
bot_day_timeline(struct db *db, int64_t user_id, const char *lang, const char *tz, const char *date,
    struct strbuf *out)
{
	struct strbuf section = STRBUF_INIT;
	const char *text;
	int i, n, total = 0;

	for (i = 0; day_sections[i] != NULL; i++) {
		strbuf_reset(&section);
		if ((n = day_sections[i](db, user_id, lang, tz, date, &section)) < 0) {
			strbuf_release(&section);
			return -1;
		}
		if (section.len == 0 || section.buf[strspn(section.buf, "\n")] == '\0')
			continue;
		/* Sections are separated by a blank line, whether or not they end their own last line. */
		while (out->len > 0 && out->buf[out->len - 1] == '\n')
			out->buf[--out->len] = '\0';
		if (out->len > 0)
			strbuf_adds(out, "\n\n");
		for (text = section.buf; *text == '\n'; text++)
			;
		strbuf_adds(out, text);
		total += n;
	}
	strbuf_release(&section);
	return total;
}
