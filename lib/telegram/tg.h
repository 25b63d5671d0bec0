/* See LICENSE. tg.h: the one Bot API client, on libcurl. Only lib/telegram/ includes curl headers. */
#ifndef MSB_TELEGRAM_TG_H
#define MSB_TELEGRAM_TG_H

#include <stddef.h>

#include "core/strbuf.h"

struct tg;

/* What a call came to; callers act on the kind, not on HTTP codes. */
enum tg_status {
	TG_OK,		/* 2xx and "ok": true */
	TG_RETRY_AFTER,	/* 429: wait exactly retry_after seconds */
	TG_BLOCKED,	/* 403: the user blocked the bot or left: stop writing to the chat */
	TG_REJECTED,	/* other 4xx: our request is wrong; retrying will not help */
	TG_SERVER_ERROR,/* 5xx: try again later */
	TG_NETWORK	/* no answer: timeout, refused, DNS, TLS */
};

struct tg_result {
	enum tg_status	 status;
	long		 http_code;	/* 0 when there was no answer */
	long		 retry_after;	/* seconds, for TG_RETRY_AFTER */
	struct strbuf	 body;		/* the answer's body; tg_result_release frees it */
	char		 description[256];	/* Telegram's "description" or curl's error */
};

/* A multipart field: text when "filename" is NULL, otherwise a file sent from memory. */
struct tg_part {
	const char	*name;
	const char	*data;
	size_t		 len;
	const char	*filename;
	const char	*content_type;
};

/*
 * A client for "api_base" (e.g. https://api.telegram.org, no trailing slash)
 * and "token". The token only ever goes into URLs, never into logs.
 * "timeout_ms" bounds a whole call.
 */
struct tg	*tg_new(const char *api_base, const char *token, long timeout_ms);
void		 tg_free(struct tg *);	/* NULL-safe */

/* POSTs "json" to METHOD. Returns 0 when status is TG_OK, -1 otherwise; "res" says why. */
int	tg_call_json(struct tg *, const char *method, const char *json, size_t len, struct tg_result *res);
int	tg_call_multipart(struct tg *, const char *method, const struct tg_part *parts, size_t n,
	    struct tg_result *res);
/* Downloads file_path (from getFile) into res->body, refusing more than "max_bytes". */
int	tg_download(struct tg *, const char *file_path, size_t max_bytes, struct tg_result *res);
void	tg_result_release(struct tg_result *);
const char *tg_status_name(enum tg_status);

/* curl_global_init once per process, before any fork of workers. */
void	tg_global_init(void);

#endif
