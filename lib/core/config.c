/* See LICENSE. config.c: CONTRACT.md section 3: environment, then the MSB_CONFIG file, then defaults. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "core/tz.h"

#ifndef MSB_LOCAL_VAR
#define MSB_LOCAL_VAR "var"
#endif

enum kind { K_STR, K_INT };

/* Checks (and may normalise) a value; returns 0 or -1 with "err" filled. */
typedef int (*check_fn)(const char *key, char *val, char *err, size_t errlen);

/* One row per key: where it goes in struct config, its default and its check. */
struct key {
	const char	*name;
	enum kind	 kind;
	size_t		 off;
	size_t		 size;		/* of the char array, for K_STR */
	const char	*dflt;		/* NULL: none (stays "") */
	int		 lo, hi;	/* bounds, for K_INT */
	check_fn	 check;
};

static int	check_token(const char *, char *, char *, size_t);
static int	check_secret(const char *, char *, char *, size_t);
static int	check_url(const char *, char *, char *, size_t);
static int	check_tz(const char *, char *, char *, size_t);
static int	check_lang(const char *, char *, char *, size_t);

#define S(f)	offsetof(struct config, f), sizeof(((struct config *)0)->f)
#define I(f)	offsetof(struct config, f), 0
static const struct key keys[] = {
	{ "MSB_DATABASE_URL", K_STR, S(database_url),
	    "host=" MSB_LOCAL_VAR "/run dbname=mystudentbot", 0, 0, NULL },
	{ "MSB_BOT_TOKEN", K_STR, S(bot_token), NULL, 0, 0, check_token },
	{ "MSB_WEBHOOK_SECRET", K_STR, S(webhook_secret), NULL, 0, 0, check_secret },
	{ "MSB_TELEGRAM_API", K_STR, S(telegram_api), "https://api.telegram.org", 0, 0,
	    check_url },
	{ "MSB_TZ", K_STR, S(tz), "Europe/Madrid", 0, 0, check_tz },
	{ "MSB_LANG", K_STR, S(lang), "es", 0, 0, check_lang },
	{ "MSB_PUBLIC_URL", K_STR, S(public_url), NULL, 0, 0, check_url },
	{ "MSB_HTTP_PORT", K_INT, I(http_port), "8080", 1, 65535, NULL },
	{ "MSB_SEND_RATE", K_INT, I(send_rate), "30", 1, INT_MAX, NULL },
	{ "MSB_CHAT_INTERVAL_MS", K_INT, I(chat_rate_ms), "1000", 1, INT_MAX, NULL },
	{ "MSB_FLOOD_PER_MINUTE", K_INT, I(flood_per_minute), "60", 1, INT_MAX, NULL },
};
#undef S
#undef I
#define NKEYS	(sizeof keys / sizeof keys[0])

static int
fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/*
 * A value as it may be quoted back to the operator: at most 60 bytes, and
 * control characters turned into "?", so the error stays one line.
 */
static const char *
shown(const char *v, char *buf, size_t len)
{
	size_t	 i;

	snprintf(buf, len, "%.60s%s", v, strlen(v) > 60 ? "..." : "");
	for (i = 0; buf[i] != '\0'; i++)
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
			buf[i] = '?';
	return buf;
}

/* Bot API tokens look like 123456:ABC-def_ghi; they go into URL paths, so nothing else is let in. */
static int
check_token(const char *key, char *v, char *err, size_t errlen)
{
	if (strspn(v, "0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-") !=
	    strlen(v))
		return fail(err, errlen, "config: %s has a character a token cannot have "
		    "(value not shown)", key);
	return 0;
}

/* Bot API setWebhook: secret_token is 1-256 characters, only A-Z, a-z, 0-9, _ and -. */
static int
check_secret(const char *key, char *v, char *err, size_t errlen)
{
	if (strlen(v) > 256 || strspn(v,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != strlen(v))
		return fail(err, errlen, "config: %s must be 1-256 characters of A-Z a-z 0-9 _ - "
		    "(value not shown)", key);
	return 0;
}

/* An http(s) base URL; the trailing "/" is dropped so paths can be appended with one. */
static int
check_url(const char *key, char *v, char *err, size_t errlen)
{
	char	 buf[80];
	size_t	 n = strlen(v), skip, i;

	skip = strncmp(v, "https://", 8) == 0 ? 8 : strncmp(v, "http://", 7) == 0 ? 7 : 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)v[i] <= 0x20 || v[i] == 0x7f)
			skip = 0;
	while (n > skip && skip > 0 && v[n - 1] == '/')
		v[--n] = '\0';
	if (skip == 0 || n == skip)
		return fail(err, errlen, "config: %s must start with http:// or https:// "
		    "(got \"%s\")", key, shown(v, buf, sizeof buf));
	return 0;
}

static int
check_tz(const char *key, char *v, char *err, size_t errlen)
{
	char	 buf[80];

	if (!tz_valid(v))
		return fail(err, errlen, "config: %s must be an IANA time zone such as "
		    "Europe/Madrid (got \"%s\")", key, shown(v, buf, sizeof buf));
	return 0;
}

static int
check_lang(const char *key, char *v, char *err, size_t errlen)
{
	char	 buf[80];

	if (strcmp(v, "es") != 0 && strcmp(v, "en") != 0)
		return fail(err, errlen, "config: %s must be es or en (got \"%s\")", key,
		    shown(v, buf, sizeof buf));
	return 0;
}

