/* See LICENSE. tg.c: the Bot API client: one reused curl handle, size caps, timeouts, status classes. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "telegram/tg.h"
#include "core/log.h"
#include "core/mem.h"
#include "core/strbuf.h"
#include "json/json.h"

/* Bot API answers are small; anything past 1 MiB is not an answer we want to hold. */
#define TG_MAX_ANSWER	(1024 * 1024)

struct tg {
	CURL	*h;		/* one handle, reset between calls, keeps the connection alive */
	char	*api;		/* base URL, no trailing "/" */
	char	*token;		/* only ever copied into URLs */
	long	 timeout_ms;
};

/* The write callback's state: where the body goes and when to stop. */
struct sink {
	struct strbuf	*body;
	size_t		 cap;
	bool		 over;
};

static bool	 curl_ready;

void
tg_global_init(void)
{
	if (curl_ready)
		return;
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		log_err("tg: curl_global_init failed");
		abort();
	}
	curl_ready = true;
}

struct tg *
tg_new(const char *api_base, const char *token, long timeout_ms)
{
	struct tg	*tg = xcalloc(1, sizeof *tg);
	size_t		 n = strlen(api_base);

	tg_global_init();
	while (n > 0 && api_base[n - 1] == '/')
		n--;
	tg->api = xstrndup(api_base, n);
	tg->token = xstrdup(token != NULL ? token : "");
	tg->timeout_ms = timeout_ms > 0 ? timeout_ms : 30000;
	if ((tg->h = curl_easy_init()) == NULL) {
		log_err("tg: curl_easy_init failed");
		abort();
	}
	return tg;
}

void
tg_free(struct tg *tg)
{
	if (tg == NULL)
		return;
	curl_easy_cleanup(tg->h);
	explicit_bzero(tg->token, strlen(tg->token));
	free(tg->token);
	free(tg->api);
	free(tg);
}

void
tg_result_release(struct tg_result *res)
{
	if (res == NULL)
		return;
	strbuf_release(&res->body);
}

const char *
tg_status_name(enum tg_status st)
{
	switch (st) {
	case TG_OK:		return "ok";
	case TG_RETRY_AFTER:	return "retry_after";
	case TG_BLOCKED:	return "blocked";
	case TG_REJECTED:	return "rejected";
	case TG_SERVER_ERROR:	return "server_error";
	case TG_NETWORK:	return "network";
	}
	return "unknown";
}

/* postinmemory.c's callback plus a cap: returning short makes curl abort with CURLE_WRITE_ERROR. */
static size_t
sink_write(char *data, size_t size, size_t nmemb, void *arg)
{
	struct sink	*s = arg;
	size_t		 n = size * nmemb;

	if (n > s->cap - s->body->len) {
		s->over = true;
		return 0;
	}
	strbuf_add(s->body, data, n);
	return n;
}

/*
 * "description" for the caller and for logs, with the token cut out:
 * whatever produced the text (a stand-in echoing the URL, a proxy's error
 * page), the token must not travel further.
 */
static void
set_description(struct tg *tg, struct tg_result *res, const char *text)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p = text, *hit;
	size_t		 tlen = strlen(tg->token);

	while (tlen > 0 && (hit = strstr(p, tg->token)) != NULL) {
		strbuf_add(&sb, p, (size_t)(hit - p));
		strbuf_adds(&sb, "<token>");
		p = hit + tlen;
	}
	strbuf_adds(&sb, p);
	snprintf(res->description, sizeof res->description, "%s", strbuf_str(&sb));
	strbuf_release(&sb);
}

