/* See LICENSE. routes.c: which handler answers which intent, command and button. */
#include <stddef.h>

#include "bot/bot.h"
#include "bot/core_handlers.h"
/* academic */
#include "academic/academic.h"

/* tasks */
#include "tasks/tasks.h"

/* expenses */
#include "expenses/expenses.h"

/* reminders */
#include "reminders/reminders.h"

/* privacy */
#include "privacy/privacy.h"

/*
 * Free text goes through nlu_parse and lands here by intent (and target,
 * where one intent belongs to several modules); the first match wins, so
 * a line for any target (NULL) goes after the specific ones. Each module
 * keeps its lines in its own section.
 */
const struct intent_route intent_routes[] = {
	{ "core.start",        NULL,	core_start },
	{ "core.language",     NULL,	core_language },
	{ "core.timezone",     NULL,	core_timezone },
	{ "help",              NULL,	core_help },
	{ "unknown",           NULL,	core_unknown },
	{ "undo",              NULL,	core_undo },		/* the latest change, any module: undo_routes */
	/* academic */
	{ "class.add",         NULL,	academic_class_add },
	{ "class.list",        NULL,	academic_class_list },
	{ "class.delete",      NULL,	academic_class_delete },
	{ "timetable.show",    NULL,	academic_timetable_show },
	{ "agenda.show",       NULL,	academic_agenda_show },
	{ "term.set",          NULL,	academic_term_set },
	{ "term.holiday",      NULL,	academic_term_holiday },
	{ "calendar.feed",     NULL,	academic_calendar_feed },
	{ "calendar.import",   NULL,	academic_calendar_import },	/* a message with a document */
	{ "reminder.set",      "classes", academic_warn_set },
	{ "reminder.off",      "classes", academic_warn_off },

	/* tasks */
	{ "task.add",          NULL,	tasks_add },
	{ "task.list",         NULL,	tasks_list },
	{ "task.done",         NULL,	tasks_done },
	{ "task.delete",       NULL,	tasks_delete },
	{ "task.edit",         NULL,	tasks_edit },
	{ "reminder.set",      "tasks",	tasks_reminder_set },
	{ "reminder.off",      "tasks",	tasks_reminder_off },

	/* expenses */
	{ "expense.add",       NULL,	expenses_add },
	{ "expense.summary",   NULL,	expenses_summary },
	{ "expense.chart",     NULL,	expenses_chart },
	{ "expense.list",      NULL,	expenses_list },
	{ "expense.delete",    NULL,	expenses_delete },
	{ "expense.stop",      NULL,	expenses_stop },
	{ "expense.export",    NULL,	expenses_export },
	{ "budget.set",        NULL,	expenses_budget_set },
	/* reminders */
	{ "digest.set",        NULL,	reminders_digest_set },

	/* privacy */
	{ "data.export",    NULL,	privacy_export },
	{ "data.delete",    NULL,	privacy_delete_ask },

	/* no target said: class warnings, whose handler asks when it cannot tell */
	{ "reminder.set",      NULL,	academic_warn_set },
	{ "reminder.off",      NULL,	academic_warn_off },

	{ NULL, NULL, NULL }
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
	{ "/clases",		"class.list" },
	{ "/classes",		"class.list" },
	{ "/horario",		"timetable.show" },
	{ "/timetable",		"timetable.show" },
	{ "/calendario",	"calendar.feed" },
	{ "/calendar",		"calendar.feed" },
	{ "/agenda",		"agenda.show" },

	/* tasks */
	{ "/tareas",		"task.list" },
	{ "/tasks",		"task.list" },

	/* expenses */
	{ "/gastos",		"expense.summary" },
	{ "/grafico",		"expense.chart" },
	{ "/expenses",		"expense.summary" },
	{ "/chart",		"expense.chart" },
	/* reminders */
	{ "/resumen",		"digest.set" },
	{ "/digest",		"digest.set" },

	/* privacy */
	{ "/exportar",		"data.export" },
	{ "/export",		"data.export" },
	{ "/borrar_mis_datos",	"data.delete" },
	{ "/delete_my_data",	"data.delete" },
	{ NULL, NULL }
};

/* Button presses by callback_data prefix; every handler checks the data's ids against the presser. */
const struct callback_route callback_routes[] = {
	/* academic */
	{ "ac:",		academic_callback },

	/* tasks */
	{ "t:",			tasks_button },

	/* expenses */
	{ "e:",			expenses_callback },
	/* reminders */
	{ REMINDERS_CALLBACK_PREFIX,	reminders_button },

	/* privacy */
	{ PRIVACY_CB,		privacy_callback },
	{ NULL, NULL }
};

/* What a typed "deshacer" can take back, by the module that noted the change (bot_change_note). */
const struct undo_route undo_routes[] = {
	/* academic */
	{ "academic",	academic_undo_change },
	/* tasks */
	{ "tasks",	tasks_do_undo },
	/* expenses */
	{ "expenses",	expenses_undo_change },
	{ NULL, NULL }
};

/* A user's language or zone changed: who renders again what is queued for them. */
const settings_changed_fn settings_changed[] = {
	/* tasks */
	tasks_settings_changed,
	NULL
};

/* The day's timeline: classes, then deadlines, then money. */
const day_section_fn day_sections[] = {
	/* academic */
	academic_day_section,

	/* tasks */
	tasks_day_section,

	/* expenses */
	expenses_day_section,
	NULL
};

/* What the private calendar feed exports. */
const feed_source_fn feed_sources[] = {
	/* academic */
	academic_feed_source,

	/* tasks */
	tasks_feed_source,

	NULL
};

/* Reminders computed from schedules rather than stored when created (class warnings). */
const reminder_producer_fn reminder_producers[] = {
	/* academic */
	academic_warn_produce,

	/* reminders */
	reminders_digest_producer,

	NULL
};
