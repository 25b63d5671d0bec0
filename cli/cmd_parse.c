/* See LICENSE. cmd_parse.c: `mystudentbot parse`, the language understanding as one JSON line (CONTRACT.md §5). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmds.h"
#include "bot/bot.h"
#include "core/strbuf.h"
#include "core/tz.h"
#include "nlu/nlu.h"

static int
bad(const char *what, const char *val)
{
	fprintf(stderr, "mystudentbot parse: %s%s%s\n", what, val ? ": " : "", val ? val : "");
	return 2;
}

/* "YYYY-MM-DDTHH:MM" into "now"; -1 on anything else. */
static int
parse_now(const char *s, const char *tz, struct nlu_now *now)
{
	struct tm	 tm;

	if (tz_parse_datetime(s, &tm) != 0)
		return -1;
	bot_now_from_tm(&tm, tz, now);
	return 0;
}

static int
clock_now(const char *tz, struct nlu_now *now)
{
	struct tm	 tm;

	if (tz_localtime(tz, time(NULL), &tm) != 0)
		return -1;
	bot_now_from_tm(&tm, tz, now);
	return 0;
}

/* The words after "--", joined by single spaces, into "text". */
static void
join_text(int argc, char **argv, int i, struct strbuf *text)
{
	for (; i < argc; i++) {
		if (text->len > 0)
			strbuf_addc(text, ' ');
		strbuf_adds(text, argv[i]);
	}
}

/*
 * mystudentbot parse [--now YYYY-MM-DDTHH:MM] [--tz AREA/CITY] [--lang es|en] -- TEXT
 * Prints the parse as one JSON line and returns 0; bad options return 2.
 */
int
cmd_parse(int argc, char **argv)
{
	struct nlu_now		 now;
	struct nlu_result	 r;
	struct strbuf		 text = STRBUF_INIT, out = STRBUF_INIT;
	const char		*nowarg = NULL, *tz = getenv("MSB_TZ"), *lang = getenv("MSB_LANG");
	int			 i;

	if (tz == NULL || *tz == '\0')
		tz = "Europe/Madrid";
	if (lang == NULL || *lang == '\0')
		lang = "es";
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (argv[i][0] != '-')
			break;	/* the text, without "--" */
		if (i + 1 >= argc || strncmp(argv[i + 1], "--", 2) == 0)
			return bad("option needs a value", argv[i]);
		if (strcmp(argv[i], "--now") == 0)
			nowarg = argv[++i];
		else if (strcmp(argv[i], "--tz") == 0)
			tz = argv[++i];
		else if (strcmp(argv[i], "--lang") == 0)
			lang = argv[++i];
		else
			return bad("unknown option", argv[i]);
	}
	if (strcmp(lang, "es") != 0 && strcmp(lang, "en") != 0)
		return bad("--lang must be es or en", lang);
	if (!tz_valid(tz))
		return bad("unknown time zone", tz);
	memset(&now, 0, sizeof now);
	if (nowarg != NULL ? parse_now(nowarg, tz, &now) != 0 : clock_now(tz, &now) != 0)
		return bad("--now must be YYYY-MM-DDTHH:MM", nowarg);
	join_text(argc, argv, i, &text);
	nlu_parse(strbuf_str(&text), &now, lang, &r);
	nlu_result_json(&r, &out);
	printf("%s\n", strbuf_str(&out));
	strbuf_release(&text);
	strbuf_release(&out);
	return 0;
}
