/* See LICENSE. main.c: mystudentbot-fcgi, a pool of FastCGI workers on one socket (or one plain CGI request). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "http.h"
#include "core/config.h"
#include "core/log.h"
#include "core/mem.h"
#include "db/db.h"
#include "telegram/tg.h"

#define MAX_WORKERS	256
#define TG_TIMEOUT_MS	10000	/* well under nginx's fastcgi_read_timeout and Telegram's 60 s */

/*
 * The database's share of the same budget, given to libpq as the session's
 * defaults (PGOPTIONS, unless the operator set it): a row locked by someone
 * else, or a statement that hangs, fails the update in seconds (rolled back,
 * the student is told to try again) instead of holding the worker until
 * nginx gives up with a 504.
 */
#define DB_SESSION_OPTIONS	"-c lock_timeout=5s -c statement_timeout=10s " \
				"-c idle_in_transaction_session_timeout=60s"

static volatile sig_atomic_t	stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: mystudentbot-fcgi [-s PATH|HOST:PORT] [-w WORKERS]\n");
	exit(2);
}

static long
content_length(const char *s)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	return (errno != 0 || *end != '\0' || v < 0) ? -1 : v;
}

/* Reads at most HTTP_MAX_BODY + 1 bytes: enough to know a body is too big without holding it. */
static void
read_body(FCGX_Stream *in, struct strbuf *body)
{
	char buf[8192];
	int n;

	while (body->len <= HTTP_MAX_BODY && (n = FCGX_GetStr(buf, sizeof buf, in)) > 0)
		strbuf_add(body, buf, (size_t)n);
}

/* Where an answer's bytes go: the FastCGI stream, or stdout under plain CGI. */
typedef void	(*put_fn)(void *arg, const char *buf, size_t len);

static void
put_fcgi(void *arg, const char *buf, size_t len)
{
	FCGX_PutStr(buf, (int)len, arg);
}

static void
put_stdout(void *arg, const char *buf, size_t len)
{
	fwrite(buf, 1, len, arg);
}

/* Writes "ans" through "put" as a CGI response: Status and Content-Type (RFC 3875 6.3), then the body. */
static void
write_answer(const struct http_answer *ans, put_fn put, void *arg)
{
	char head[256];
	int n;

	/* libfcgi's own printf knows no %zu: format here, write bytes there. */
	n = snprintf(head, sizeof head, "Status: %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
	    ans->status, http_reason(ans->status), ans->content_type, ans->body.len);
	if (n > 0 && (size_t)n < sizeof head)
		put(arg, head, (size_t)n);
	if (ans->body.len > 0)
		put(arg, ans->body.buf, ans->body.len);
}

static void
serve_one(struct worker *w, FCGX_Request *fr)
{
	struct http_request req;
	struct http_answer ans;

	memset(&req, 0, sizeof req);
	memset(&ans, 0, sizeof ans);
	req.method = FCGX_GetParam("REQUEST_METHOD", fr->envp);
	req.path = FCGX_GetParam("DOCUMENT_URI", fr->envp);
	req.secret = FCGX_GetParam("HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN", fr->envp);
	req.content_length = content_length(FCGX_GetParam("CONTENT_LENGTH", fr->envp));
	if (req.method == NULL)
		req.method = "";
	if (req.content_length <= HTTP_MAX_BODY)
		read_body(fr->in, &req.body);
	http_handle(w, &req, &ans);
	write_answer(&ans, put_fcgi, fr->out);
	strbuf_release(&req.body);
	strbuf_release(&ans.body);
	arena_reset(w->arena);
}

/* A worker: accepts requests on "sock" until told to stop; its database connection is reused. */
static int
worker_loop(const struct config *cfg, int sock)
{
	struct worker w;
	FCGX_Request fr;

	memset(&w, 0, sizeof w);
	w.cfg = cfg;
	w.arena = arena_new();
	w.tg = tg_new(cfg->telegram_api, cfg->bot_token, TG_TIMEOUT_MS);
	w.db = db_open(cfg->database_url);	/* may be NULL: retried per request */
	FCGX_InitRequest(&fr, sock, FCGI_FAIL_ACCEPT_ON_INTR);
	while (!stopping && FCGX_Accept_r(&fr) == 0) {
		serve_one(&w, &fr);
		FCGX_Finish_r(&fr);
	}
	FCGX_Free(&fr, 1);
	db_close(w.db);
	tg_free(w.tg);
	arena_free(w.arena);
	return 0;
}

