/* See LICENSE. test_config.c: environment over file, defaults, every bad value, secrets never echoed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/config.h"

static const char *const all_keys[] = {
	"MSB_CONFIG", "MSB_DATABASE_URL", "MSB_BOT_TOKEN", "MSB_WEBHOOK_SECRET",
	"MSB_TELEGRAM_API", "MSB_TZ", "MSB_LANG", "MSB_PUBLIC_URL", "MSB_HTTP_PORT",
	"MSB_SEND_RATE", "MSB_CHAT_INTERVAL_MS", "MSB_FLOOD_PER_MINUTE", NULL
};

static char	cfgpath[64];

static int
clean_env(void **state)
{
	int	 i;

	for (i = 0; all_keys[i] != NULL; i++)
		unsetenv(all_keys[i]);
	return 0;
}

static void
write_file(const char *text)
{
	int	 fd;
	FILE	*f;

	snprintf(cfgpath, sizeof cfgpath, "/tmp/msb-config-XXXXXX");
	fd = mkstemp(cfgpath);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs(text, f);
	fclose(f);
	setenv("MSB_CONFIG", cfgpath, 1);
}

static void
test_defaults(void **state)
{
	struct config	 c;
	char		 err[512];

	assert_int_equal(config_load(&c, 0, err, sizeof err), 0);
	assert_string_equal(c.database_url, "host=" MSB_LOCAL_VAR "/run dbname=mystudentbot");
	assert_string_equal(c.telegram_api, "https://api.telegram.org");
	assert_string_equal(c.tz, "Europe/Madrid");
	assert_string_equal(c.lang, "es");
	assert_string_equal(c.bot_token, "");
	assert_string_equal(c.webhook_secret, "");
	assert_string_equal(c.public_url, "");
	assert_int_equal(c.http_port, 8080);
	assert_int_equal(c.send_rate, 30);
	assert_int_equal(c.chat_rate_ms, 1000);
	assert_int_equal(c.flood_per_minute, 60);
	assert_int_equal(config_load(&c, CONFIG_NEED_TOKEN, err, sizeof err), -1);
	assert_string_equal(err, "config: MSB_BOT_TOKEN is required (the bot's token from BotFather)");
}

static void
test_env_over_file(void **state)
{
	struct config	 c;
	char		 err[512];

	write_file("# a comment\n\n  MSB_LANG = en  \nMSB_TZ=America/New_York\r\n"
	    "MSB_BOT_TOKEN=\"123:fromfile\"\n\tMSB_HTTP_PORT=9000\n"
	    "MSB_TELEGRAM_API=http://127.0.0.1:8081///\nMSB_WEBHOOK_SECRET=s_e-c\n");
	setenv("MSB_LANG", "es", 1);
	setenv("MSB_HTTP_PORT", "", 1);		/* empty counts as unset */
	setenv("MSB_SEND_RATE", "5", 1);
	assert_int_equal(config_load(&c, CONFIG_NEED_TOKEN, err, sizeof err), 0);
	assert_string_equal(c.lang, "es");
	assert_string_equal(c.tz, "America/New_York");
	assert_string_equal(c.bot_token, "123:fromfile");
	assert_int_equal(c.http_port, 9000);
	assert_int_equal(c.send_rate, 5);
	assert_string_equal(c.telegram_api, "http://127.0.0.1:8081");
	assert_string_equal(c.webhook_secret, "s_e-c");
	unlink(cfgpath);
}

static void
test_missing_file(void **state)
{
	struct config	 c;
	char		 err[512];

	setenv("MSB_CONFIG", "/nonexistent/msb.conf", 1);
	assert_int_equal(config_load(&c, 0, err, sizeof err), -1);
	assert_string_equal(err, "config: cannot read MSB_CONFIG file /nonexistent/msb.conf: "
	    "No such file or directory");
}

static void
test_bad_file(void **state)
{
	static const struct { const char *text, *err; } cases[] = {
		{ "MSB_LANG=en\nMSB_COLOUR=blue\n", ":2: unknown key \"MSB_COLOUR\"" },
		{ "MSB_BOT_TOKEN 123:SECRETTOKEN\n", ":1: expected KEY=value" },
		{ "MSB_LANG=fr\n", "config: MSB_LANG must be es or en (got \"fr\")" },
	};
	struct config	 c;
	char		 err[512];
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_file(cases[i].text);
		assert_int_equal(config_load(&c, 0, err, sizeof err), -1);
		assert_non_null(strstr(err, cases[i].err));
		assert_null(strstr(err, "SECRETTOKEN"));
		assert_null(strchr(err, '\n'));
		unlink(cfgpath);
	}
}

