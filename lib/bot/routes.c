/* See LICENSE. routes.c: which handler answers which intent, command and button. */
#include <stddef.h>

#include "bot/bot.h"
#include "bot/core_handlers.h"
/* academic */

/* tasks */

/* expenses */

/* reminders */
#include "reminders/reminders.h"

/*
 * Free text goes through nlu_parse and lands here by intent. Each module
 * keeps its lines in its own section.
 */
const struct intent_route intent_routes[] = {
	{ "core.start",		core_start },
	{ "core.language",	core_language },
	{ "core.timezone",	core_timezone },
	{ "help",		core_help },
	{ "unknown",		core_unknown },
	/* academic */

	/* tasks */

	/* expenses */

	/* reminders */
	{ "digest.set",		reminders_digest_set },

	{ NULL, NULL }
};

/* Slash commands are intents too, so a command and a sentence share one handler. */
const struct command_route command_routes[] = {
	{ "/start",		"core.start" },
	{ "/help",		"help" },
	{ "/ayuda",		"help" },
	{ "/language",		"core.language" },
	{ "/idioma",		"core.language" },
	{ "/timezone",		"core.timezone" },
	{ "/zona",		"core.timezone" },
	/* academic */

	/* tasks */

	/* expenses */

	/* reminders */
	{ "/resumen",		"digest.set" },
	{ "/digest",		"digest.set" },

	{ NULL, NULL }
};

/* Button presses by callback_data prefix; every handler checks the data's ids against the presser. */
const struct callback_route callback_routes[] = {
	/* academic */

	/* tasks */

	/* expenses */

	/* reminders */
	{ REMINDERS_CALLBACK_PREFIX,	reminders_button },

	{ NULL, NULL }
};

/* The day's timeline: classes, then deadlines, then money. */
const day_section_fn day_sections[] = {
	/* academic */

	/* tasks */

	/* expenses */

	NULL
};

/* What the private calendar feed exports. */
const feed_source_fn feed_sources[] = {
	/* academic */

	/* tasks */

	NULL
};

/* Reminders computed from schedules rather than stored when created (class warnings). */
const reminder_producer_fn reminder_producers[] = {
	/* academic */

	/* reminders */
	reminders_digest_producer,

	NULL
};