/* strtol with the whole string consumed and "k"'s bounds: no atoi (STYLE.md habit 4). */
static int
parse_int(const struct key *k, const char *v, int *out, char *err, size_t errlen)
{
	char	 buf[80], *end;
	long	 n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < k->lo || n > k->hi) {
		if (k->hi == INT_MAX)
			return fail(err, errlen, "config: %s must be a positive integer "
			    "(got \"%s\")", k->name, shown(v, buf, sizeof buf));
		return fail(err, errlen, "config: %s must be an integer from %d to %d "
		    "(got \"%s\")", k->name, k->lo, k->hi, shown(v, buf, sizeof buf));
	}
	*out = (int)n;
	return 0;
}

/* Copies, checks and stores value "v" of key "k" into "c". */
static int
set_key(struct config *c, const struct key *k, const char *v, char *err, size_t errlen)
{
	char	*dst = (char *)c + k->off, buf[80];

	if (k->kind == K_INT)
		return parse_int(k, v, (int *)(void *)dst, err, errlen);
	if (strlen(v) >= k->size && k->check == check_lang)
		return fail(err, errlen, "config: %s must be es or en (got \"%s\")", k->name,
		    shown(v, buf, sizeof buf));
	if (strlen(v) >= k->size)
		return fail(err, errlen, "config: %s is too long (at most %zu characters)",
		    k->name, k->size - 1);
	memcpy(dst, v, strlen(v) + 1);
	return k->check != NULL ? k->check(k->name, dst, err, errlen) : 0;
}

static const struct key *
find_key(const char *name)
{
	size_t	 i;

	for (i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = '\0';
	return s;
}

/*
 * One "KEY=value" line of file "path" (line "lineno") into "vals". Blank
 * lines and "#" comments are skipped; one pair of matching quotes around
 * the value is dropped. A line is never echoed: it may hold the token.
 */
static int
parse_line(char *line, const char *path, int lineno, char **vals, char *err, size_t errlen)
{
	const struct key	*k;
	char			*s = trim(line), *eq, *name, *val, buf[80];
	size_t			 n;

	if (*s == '\0' || *s == '#')
		return 0;
	if ((eq = strchr(s, '=')) == NULL)
		return fail(err, errlen, "config: %s:%d: expected KEY=value", path, lineno);
	*eq = '\0';
	name = trim(s);
	val = trim(eq + 1);
	if ((k = find_key(name)) == NULL)
		return fail(err, errlen, "config: %s:%d: unknown key \"%s\"", path, lineno,
		    shown(name, buf, sizeof buf));
	n = strlen(val);
	if (n >= 2 && (val[0] == '"' || val[0] == '\'') && val[n - 1] == val[0]) {
		val[n - 1] = '\0';
		val++;
	}
	free(vals[k - keys]);
	vals[k - keys] = strdup(val);
	if (vals[k - keys] == NULL)
		return fail(err, errlen, "config: out of memory");
	return 0;
}

static int
read_file(const char *path, char **vals, char *err, size_t errlen)
{
	FILE	*f;
	char	*line = NULL;
	size_t	 cap = 0;
	int	 lineno = 0, rc = -1;

	if ((f = fopen(path, "r")) == NULL)
		return fail(err, errlen, "config: cannot read MSB_CONFIG file %s: %s", path,
		    strerror(errno));
	while (getline(&line, &cap, f) != -1)
		if (parse_line(line, path, ++lineno, vals, err, errlen) != 0)
			goto out;
	if (ferror(f)) {
		fail(err, errlen, "config: cannot read MSB_CONFIG file %s: %s", path,
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	free(line);
	fclose(f);
	return rc;
}

/*
 * An empty environment variable counts as unset, so `MSB_TZ= prog` falls
 * back to the file and the default rather than failing validation.
 */
int
config_load(struct config *c, unsigned need, char *err, size_t errlen)
{
	char		*vals[NKEYS] = { NULL };
	const char	*file = getenv("MSB_CONFIG"), *v;
	size_t		 i;
	int		 rc = -1;

	memset(c, 0, sizeof *c);
	if (file != NULL && *file != '\0' && read_file(file, vals, err, errlen) != 0)
		goto out;
	for (i = 0; i < NKEYS; i++) {
		v = getenv(keys[i].name);
		if (v == NULL || *v == '\0')
			v = vals[i] != NULL && *vals[i] != '\0' ? vals[i] : keys[i].dflt;
		if (v != NULL && set_key(c, &keys[i], v, err, errlen) != 0)
			goto out;
	}
	if ((need & CONFIG_NEED_TOKEN) && c->bot_token[0] == '\0') {
		fail(err, errlen, "config: MSB_BOT_TOKEN is required (the bot's token from BotFather)");
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < NKEYS; i++) {
		if (vals[i] != NULL)
			explicit_bzero(vals[i], strlen(vals[i]));	/* the token was here */
		free(vals[i]);
	}
	if (rc != 0)
		memset(c->bot_token, 0, sizeof c->bot_token);
	return rc;
}

void
config_load_or_exit(struct config *c, unsigned need)
{
	char	 err[512];

	if (config_load(c, need, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		exit(2);
	}
}
