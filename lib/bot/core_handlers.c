/* See LICENSE. core_handlers.c: greeting, help, language and time zone. */
#include <stdio.h>
#include <string.h>

#include "bot/core_handlers.h"
#include "bot/user.h"
#include "core/tz.h"

int
core_start(struct bot_ctx *c, const struct nlu_result *res)
{
	const char *name = c->u->first_name ? c->u->first_name : "";

	reply_msgf(c->reply, "core.welcome", reply_esc(c->reply, name));
	return 0;
}

int
core_help(struct bot_ctx *c, const struct nlu_result *res)
{
	reply_msgf(c->reply, "core.help");
	return 0;
}

/* Small talk the parser recognised (arg "thanks", "greeting", "bye") gets a friendly word, not "I didn't get that". */
int
core_unknown(struct bot_ctx *c, const struct nlu_result *res)
{
	if (strcmp(res->arg, "thanks") == 0)
		reply_msgf(c->reply, "core.thanks");
	else if (strcmp(res->arg, "greeting") == 0)
		reply_msgf(c->reply, "core.greeting");
	else if (strcmp(res->arg, "bye") == 0)
		reply_msgf(c->reply, "core.bye");
	else
		reply_msgf(c->reply, "core.unknown");
	return 0;
}

/* After the user's language or zone changed: what is already queued follows them. */
static int
settings_now_changed(struct bot_ctx *c)
{
	const settings_changed_fn *fn;

	for (fn = settings_changed; *fn != NULL; fn++)
		if ((*fn)(c) != 0)
			return -1;
	return 0;
}

int
core_language(struct bot_ctx *c, const struct nlu_result *res)
{
	const char *lang = res->arg;

	if (strcmp(lang, "es") != 0 && strcmp(lang, "en") != 0) {
		reply_msgf(c->reply, "core.language_bad");
		return 0;
	}
	if (user_set_lang(c->db, c->user.id, lang) != 0)
		return -1;
	snprintf(c->user.lang, sizeof c->user.lang, "%.2s", lang);
	if (settings_now_changed(c) != 0)
		return -1;
	/* Answer in the new language at once. */
	c->reply->lang = strcmp(lang, "es") == 0 ? "es" : "en";
	reply_msgf(c->reply, "core.language_set");
	return 0;
}

int
core_timezone(struct bot_ctx *c, const struct nlu_result *res)
{
	if (!tz_valid(res->arg)) {
		reply_msgf(c->reply, "core.timezone_bad", reply_esc(c->reply, c->user.tz));
		return 0;
	}
	if (user_set_tz(c->db, c->user.id, res->arg) != 0)
		return -1;
	snprintf(c->user.tz, sizeof c->user.tz, "%.63s", res->arg);	/* tz_valid: under 64 */
	if (settings_now_changed(c) != 0)
		return -1;
	reply_msgf(c->reply, "core.timezone_set", reply_esc(c->reply, res->arg));
	return 0;
}
