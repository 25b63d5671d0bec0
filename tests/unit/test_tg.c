/*
 * See LICENSE. test_tg.c: the Bot API client against a tiny local HTTP
 * responder (python3's http.server, started and stopped by this test):
 * JSON and multipart bodies, status classes, caps, timeouts, connection
 * reuse, and the token kept out of descriptions and logs.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/log.h"
#include "core/strbuf.h"
#include "json/json.h"
#include "telegram/tg.h"

#define TOKEN	"123456:SECRET-tok_en"

static const char responder[] =
"import http.server, json, sys, time\n"
"TOK = '/bot" TOKEN "/'\n"
"class H(http.server.BaseHTTPRequestHandler):\n"
"    protocol_version = 'HTTP/1.1'\n"
"    def log_message(self, *a): pass\n"
"    def send(self, code, body, hdrs=()):\n"
"        if isinstance(body, dict): body = json.dumps(body).encode()\n"
"        self.send_response(code)\n"
"        for k, v in hdrs: self.send_header(k, v)\n"
"        self.send_header('Content-Length', str(len(body)))\n"
"        self.end_headers()\n"
"        self.wfile.write(body)\n"
"    def do_GET(self):\n"
"        if self.path == '/file' + TOK + 'docs/f.pdf': self.send(200, b'x' * 1000)\n"
"        elif self.path == '/file' + TOK + 'docs/big.bin': self.send(200, b'y' * 5000)\n"
"        else: self.send(404, {'ok': False, 'error_code': 404, 'description': 'Not Found'})\n"
"    def do_POST(self):\n"
"        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))\n"
"        if not self.path.startswith(TOK): return self.send(401, {'ok': False, 'description': 'Unauthorized'})\n"
"        m = self.path[len(TOK):]\n"
"        if m == 'ok': self.send(200, {'ok': True, 'result': {'ct': self.headers.get('Content-Type'),\n"
"            'echo': body.decode('latin-1'), 'peer': self.client_address[1]}})\n"
"        elif m == 'retry': self.send(429, {'ok': False, 'error_code': 429, 'description': 'Too Many Requests: retry after 7200',\n"
"            'parameters': {'retry_after': 7200}})\n"
"        elif m == 'retryhdr': self.send(429, {'ok': False}, [('Retry-After', '15')])\n"
"        elif m == 'blocked': self.send(403, {'ok': False, 'error_code': 403, 'description': 'Forbidden: bot was blocked by the user'})\n"
"        elif m == 'bad': self.send(400, {'ok': False, 'error_code': 400, 'description': 'Bad Request: chat not found'})\n"
"        elif m == 'echotoken': self.send(400, {'ok': False, 'description': 'no route ' + self.path})\n"
"        elif m == 'notok': self.send(200, {'ok': False})\n"
"        elif m == 'boom': self.send(502, b'<html>bad gateway</html>')\n"
"        elif m == 'big': self.send(200, b' ' * (2 * 1024 * 1024))\n"
"        elif m == 'slow': time.sleep(2); self.send(200, {'ok': True})\n"
"        else: self.send(404, {'ok': False})\n"
"s = http.server.ThreadingHTTPServer(('127.0.0.1', 0), H)\n"
"print(s.server_address[1], flush=True)\n"
"s.serve_forever()\n";

static pid_t	peer_pid;
static char	api[64];

static int
start_peer(void **state)
{
	int	 fds[2], port = 0;
	FILE	*f;

	if (pipe(fds) != 0)
		fail_msg("pipe");
	if ((peer_pid = fork()) == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		execl("/usr/bin/python3", "python3", "-c", responder, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	f = fdopen(fds[0], "r");
	if (fscanf(f, "%d", &port) != 1 || port <= 0)
		fail_msg("the python3 HTTP responder did not start");
	fclose(f);
	snprintf(api, sizeof api, "http://127.0.0.1:%d/", port);
	setenv("MSB_LOG_STDERR", "1", 1);
	log_init("test_tg");
	return 0;
}

static int
stop_peer(void **state)
{
	if (peer_pid > 0) {
		kill(peer_pid, SIGTERM);
		waitpid(peer_pid, NULL, 0);
	}
	return 0;
}

/* Runs a call with stderr captured; fails if the token shows up in a log line. */
static int
call_json(struct tg *tg, const char *method, const char *json, struct tg_result *res)
{
	char	 path[] = "/tmp/msb-testtg-XXXXXX", buf[8192];
	int	 fd = mkstemp(path), saved = dup(2), rc;
	ssize_t	 n;

	fflush(stderr);
	dup2(fd, 2);
	rc = tg_call_json(tg, method, json, strlen(json), res);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, sizeof buf - 1);
	buf[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink(path);
	if (strstr(buf, "SECRET") != NULL)
		fail_msg("token in log: %s", buf);
	if (strstr(res->description, "SECRET") != NULL)
		fail_msg("token in description: %s", res->description);
	return rc;
}

