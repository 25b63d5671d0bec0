/* See LICENSE. log.h: one-line logs to syslog and stderr. Never pass a token, a secret or user text. */
#ifndef MSB_CORE_LOG_H
#define MSB_CORE_LOG_H

/* "ident" names the program in syslog. Stderr copies can be turned off with MSB_LOG_STDERR=0. */
void	log_init(const char *ident);
void	log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void	log_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
