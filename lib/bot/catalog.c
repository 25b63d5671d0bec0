/* See LICENSE. catalog.c: what the dispatcher itself says, in Spanish and English. */
#include <stddef.h>

#include "core/i18n.h"

const struct msg core_msgs[] = {
	{ "core.welcome",
	  "¡Hola, %s! Soy tu asistente de estudiante 🎓\n"
	  "Cuéntame tus clases, tareas y gastos como se lo dirías a un amigo "
	  "(«Hacer hito 1 de CC para el 10/10», «Bus 5€», «¿qué tengo mañana?») "
	  "y te organizo el horario, te aviso antes de cada entrega y llevo tus cuentas.",
	  "Hi, %s! I'm your student assistant 🎓\n"
	  "Tell me your classes, tasks and expenses as you'd tell a friend "
	  "(\"Essay for History due Friday\", \"coffee 2.50\", \"what's on tomorrow?\") "
	  "and I'll build your timetable, remind you before each deadline and keep your accounts." },
	{ "core.help",
	  "Esto es lo que entiendo:\n"
	  "📚 <b>Clases</b>: «Clase de CC los lunes de 10:30 a 12:30 en el aula 1.6», «horario», «¿qué tengo mañana?»\n"
	  "✅ <b>Tareas</b>: «Hacer hito 1 de CC para el 10/10», «tareas», «hecho 2»\n"
	  "💶 <b>Gastos</b>: «Bus 5€ semana», «¿cuánto he gastado este mes?», «gráfico de gastos»\n"
	  "⏰ <b>Avisos</b>: «avísame 30 minutos antes de clase», «recuérdame las tareas 1 día antes»\n"
	  "⚙️ /idioma en · /zona Europe/Madrid",
	  "Here's what I understand:\n"
	  "📚 <b>Classes</b>: \"Statistics thursdays 2-4pm room C3\", \"timetable\", \"what's on tomorrow?\"\n"
	  "✅ <b>Tasks</b>: \"History essay due Friday\", \"tasks\", \"done 2\"\n"
	  "💶 <b>Expenses</b>: \"bus 5€ weekly\", \"how much this month?\", \"expenses chart\"\n"
	  "⏰ <b>Reminders</b>: \"warn me 30 minutes before class\", \"remind me 1 day before deadlines\"\n"
	  "⚙️ /language es · /timezone Europe/London" },
	{ "core.unknown",
	  "No te he entendido 🤔 Puedo apuntar clases, tareas con fecha y gastos. "
	  "Prueba «Hacer hito 1 de CC para el 10/10», «Bus 5€» o «¿qué tengo mañana?», o escribe /ayuda.",
	  "I didn't get that 🤔 I can note classes, tasks with a date and expenses. "
	  "Try \"History essay due Friday\", \"coffee 2.50\" or \"what's on tomorrow?\", or send /help." },
	{ "core.thanks",
	  "¡De nada! 😊 Aquí estoy para lo que necesites.",
	  "You're welcome! 😊 I'm here whenever you need me." },
	{ "core.greeting",
	  "¡Hola! 👋 ¿Qué apuntamos? Una clase, una tarea con fecha o un gasto; o pregúntame «¿qué tengo mañana?».",
	  "Hi! 👋 What shall we note? A class, a task with a date or an expense; or ask me \"what's on tomorrow?\"." },
	{ "core.bye",
	  "¡Hasta luego! Te aviso cuando toque. 👋",
	  "See you! I'll remind you when it's time. 👋" },
	{ "core.not_text",
	  "Por ahora solo entiendo mensajes de texto (y archivos .ics de horarios).",
	  "For now I only understand text messages (and .ics timetable files)." },
	{ "core.language_set",
	  "Hecho, te hablaré en español.",
	  "Done, I'll speak English." },
	{ "core.language_bad",
	  "Puedo hablar español o inglés: /idioma es o /idioma en.",
	  "I can speak Spanish or English: /language es or /language en." },
	{ "core.timezone_set",
	  "Zona horaria: %s. Los avisos y las fechas seguirán esa hora.",
	  "Time zone: %s. Reminders and dates will follow that clock." },
	{ "core.timezone_bad",
	  "No conozco esa zona horaria. Usa el nombre IANA, por ejemplo /zona Europe/Madrid (ahora: %s).",
	  "I don't know that time zone. Use its IANA name, e.g. /timezone Europe/London (now: %s)." },
	{ "core.undo_none",
	  "No hay nada que deshacer.",
	  "There is nothing to undo." },
	{ "core.stale_button",
	  "Ese botón ya no sirve.",
	  "That button no longer works." },
	{ "core.flood",
	  "Vas muy rápido 😅 Espera un minuto y sigo contigo.",
	  "You're going too fast 😅 Give me a minute." },
	{ "core.error",
	  "Algo ha fallado por mi parte y no he guardado nada. ¿Lo intentas otra vez?",
	  "Something went wrong on my side and nothing was saved. Could you try again?" },
	{ "core.cmd.horario", "Tu horario semanal", "Your weekly timetable" },
	{ "core.cmd.timetable", "Tu horario semanal", "Your weekly timetable" },
	{ "core.cmd.agenda", "Lo que tienes hoy", "What's on today" },
	{ "core.cmd.clases", "Tus clases", "Your classes" },
	{ "core.cmd.classes", "Tus clases", "Your classes" },
	{ "core.cmd.tareas", "Tareas pendientes", "Pending tasks" },
	{ "core.cmd.tasks", "Tareas pendientes", "Pending tasks" },
	{ "core.cmd.gastos", "Gastos del mes", "This month's spending" },
	{ "core.cmd.expenses", "Gastos del mes", "This month's spending" },
	{ "core.cmd.grafico", "Gráfico de gastos", "Spending chart" },
	{ "core.cmd.chart", "Gráfico de gastos", "Spending chart" },
	{ "core.cmd.calendario", "Enlace a tu calendario", "Your calendar feed link" },
	{ "core.cmd.calendar", "Enlace a tu calendario", "Your calendar feed link" },
	{ "core.cmd.ayuda", "Qué puedo hacer", "What I can do" },
	{ "core.cmd.help", "Qué puedo hacer", "What I can do" },
	{ "core.cmd.idioma", "Cambiar idioma (es/en)", "Change language (es/en)" },
	{ "core.cmd.language", "Cambiar idioma (es/en)", "Change language (es/en)" },
	{ "core.cmd.zona", "Cambiar zona horaria", "Change time zone" },
	{ "core.cmd.timezone", "Cambiar zona horaria", "Change time zone" },
	{ NULL, NULL, NULL }
};
