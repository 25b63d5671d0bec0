/* See LICENSE. catalog.c: every sentence of the reminders module, in Spanish and English. */
#include <stddef.h>

#include "reminders/reminders.h"

const struct msg reminders_msgs[] = {
	{ "reminders.btn.15m",		"⏰ 15 min",			"⏰ 15 min" },
	{ "reminders.btn.1h",		"⏰ 1 h",			"⏰ 1 h" },
	{ "reminders.btn.tomorrow",	"⏰ Mañana",			"⏰ Tomorrow" },
	{ "reminders.snoozed",		"⏰ Te lo vuelvo a recordar el %s.",
					"⏰ I'll remind you again on %s." },
	{ "reminders.not_yours",	"Ese recordatorio no es tuyo.",	"That reminder isn't yours." },
	{ "reminders.stale",		"Ese botón ya no sirve.",	"That button no longer works." },
	{ "reminders.digest.on",	"☀️ Cada mañana a las <b>%s</b> te enviaré el resumen de tu día: "
					"clases, entregas y gastos. Para quitarlo: «resumen diario off».",
					"☀️ Every morning at <b>%s</b> I'll send you a summary of your day: "
					"classes, deadlines and spending. To stop it: \"daily digest off\"." },
	{ "reminders.digest.off",	"Resumen diario desactivado.",	"Daily digest turned off." },
	{ "reminders.digest.was_off",	"El resumen diario no estaba activado.",
					"The daily digest wasn't on." },
	{ "reminders.digest.need_time",	"¿A qué hora quieres el resumen? Por ejemplo: «resumen diario a las 8».",
					"What time would you like the digest? For example: \"daily digest at 8\"." },
	{ "reminders.digest.title",	"☀️ <b>Buenos días.</b> Tu día, %s:",
					"☀️ <b>Good morning.</b> Your day, %s:" },
	{ "reminders.digest.today",	"<b>Hoy</b>",			"<b>Today</b>" },
	{ "reminders.digest.tomorrow",	"<b>Mañana</b>",		"<b>Tomorrow</b>" },
	{ "reminders.digest.empty",	"Nada previsto para hoy. ¡Buen día!",
					"Nothing planned for today. Have a good day!" },
	{ NULL, NULL, NULL }
};
