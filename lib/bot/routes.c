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
	{ "class.add",		academic_class_add },
	{ "class.list",		academic_class_list },
	{ "class.delete",	academic_class_delete },
	{ "timetable.show",	academic_timetable_show },
	{ "agenda.show",	academic_agenda_show },
	{ "term.set",		academic_term_set },
	{ "term.holiday",	academic_term_holiday },
	{ "calendar.feed",	academic_calendar_feed },
	{ "calendar.import",	academic_calendar_import },	/* a message with a document */
	{ "reminder.set",	academic_warn_set },		/* target "classes" */
	{ "reminder.off",	academic_warn_off },		/* target "classes" */

	/* tasks */
	{ "task.add",		tasks_add },
	{ "task.list",		tasks_list },
	{ "task.done",		tasks_done },
	{ "task.delete",	tasks_delete },
	{ "task.edit",		tasks_edit },
	{ "undo",		tasks_undo },

	/* expenses */
	{ "expense.add",	expenses_add },
	{ "expense.summary",	expenses_summary },
	{ "expense.chart",	expenses_chart },
	{ "expense.list",	expenses_list },
	{ "expense.delete",	expenses_delete },
	{ "expense.stop",	expenses_stop },
	{ "expense.export",	expenses_export },
	{ "budget.set",		expenses_budget_set },
	/* reminders */
	{ "digest.set",		reminders_digest_set },

	{ NULL, NULL }
};

/* Intents several modules share, told apart by the parser's "target" slot; looked up first. */
const struct target_route target_routes[] = {
	/* academic */

	/* tasks */
	{ "reminder.set",	"tasks",	tasks_reminder_set },
	{ "reminder.off",	"tasks",	tasks_reminder_off },

	/* expenses */

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
	/* reminders */
	{ "/resumen",		"digest.set" },
	{ "/digest",		"digest.set" },

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

	{ NULL, NULL }
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