/* Plain CGI (e.g. under fcgiwrap or a host without FastCGI): one request from the environment and stdin. */
static int
serve_cgi(const struct config *cfg)
{
	struct worker w;
	struct http_request req;
	struct http_answer ans;
	char buf[8192];
	size_t n;

	memset(&w, 0, sizeof w);
	memset(&req, 0, sizeof req);
	memset(&ans, 0, sizeof ans);
	w.cfg = cfg;
	w.arena = arena_new();
	w.tg = tg_new(cfg->telegram_api, cfg->bot_token, TG_TIMEOUT_MS);
	req.method = getenv("REQUEST_METHOD") ? getenv("REQUEST_METHOD") : "";
	req.path = getenv("DOCUMENT_URI") ? getenv("DOCUMENT_URI") : getenv("SCRIPT_NAME");
	req.secret = getenv("HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN");
	req.content_length = content_length(getenv("CONTENT_LENGTH"));
	while (req.content_length <= HTTP_MAX_BODY && req.body.len <= HTTP_MAX_BODY &&
	    (n = fread(buf, 1, sizeof buf, stdin)) > 0)
		strbuf_add(&req.body, buf, n);
	http_handle(&w, &req, &ans);
	write_answer(&ans, put_stdout, stdout);
	strbuf_release(&req.body);
	strbuf_release(&ans.body);
	db_close(w.db);
	tg_free(w.tg);
	arena_free(w.arena);
	return 0;
}

/* No SA_RESTART: a blocked accept() or wait() must return when we are told to stop. */
static void
catch_stop_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static pid_t
spawn_worker(const struct config *cfg, int sock)
{
	pid_t pid = fork();

	if (pid == 0) {
		catch_stop_signals();
		exit(worker_loop(cfg, sock));
	}
	if (pid < 0)
		log_err("fork: %s", strerror(errno));
	return pid;
}

/* The parent keeps "n" workers alive until SIGTERM/SIGINT, then stops them and waits. */
/* Fills every empty slot (never started, fork failed, worker ended). */
static void
fill_slots(const struct config *cfg, int sock, pid_t *pids, int n)
{
	int i;

	for (i = 0; i < n && !stopping; i++)
		if (pids[i] <= 0)
			pids[i] = spawn_worker(cfg, sock);
}

/*
 * The parent keeps "n" workers alive until SIGTERM/SIGINT, then stops them
 * and waits. A worker that dies, or a fork that fails, is retried after a
 * second, so a worker crashing at start cannot make the parent spin.
 */
static int
supervise(const struct config *cfg, int sock, int n)
{
	pid_t pids[MAX_WORKERS], dead;
	int i, status;

	catch_stop_signals();
	memset(pids, 0, sizeof pids);
	fill_slots(cfg, sock, pids, n);
	log_info("fcgi: %d workers", n);
	while (!stopping) {
		dead = wait(&status);
		for (i = 0; i < n && dead > 0; i++) {
			if (pids[i] == dead) {
				log_warn("fcgi: worker %d ended (status %d), respawning", (int)dead, status);
				pids[i] = 0;
			}
		}
		if (stopping)
			break;
		if (dead > 0 || errno == ECHILD) {
			sleep(1);
			fill_slots(cfg, sock, pids, n);
		}
	}
	for (i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	while (wait(&status) > 0 || errno == EINTR)
		;
	log_info("fcgi: stopped");
	return 0;
}

int
main(int argc, char **argv)
{
	struct config cfg;
	const char *sockpath = NULL;
	long workers = sysconf(_SC_NPROCESSORS_ONLN);
	int ch, sock = 0;
	char *end;

	while ((ch = getopt(argc, argv, "s:w:")) != -1) {
		switch (ch) {
		case 's':
			sockpath = optarg;
			break;
		case 'w':
			workers = strtol(optarg, &end, 10);
			if (*end != '\0' || workers < 1 || workers > MAX_WORKERS)
				usage();
			break;
		default:
			usage();
		}
	}
	log_init("mystudentbot-fcgi");
	config_load_or_exit(&cfg, CONFIG_NEED_TOKEN);
	setenv("PGOPTIONS", DB_SESSION_OPTIONS, 0);
	tg_global_init();
	if (FCGX_Init() != 0) {
		log_err("fcgi: FCGX_Init failed");
		return 1;
	}
	if (sockpath == NULL && FCGX_IsCGI())
		return serve_cgi(&cfg);
	if (sockpath != NULL) {
		/* A unix socket the web server's group can use; libfcgi creates it. */
		if (sockpath[0] == '/' || sockpath[0] == '.')
			unlink(sockpath);	/* a socket left by a previous run */
		umask(007);
		if ((sock = FCGX_OpenSocket(sockpath, 128)) < 0) {
			log_err("fcgi: cannot listen on %s", sockpath);
			return 1;
		}
	}
	return supervise(&cfg, sock, workers < 1 ? 1 : (int)workers);
}
