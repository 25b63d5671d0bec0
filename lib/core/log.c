/* See LICENSE. log.c: one line per call to syslog (LOG_DAEMON) and, unless MSB_LOG_STDERR=0, stderr. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "core/log.h"

static const char	*log_ident = "mystudentbot";
static bool		 log_stderr = true;
static bool		 log_opened;

void
log_init(const char *ident)
{
	const char	*e = getenv("MSB_LOG_STDERR");

	if (ident != NULL && *ident != '\0')
		log_ident = ident;
	log_stderr = !(e != NULL && strcmp(e, "0") == 0);
	openlog(log_ident, LOG_PID, LOG_DAEMON);
	log_opened = true;
}

/*
 * Formats into a fixed buffer and turns control characters (a newline in a
 * libpq message, say) into spaces, so one call is always one line: a log
 * reader can then trust that a line was not forged by the text inside it.
 */
static void
log_emit(int prio, const char *tag, const char *fmt, va_list ap)
{
	char	 line[2048];
	size_t	 n;

	vsnprintf(line, sizeof line, fmt, ap);
	for (n = 0; line[n] != '\0'; n++)
		if ((unsigned char)line[n] < 0x20 || line[n] == 0x7f)
			line[n] = ' ';
	while (n > 0 && line[n - 1] == ' ')
		line[--n] = '\0';
	if (!log_opened) {
		openlog(log_ident, LOG_PID, LOG_DAEMON);
		log_opened = true;
	}
	syslog(prio, "%s", line);
	if (log_stderr)
		fprintf(stderr, "%s: %s: %s\n", log_ident, tag, line);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_emit(LOG_INFO, "info", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_emit(LOG_WARNING, "warn", fmt, ap);
	va_end(ap);
}

void
log_err(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_emit(LOG_ERR, "error", fmt, ap);
	va_end(ap);
}
