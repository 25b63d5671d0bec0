/* See LICENSE. catalog.c: every sentence of the tasks module, in Spanish and English. */
#include <stddef.h>

#include "tasks/tasks.h"

/* Arguments are escaped by the caller; %s of a task line is already HTML. */
const struct msg tasks_msgs[] = {
	/* Dates: "vie 4 dic 2026" / "Fri, Dec 4, 2026" (tm_wday 0 = Sunday). */
	{ "tasks.wd.0", "dom", "Sun" },
	{ "tasks.wd.1", "lun", "Mon" },
	{ "tasks.wd.2", "mar", "Tue" },
	{ "tasks.wd.3", "mié", "Wed" },
	{ "tasks.wd.4", "jue", "Thu" },
	{ "tasks.wd.5", "vie", "Fri" },
	{ "tasks.wd.6", "sáb", "Sat" },
	{ "tasks.mon.1", "ene", "Jan" },
	{ "tasks.mon.2", "feb", "Feb" },
	{ "tasks.mon.3", "mar", "Mar" },
	{ "tasks.mon.4", "abr", "Apr" },
	{ "tasks.mon.5", "may", "May" },
	{ "tasks.mon.6", "jun", "Jun" },
	{ "tasks.mon.7", "jul", "Jul" },
	{ "tasks.mon.8", "ago", "Aug" },
	{ "tasks.mon.9", "sep", "Sep" },
	{ "tasks.mon.10", "oct", "Oct" },
	{ "tasks.mon.11", "nov", "Nov" },
	{ "tasks.mon.12", "dic", "Dec" },
	/* weekday, day, month, year */
	{ "tasks.date", "%1$s %2$d %3$s %4$d", "%1$s, %3$s %2$d, %4$d" },
	{ "tasks.date_time", "%s a las %02d:%02d", "%s at %02d:%02d" },
	{ "tasks.lead.day", "%d día", "%d day" },
	{ "tasks.lead.days", "%d días", "%d days" },
	{ "tasks.lead.hour", "%d hora", "%d hour" },
	{ "tasks.lead.hours", "%d horas", "%d hours" },
	{ "tasks.lead.minutes", "%d min", "%d min" },
	{ "tasks.and", " y ", " and " },

	/* Buttons */
	{ "tasks.btn.done", "✅ Hecha", "✅ Done" },
	{ "tasks.btn.date", "📅 Cambiar fecha", "📅 Change date" },
	{ "tasks.btn.delete", "🗑 Borrar", "🗑 Delete" },
	{ "tasks.btn.undo", "↩️ Deshacer", "↩️ Undo" },
	{ "tasks.btn.keep", "Guardarla igualmente", "Keep it anyway" },
	{ "tasks.btn.cancel", "Cancelar", "Cancel" },
	{ "tasks.btn.plus1", "+1 día", "+1 day" },
	{ "tasks.btn.plus7", "+1 semana", "+1 week" },

	/* Adding */
	{ "tasks.added", "📝 Tarea guardada: %s",
	  "📝 Task saved: %s" },
	{ "tasks.past_q", "⚠️ La fecha de %s ya ha pasado. ¿La guardo igualmente?",
	  "⚠️ The date of %s has already passed. Shall I keep it anyway?" },
	{ "tasks.dropped", "Vale, no guardo «%s».", "OK, I won't save “%s”." },
	{ "tasks.answered", "Esa pregunta ya está contestada.", "That question was already answered." },
	{ "tasks.need_date", "¿Para cuándo es? Dímelo con la fecha, por ejemplo: «Hacer hito 1 de CC para el 10/12».",
	  "When is it due? Tell me with the date, for example: “CC milestone 1 due 12/10”." },
	{ "tasks.need_title", "¿Qué hay que hacer? Dime la tarea y su fecha.",
	  "What is there to do? Tell me the task and its date." },
	{ "tasks.bad_date", "No entiendo esa fecha. Prueba con «el 10/12» o «el viernes a las 18:00».",
	  "I don't understand that date. Try “on 12/10” or “Friday at 6pm”." },

	/* Listing */
	{ "tasks.list_head", "📋 <b>Tareas pendientes</b> (%d):", "📋 <b>Pending tasks</b> (%d):" },
	{ "tasks.list_empty", "No tienes tareas pendientes. 🎉", "You have no pending tasks. 🎉" },
	{ "tasks.list_none_match", "No hay tareas pendientes que encajen.", "No pending tasks match." },
	{ "tasks.list_more", "… y %d más. Acota con «tareas de CC» o «tareas hasta el viernes».",
	  "… and %d more. Narrow it with “tasks for CC” or “what's due this week”." },
	{ "tasks.mark.overdue", " ⚠️ <i>vencida</i>", " ⚠️ <i>overdue</i>" },
	{ "tasks.mark.today", " 📌 <i>hoy</i>", " 📌 <i>today</i>" },

	/* Which task */
	{ "tasks.which", "¿Qué tarea? Dime su número en la lista (/tareas) o unas palabras del título.",
	  "Which task? Tell me its number in the list (/tasks) or a few words of its title." },
	{ "tasks.no_number", "No hay ninguna tarea pendiente con el número %d. Mira /tareas.",
	  "There is no pending task number %d. See /tasks." },
	{ "tasks.not_found", "No encuentro ninguna tarea pendiente que se llame «%s».",
	  "I can't find a pending task called “%s”." },
	{ "tasks.several", "Hay varias que encajan, ¿cuál?", "Several match; which one?" },
	{ "tasks.gone", "Esa tarea ya no existe.", "That task no longer exists." },

	/* Done, delete, move, undo */
	{ "tasks.done_ok", "✅ Hecha: %s", "✅ Done: %s" },
	{ "tasks.already_done", "Esa tarea ya estaba hecha.", "That task was already done." },
	{ "tasks.deleted", "🗑 Borrada: %s", "🗑 Deleted: %s" },
	{ "tasks.not_pending", "Esa tarea ya no está pendiente.", "That task is no longer pending." },
	{ "tasks.move_past", "Esa fecha ya ha pasado; dime otra.", "That date has already passed; tell me another." },
	{ "tasks.moved", "📅 Nueva fecha: %s", "📅 New date: %s" },
	{ "tasks.ask_date", "¿Para cuándo pasamos %s? Pulsa un botón o escribe la nueva fecha, por ejemplo: «cambia la fecha al viernes».",
	  "When should %s be due? Tap a button or write the new date, for example: “change the date to Friday”." },
	{ "tasks.edit_need_date", "¿A qué fecha la cambio? Por ejemplo: «cambia la 2 al viernes».",
	  "To which date? For example: “move 2 to Friday”." },
	{ "tasks.undone", "↩️ Deshecho. Queda así: %s", "↩️ Undone. It is now: %s" },
	{ "tasks.undone_gone", "↩️ Deshecho: «%s» ya no está en tu lista.", "↩️ Undone: “%s” is no longer on your list." },

	/* Reminders */
	{ "tasks.reminder", "⏰ Recordatorio: <b>%s</b> vence el %s.", "⏰ Reminder: <b>%s</b> is due %s." },
	{ "tasks.remind_default", "⏰ Te avisaré de cada tarea %s antes.",
	  "⏰ I'll remind you of each task %s before it is due." },
	{ "tasks.remind_task", "⏰ Aviso cambiado solo para esta tarea: %s",
	  "⏰ Reminder changed for this task only: %s" },
	{ "tasks.remind_show", "⏰ Te aviso de cada tarea %s antes. Para cambiarlo: «recuérdame las tareas 1 día antes».",
	  "⏰ I remind you of each task %s before. To change it: “remind me 3 hours before deadlines”." },
	{ "tasks.remind_show_off", "Los avisos de tareas están apagados.%s Para encenderlos: «recuérdame las tareas 1 día antes».",
	  "Task reminders are off.%s To turn them on: “remind me 1 day before deadlines”." },
	{ "tasks.remind_off", "🔕 No te avisaré de las tareas.", "🔕 I won't remind you of tasks." },
	{ "tasks.remind_other", "Eso no lo sé ajustar desde aquí.", "I can't set that from here." },

	/* Buttons' answers */
	{ "tasks.cb_ok", "Hecho", "Done" },
	{ "tasks.cb_refused", "Esa tarea no es tuya o ya no está disponible.", "That task isn't yours or is no longer available." },

	/* Agenda and digest lines */
	{ "tasks.day_head", "📝 <b>Entregas</b>", "📝 <b>Deadlines</b>" },

	{ NULL, NULL, NULL }
};
