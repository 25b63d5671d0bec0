/* See LICENSE. catalog.c: what the privacy commands say, in Spanish and English. */
#include <stddef.h>

#include "core/i18n.h"
#include "privacy/privacy.h"

const struct msg privacy_msgs[] = {
	{ "privacy.delete_ask",
	  "⚠️ ¿Seguro que quieres <b>borrar todos tus datos</b>? Clases, tareas, gastos, avisos y ajustes "
	  "desaparecerán para siempre y no se pueden recuperar.\n"
	  "Si quieres una copia antes, usa /exportar.",
	  "⚠️ Do you really want to <b>delete all your data</b>? Classes, tasks, expenses, reminders and "
	  "settings will be gone for good and cannot be recovered.\n"
	  "If you want a copy first, send /export." },
	{ "privacy.delete_yes", "Sí, borrar todo", "Yes, delete everything" },
	{ "privacy.delete_no", "No, cancelar", "No, cancel" },
	{ "privacy.deleted",
	  "🗑️ Hecho: he borrado todos tus datos. Si vuelves a escribirme, empezaremos de cero.",
	  "🗑️ Done: all your data is deleted. If you write to me again, we'll start from scratch." },
	{ "privacy.kept",
	  "De acuerdo, no he borrado nada.",
	  "All right, nothing was deleted." },
	{ "privacy.not_yours",
	  "Ese botón no es tuyo.",
	  "That button isn't yours." },
	{ "privacy.export_caption",
	  "📦 Todos tus datos, en JSON: %ld filas.",
	  "📦 All your data, as JSON: %ld rows." },
	/* the command menu (mystudentbot commands set) */
	{ "core.cmd.exportar", "Descargar todos tus datos (JSON)", "Download all your data (JSON)" },
	{ "core.cmd.export", "Descargar todos tus datos (JSON)", "Download all your data (JSON)" },
	{ "core.cmd.borrar_mis_datos", "Borrar todos tus datos", "Delete all your data" },
	{ "core.cmd.delete_my_data", "Borrar todos tus datos", "Delete all your data" },
	{ NULL, NULL, NULL }
};
