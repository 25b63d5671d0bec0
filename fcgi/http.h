/* See LICENSE. http.h: a request as the front end (FastCGI or plain CGI) hands it over, and the answer. */
#ifndef MSB_FCGI_HTTP_H
#define MSB_FCGI_HTTP_H

#include "core/strbuf.h"

struct arena;
struct config;
struct db;
struct tg;

#define HTTP_MAX_BODY	(1024 * 1024)	/* CONTRACT.md §4: over 1 MiB is 413 */

struct http_request {
	const char	*method;	/* REQUEST_METHOD */
	const char	*path;		/* DOCUMENT_URI, or REQUEST_URI without the query */
	const char	*secret;	/* X-Telegram-Bot-Api-Secret-Token, NULL when absent */
	long		 content_length;	/* -1 when absent or junk */
	struct strbuf	 body;		/* at most HTTP_MAX_BODY + 1 bytes were read */
};

struct http_answer {
	int		 status;
	const char	*outcome;	/* for the log line: "done", "duplicate", "bad secret", ... */
	const char	*content_type;
	struct strbuf	 body;
};

/* What one worker keeps between requests. */
struct worker {
	const struct config	*cfg;
	struct db		*db;	/* NULL until the first connection succeeds */
	struct tg		*tg;
	struct arena		*arena;	/* reset after every request */
};

/*
 * Answers "req" into "ans" (status, type, body); logs one line. Replies other
 * than the one riding in the answer are sent before returning.
 */
void	http_handle(struct worker *, const struct http_request *req, struct http_answer *ans);

/* GET /calendar/TOKEN.ics: the user's classes and deadlines as iCalendar, 404 for any other token. */
void	feed_handle(struct worker *, const struct http_request *req, struct http_answer *ans);

/* The status line text for "status" (200 → "OK"). */
const char	*http_reason(int status);

#endif