static void
test_bad_values(void **state)
{
	static const struct { const char *key, *val, *err; } cases[] = {
		{ "MSB_LANG", "fr", "config: MSB_LANG must be es or en (got \"fr\")" },
		{ "MSB_TZ", "Mars/Olympus", "config: MSB_TZ must be an IANA time zone such as "
		    "Europe/Madrid (got \"Mars/Olympus\")" },
		{ "MSB_TZ", "../../etc/passwd", "config: MSB_TZ must be an IANA" },
		{ "MSB_TZ", "/usr/share/zoneinfo/UTC", "config: MSB_TZ must be an IANA" },
		{ "MSB_TELEGRAM_API", "ftp://x", "config: MSB_TELEGRAM_API must start with "
		    "http:// or https:// (got \"ftp://x\")" },
		{ "MSB_TELEGRAM_API", "https://", "config: MSB_TELEGRAM_API must start with" },
		{ "MSB_PUBLIC_URL", "example.org", "config: MSB_PUBLIC_URL must start with" },
		{ "MSB_HTTP_PORT", "0", "config: MSB_HTTP_PORT must be an integer from 1 to 65535 "
		    "(got \"0\")" },
		{ "MSB_HTTP_PORT", "65536", "config: MSB_HTTP_PORT must be an integer from 1 to 65535" },
		{ "MSB_HTTP_PORT", "80x", "config: MSB_HTTP_PORT must be an integer" },
		{ "MSB_SEND_RATE", "-3", "config: MSB_SEND_RATE must be a positive integer (got \"-3\")" },
		{ "MSB_CHAT_INTERVAL_MS", "0", "config: MSB_CHAT_INTERVAL_MS must be a positive" },
		{ "MSB_FLOOD_PER_MINUTE", "99999999999", "config: MSB_FLOOD_PER_MINUTE must be a positive" },
		{ "MSB_WEBHOOK_SECRET", "has space SECRETVAL", "config: MSB_WEBHOOK_SECRET must be "
		    "1-256 characters of A-Z a-z 0-9 _ - (value not shown)" },
		{ "MSB_BOT_TOKEN", "123:SECRETVAL/../x", "config: MSB_BOT_TOKEN has a character" },
		{ "MSB_TZ", "Europe/\nMadrid", "(got \"Europe/?Madrid\")" },
		{ "MSB_LANG", "english", "config: MSB_LANG must be es or en (got \"english\")" },
		{ "MSB_TZ", "Europe/Madrid/Madrid/Madrid/Madrid/Madrid/Madrid/Madrid/Madrid/Madrid",
		    "config: MSB_TZ is too long (at most 63 characters)" },
	};
	struct config	 c;
	char		 err[512];
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		clean_env(NULL);
		setenv(cases[i].key, cases[i].val, 1);
		assert_int_equal(config_load(&c, 0, err, sizeof err), -1);
		if (strstr(err, cases[i].err) == NULL)
			fail_msg("%s=%s gave: %s", cases[i].key, cases[i].val, err);
		assert_null(strstr(err, "SECRETVAL"));
		assert_null(strchr(err, '\n'));
	}
}

static void
test_secret_lengths(void **state)
{
	struct config	 c;
	char		 err[512], s[300];

	memset(s, 'a', sizeof s - 1);
	s[256] = '\0';
	setenv("MSB_WEBHOOK_SECRET", s, 1);
	assert_int_equal(config_load(&c, 0, err, sizeof err), 0);
	assert_int_equal(strlen(c.webhook_secret), 256);
	s[256] = 'a';
	s[257] = '\0';
	setenv("MSB_WEBHOOK_SECRET", s, 1);
	assert_int_equal(config_load(&c, 0, err, sizeof err), -1);
	assert_null(strstr(err, "aaaa"));
	setenv("MSB_BOT_TOKEN", s, 1);	/* too long for the token too: never echoed */
	unsetenv("MSB_WEBHOOK_SECRET");
	assert_int_equal(config_load(&c, 0, err, sizeof err), -1);
	assert_null(strstr(err, "aaaa"));
	assert_string_equal(c.bot_token, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_defaults, clean_env),
		cmocka_unit_test_setup(test_env_over_file, clean_env),
		cmocka_unit_test_setup(test_missing_file, clean_env),
		cmocka_unit_test_setup(test_bad_file, clean_env),
		cmocka_unit_test_setup(test_bad_values, clean_env),
		cmocka_unit_test_setup(test_secret_lengths, clean_env),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