/* Method names are identifiers (sendMessage); anything else must not reach a URL path. */
static bool
valid_method(const char *m)
{
	return m != NULL && *m != '\0' && strspn(m,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") == strlen(m);
}

/* getFile paths look like "photos/file_0.jpg": no "..", no leading "/", no URL syntax. */
static bool
valid_file_path(const char *p)
{
	return p != NULL && *p != '\0' && *p != '/' && strstr(p, "..") == NULL &&
	    strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./") ==
	    strlen(p);
}

/* What every call sets after curl_easy_reset: the URL, the sink, limits, http(s) only. */
static void
common_opts(struct tg *tg, const char *url, struct sink *s)
{
	curl_easy_setopt(tg->h, CURLOPT_URL, url);
	curl_easy_setopt(tg->h, CURLOPT_WRITEFUNCTION, sink_write);
	curl_easy_setopt(tg->h, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(tg->h, CURLOPT_TIMEOUT_MS, tg->timeout_ms);
	curl_easy_setopt(tg->h, CURLOPT_CONNECTTIMEOUT_MS,
	    tg->timeout_ms < 10000 ? tg->timeout_ms : 10000L);
	curl_easy_setopt(tg->h, CURLOPT_NOSIGNAL, 1L);	/* no SIGALRM in a FastCGI worker */
	curl_easy_setopt(tg->h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(tg->h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(tg->h, CURLOPT_USERAGENT, "mystudentbot");
}

/*
 * Reads Telegram's answer: "ok", "description" and, on 429,
 * "parameters.retry_after" exactly as sent (waits of hours are real; a
 * clamp would get the bot banned longer). The HTTP Retry-After header is
 * the fallback when the JSON lacks it.
 */
static void
read_answer(struct tg *tg, struct tg_result *res, bool *ok)
{
	static const char *p_ok[] = { "ok", NULL };
	static const char *p_desc[] = { "description", NULL };
	static const char *p_retry[] = { "parameters", "retry_after", NULL };
	struct json_doc	*doc;
	const char	*desc;
	int64_t		 ra;
	curl_off_t	 hdr = -1;
	char		 err[64];

	*ok = false;
	doc = json_parse(strbuf_str(&res->body), res->body.len, TG_MAX_ANSWER, 32, err, sizeof err);
	if (doc != NULL) {
		json_get_bool(json_root(doc), p_ok, ok);
		if ((desc = json_get_str(json_root(doc), p_desc)) != NULL)
			set_description(tg, res, desc);
		if (json_get_i64(json_root(doc), p_retry, &ra) == 0)
			res->retry_after = (long)ra;
	}
	if (res->http_code == 429 && res->retry_after == 0 &&
	    curl_easy_getinfo(tg->h, CURLINFO_RETRY_AFTER, &hdr) == CURLE_OK && hdr > 0)
		res->retry_after = (long)hdr;
	if (res->description[0] == '\0')
		snprintf(res->description, sizeof res->description, "HTTP %ld%s",
		    res->http_code, doc == NULL ? " (answer is not JSON)" : "");
	json_free(doc);
}

static enum tg_status
status_of(long code, bool ok)
{
	if (code >= 200 && code < 300)
		return ok ? TG_OK : TG_REJECTED;
	if (code == 429)
		return TG_RETRY_AFTER;
	if (code == 403)
		return TG_BLOCKED;
	if (code >= 400 && code < 500)
		return TG_REJECTED;
	return TG_SERVER_ERROR;	/* 5xx, and redirects or oddities we do not follow */
}

/*
 * Turns curl's outcome into "res" and one log line for failures. "label"
 * names the call (the method, or "download"), never the URL. A download's
 * 2xx body is the file, not JSON. curl_easy_strerror is used rather than
 * CURLOPT_ERRORBUFFER because the latter may quote the URL, token included.
 */
static int
finish(struct tg *tg, const char *label, CURLcode rc, struct sink *s, struct tg_result *res,
    bool download)
{
	bool	 ok = false;
	long	 code = 0;

	curl_easy_getinfo(tg->h, CURLINFO_RESPONSE_CODE, &code);
	res->http_code = code;
	if (rc != CURLE_OK && s->over) {
		res->status = TG_REJECTED;
		snprintf(res->description, sizeof res->description,
		    "answer larger than %zu bytes", s->cap);
	} else if (rc != CURLE_OK) {
		res->status = TG_NETWORK;
		res->http_code = 0;
		set_description(tg, res, curl_easy_strerror(rc));
	} else if (download && code >= 200 && code < 300) {
		res->status = TG_OK;
	} else {
		read_answer(tg, res, &ok);
		res->status = status_of(code, ok);
	}
	if (res->status != TG_OK)
		log_warn("tg: %s: %s (HTTP %ld): %s", label, tg_status_name(res->status),
		    res->http_code, res->description);
	return res->status == TG_OK ? 0 : -1;
}

/* Starts "res" afresh: callers pass a zeroed or released tg_result. */
static void
res_init(struct tg_result *res)
{
	memset(res, 0, sizeof *res);
	res->status = TG_REJECTED;
}

/* Refuses a call before any I/O (bad method name, bad path): nothing was sent. */
static int
refuse(struct tg *tg, struct tg_result *res, const char *why)
{
	res->status = TG_REJECTED;
	set_description(tg, res, why);
	log_warn("tg: %s", res->description);
	return -1;
}

static void
method_url(struct tg *tg, const char *method, struct strbuf *url)
{
	strbuf_addf(url, "%s/bot%s/%s", tg->api, tg->token, method);
}

/* Frees the URL without leaving the token behind in freed heap memory. */
static void
url_release(struct strbuf *url)
{
	if (url->buf != NULL)
		explicit_bzero(url->buf, url->len);
	strbuf_release(url);
}

int
tg_call_json(struct tg *tg, const char *method, const char *json, size_t len,
    struct tg_result *res)
{
	struct strbuf		 url = STRBUF_INIT;
	struct sink		 s = { &res->body, TG_MAX_ANSWER, false };
	struct curl_slist	*hdrs = NULL;
	CURLcode		 rc;

	res_init(res);
	if (!valid_method(method))
		return refuse(tg, res, "bad Bot API method name");
	/* With no POSTFIELDS curl would read the body from stdin: the FastCGI socket, in a worker. */
	if (json == NULL)
		return refuse(tg, res, "no JSON body (the generator failed)");
	method_url(tg, method, &url);
	curl_easy_reset(tg->h);
	common_opts(tg, url.buf, &s);
	/* "Expect:" off: a 100-continue round trip only slows small bodies down. */
	hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
	hdrs = curl_slist_append(hdrs, "Expect:");
	curl_easy_setopt(tg->h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(tg->h, CURLOPT_POST, 1L);
	curl_easy_setopt(tg->h, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(tg->h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	rc = curl_easy_perform(tg->h);
	url_release(&url);
	curl_slist_free_all(hdrs);
	return finish(tg, method, rc, &s, res, false);
}

/* Bot API "Sending files": multipart/form-data, every field from memory (curl_mime_data). */
static curl_mime *
build_mime(struct tg *tg, const struct tg_part *parts, size_t n)
{
	curl_mime	*mime = curl_mime_init(tg->h);
	curl_mimepart	*part;
	size_t		 i;

	for (i = 0; i < n; i++) {
		part = curl_mime_addpart(mime);
		curl_mime_name(part, parts[i].name);
		curl_mime_data(part, parts[i].data, parts[i].len);
		if (parts[i].filename != NULL) {
			curl_mime_filename(part, parts[i].filename);
			curl_mime_type(part, parts[i].content_type != NULL ?
			    parts[i].content_type : "application/octet-stream");
		}
	}
	return mime;
}

int
tg_call_multipart(struct tg *tg, const char *method, const struct tg_part *parts, size_t n,
    struct tg_result *res)
{
	struct strbuf		 url = STRBUF_INIT;
	struct sink		 s = { &res->body, TG_MAX_ANSWER, false };
	struct curl_slist	*hdrs = NULL;
	curl_mime		*mime;
	CURLcode		 rc;

	res_init(res);
	if (!valid_method(method))
		return refuse(tg, res, "bad Bot API method name");
	method_url(tg, method, &url);
	curl_easy_reset(tg->h);
	common_opts(tg, url.buf, &s);
	mime = build_mime(tg, parts, n);
	hdrs = curl_slist_append(hdrs, "Expect:");
	curl_easy_setopt(tg->h, CURLOPT_HTTPHEADER, hdrs);
	curl_easy_setopt(tg->h, CURLOPT_MIMEPOST, mime);
	rc = curl_easy_perform(tg->h);
	url_release(&url);
	curl_slist_free_all(hdrs);
	curl_mime_free(mime);
	return finish(tg, method, rc, &s, res, false);
}

int
tg_download(struct tg *tg, const char *file_path, size_t max_bytes, struct tg_result *res)
{
	struct strbuf	 url = STRBUF_INIT;
	struct sink	 s = { &res->body, max_bytes, false };
	CURLcode	 rc;

	res_init(res);
	if (!valid_file_path(file_path))
		return refuse(tg, res, "bad file path for download");
	strbuf_addf(&url, "%s/file/bot%s/%s", tg->api, tg->token, file_path);
	curl_easy_reset(tg->h);
	common_opts(tg, url.buf, &s);
	curl_easy_setopt(tg->h, CURLOPT_HTTPGET, 1L);
	/* Refuse early when the server announces the size: no need to read 20 MB to say no. */
	curl_easy_setopt(tg->h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max_bytes);
	rc = curl_easy_perform(tg->h);
	url_release(&url);
	if (rc == CURLE_FILESIZE_EXCEEDED)
		s.over = true;
	return finish(tg, "download", rc, &s, res, true);
}