static void
test_json_ok(void **state)
{
	static const char *ct[] = { "result", "ct", NULL };
	static const char *echo[] = { "result", "echo", NULL };
	static const char *peer[] = { "result", "peer", NULL };
	struct tg		*tg = tg_new(api, TOKEN, 5000);
	struct tg_result	 res;
	struct json_doc		*d;
	char			 err[64];
	int64_t			 p1 = 0, p2 = -1;
	int			 i;

	for (i = 0; i < 2; i++) {
		assert_int_equal(call_json(tg, "ok", "{\"chat_id\":1,\"text\":\"hi\"}", &res), 0);
		assert_int_equal(res.status, TG_OK);
		assert_int_equal(res.http_code, 200);
		d = json_parse(res.body.buf, res.body.len, 1 << 20, 16, err, sizeof err);
		assert_non_null(d);
		assert_string_equal(json_get_str(json_root(d), ct), "application/json");
		assert_string_equal(json_get_str(json_root(d), echo), "{\"chat_id\":1,\"text\":\"hi\"}");
		assert_int_equal(json_get_i64(json_root(d), peer, i == 0 ? &p1 : &p2), 0);
		json_free(d);
		tg_result_release(&res);
	}
	assert_true(p1 == p2);	/* the same TCP connection both times */
	tg_free(tg);
	tg_free(NULL);
}

static void
test_classes(void **state)
{
	static const struct { const char *method; enum tg_status st; long code, retry;
	    const char *desc; } cases[] = {
		{ "retry", TG_RETRY_AFTER, 429, 7200, "Too Many Requests: retry after 7200" },
		{ "retryhdr", TG_RETRY_AFTER, 429, 15, "HTTP 429" },
		{ "blocked", TG_BLOCKED, 403, 0, "Forbidden: bot was blocked by the user" },
		{ "bad", TG_REJECTED, 400, 0, "Bad Request: chat not found" },
		{ "echotoken", TG_REJECTED, 400, 0, "no route /bot<token>/echotoken" },
		{ "notok", TG_REJECTED, 200, 0, "HTTP 200" },
		{ "boom", TG_SERVER_ERROR, 502, 0, "HTTP 502 (answer is not JSON)" },
		{ "big", TG_REJECTED, 200, 0, "answer larger than 1048576 bytes" },
		{ "bad_method!", TG_REJECTED, 0, 0, "bad Bot API method name" },
	};
	struct tg		*tg = tg_new(api, TOKEN, 5000);
	struct tg_result	 res;
	size_t			 i;

	assert_int_equal(tg_call_json(tg, "ok", NULL, 0, &res), -1);
	assert_int_equal(res.status, TG_REJECTED);
	tg_result_release(&res);

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(call_json(tg, cases[i].method, "{}", &res), -1);
		if (res.status != cases[i].st || res.http_code != cases[i].code ||
		    res.retry_after != cases[i].retry ||
		    strcmp(res.description, cases[i].desc) != 0)
			fail_msg("%s: got %s %ld %ld \"%s\"", cases[i].method,
			    tg_status_name(res.status), res.http_code, res.retry_after,
			    res.description);
		tg_result_release(&res);
	}
	tg_free(tg);
}

