/* See LICENSE. feed.c: GET /calendar/TOKEN.ics, the private calendar feed (CONTRACT.md §4). */
#include <string.h>

#include "http.h"
#include "academic/feed.h"
#include "core/config.h"
#include "core/log.h"
#include "db/db.h"

#define FEED_PREFIX	"/calendar/"
#define FEED_SUFFIX	".ics"

/* The token between the prefix and ".ics"; NULL when the path is anything else. */
static const char *
feed_token(const char *path, char *buf, size_t size)
{
	size_t plen = strlen(FEED_PREFIX), slen = strlen(FEED_SUFFIX), len = strlen(path);

	if (len <= plen + slen || len - plen - slen >= size ||
	    strcmp(path + len - slen, FEED_SUFFIX) != 0)
		return NULL;
	memcpy(buf, path + plen, len - plen - slen);
	buf[len - plen - slen] = '\0';
	return buf;
}

void
feed_handle(struct worker *w, const struct http_request *req, struct http_answer *ans)
{
	char token[128];
	const char *t = feed_token(req->path, token, sizeof token);
	int rc;

	ans->content_type = "text/plain; charset=utf-8";
	strbuf_reset(&ans->body);
	if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0) {
		ans->status = 405;
		return;
	}
	if (t == NULL) {
		ans->status = 404;
		return;
	}
	if ((w->db == NULL && (w->db = db_open(w->cfg->database_url)) == NULL) || db_ensure(w->db) != 0) {
		ans->status = 503;
		return;
	}
	rc = academic_feed_ics(w->db, t, &ans->body);
	if (rc == 0) {
		ans->status = 200;
		ans->content_type = "text/calendar; charset=utf-8";
	} else {
		strbuf_reset(&ans->body);
		ans->status = rc == 1 ? 404 : 503;
	}
	/* The token is a credential: it is not logged. */
	log_info("calendar feed status=%d", ans->status);
}
