/* See LICENSE. i18n.c: looks up catalog texts by key and language. */
#include <string.h>
#include <strings.h>

#include "core/i18n.h"

/*
 * Every module's catalog. A module adds its extern and its line here, in its
 * own section; keys are prefixed with the module's name ("tasks.added").
 */
/* academic (lib/academic/) */
extern const struct msg academic_msgs[];

/* tasks (lib/tasks/) */
extern const struct msg tasks_msgs[];

/* expenses (lib/expenses/) */
extern const struct msg expenses_msgs[];

/* reminders (lib/reminders/) */
extern const struct msg reminders_msgs[];

/* privacy (lib/privacy/) */
extern const struct msg privacy_msgs[];

static const struct msg *const catalogs[] = {
	core_msgs,
	/* academic */
	academic_msgs,

	/* tasks */
	tasks_msgs,

	/* expenses */
	expenses_msgs,
	/* reminders */
	reminders_msgs,

	/* privacy */
	privacy_msgs,
	NULL
};

const char *
i18n_get(const char *lang, const char *key)
{
	const struct msg *m;
	size_t i;
	int en = lang != NULL && strcmp(lang, "en") == 0;

	for (i = 0; catalogs[i] != NULL; i++)
		for (m = catalogs[i]; m->key != NULL; m++)
			if (strcmp(m->key, key) == 0)
				return en ? m->en : m->es;
	return key;
}

const char *
i18n_lang_from_code(const char *code)
{
	if (code == NULL)
		return NULL;
	if (strncasecmp(code, "es", 2) == 0 && (code[2] == '\0' || code[2] == '-' || code[2] == '_'))
		return "es";
	if (strncasecmp(code, "en", 2) == 0 && (code[2] == '\0' || code[2] == '-' || code[2] == '_'))
		return "en";
	return NULL;
}