static void
test_network(void **state)
{
	struct tg		*tg = tg_new("http://127.0.0.1:1", TOKEN, 2000);
	struct tg_result	 res;

	assert_int_equal(call_json(tg, "ok", "{}", &res), -1);
	assert_int_equal(res.status, TG_NETWORK);
	assert_int_equal(res.http_code, 0);
	assert_string_equal(res.description, "Couldn't connect to server");
	tg_result_release(&res);
	tg_free(tg);
	tg = tg_new(api, TOKEN, 500);
	assert_int_equal(call_json(tg, "slow", "{}", &res), -1);
	assert_int_equal(res.status, TG_NETWORK);
	assert_string_equal(res.description, "Timeout was reached");
	tg_result_release(&res);
	tg_free(tg);
}

static void
test_multipart(void **state)
{
	static const char png[] = "\x89PNG\r\n\x1a\n\0binary";
	static const char *echo[] = { "result", "echo", NULL };
	static const char *ct[] = { "result", "ct", NULL };
	const struct tg_part parts[] = {
		{ "chat_id", "42", 2, NULL, NULL },
		{ "photo", png, sizeof png - 1, "chart.png", "image/png" },
	};
	struct tg		*tg = tg_new(api, TOKEN, 5000);
	struct tg_result	 res;
	struct json_doc		*d;
	const char		*body;
	char			 err[64];

	assert_int_equal(tg_call_multipart(tg, "ok", parts, 2, &res), 0);
	d = json_parse(res.body.buf, res.body.len, 1 << 20, 16, err, sizeof err);
	assert_non_null(d);
	assert_true(strncmp(json_get_str(json_root(d), ct), "multipart/form-data; boundary=", 30) == 0);
	body = json_get_str(json_root(d), echo);
	assert_non_null(strstr(body, "name=\"chat_id\"\r\n\r\n42\r\n"));
	assert_non_null(strstr(body, "name=\"photo\"; filename=\"chart.png\"\r\nContent-Type: image/png"));
	assert_non_null(strstr(body, "\xc2\x89PNG"));	/* latin-1 echo of 0x89, as UTF-8 */
	json_free(d);
	tg_result_release(&res);
	tg_free(tg);
}

static void
test_download(void **state)
{
	struct tg		*tg = tg_new(api, TOKEN, 5000);
	struct tg_result	 res;

	assert_int_equal(tg_download(tg, "docs/f.pdf", 1000, &res), 0);
	assert_int_equal(res.body.len, 1000);
	tg_result_release(&res);
	assert_int_equal(tg_download(tg, "docs/big.bin", 1000, &res), -1);
	assert_int_equal(res.status, TG_REJECTED);
	assert_string_equal(res.description, "answer larger than 1000 bytes");
	tg_result_release(&res);
	assert_int_equal(tg_download(tg, "docs/none", 1000, &res), -1);
	assert_int_equal(res.status, TG_REJECTED);
	assert_int_equal(res.http_code, 404);
	tg_result_release(&res);
	assert_int_equal(tg_download(tg, "../etc/passwd", 1000, &res), -1);
	assert_int_equal(tg_download(tg, "/abs", 1000, &res), -1);
	assert_int_equal(tg_download(tg, "a?b", 1000, &res), -1);
	assert_int_equal(res.http_code, 0);
	tg_result_release(&res);
	tg_free(tg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_ok),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_network),
		cmocka_unit_test(test_multipart),
		cmocka_unit_test(test_download),
	};

	return cmocka_run_group_tests(tests, start_peer, stop_peer);
}
