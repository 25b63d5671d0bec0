/* See LICENSE. main.c: mystudentbot-remind, the cron job that sends every due reminder once (CONTRACT.md 6). */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "core/config.h"
#include "core/log.h"
#include "db/db.h"
#include "reminders/run.h"

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void
usage(void)
{
	fprintf(stderr, "usage: mystudentbot-remind [--now YYYY-MM-DDTHH:MM:SSZ] [--dry-run]\n");
}

/* "YYYY-MM-DDTHH:MM:SSZ" (UTC) into epoch seconds; -1 on anything else. */
static int
parse_now(const char *s, double *out)
{
	struct tm tm;
	const char *end;

	memset(&tm, 0, sizeof tm);
	if ((end = strptime(s, "%Y-%m-%dT%H:%M:%SZ", &tm)) == NULL || *end != '\0')
		return -1;
	*out = (double)timegm(&tm);
	return 0;
}

static int
parse_args(int argc, char **argv, struct remind_opts *o)
{
	struct timeval tv;
	int i;

	gettimeofday(&tv, NULL);
	o->now = (double)tv.tv_sec + tv.tv_usec / 1e6;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--dry-run") == 0)
			o->dry_run = true;
		else if (strcmp(argv[i], "--now") == 0 && i + 1 < argc) {
			if (parse_now(argv[++i], &o->now) != 0) {
				fprintf(stderr, "mystudentbot-remind: --now wants YYYY-MM-DDTHH:MM:SSZ (UTC)\n");
				return -1;
			}
		} else {
			usage();
			return -1;
		}
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct remind_opts o;
	struct remind_stats st;
	struct config cfg;
	struct db *db = NULL;
	int rc = 1;

	memset(&o, 0, sizeof o);
	if (parse_args(argc, argv, &o) != 0)
		return 2;
	config_load_or_exit(&cfg, CONFIG_NEED_TOKEN);
	log_init("mystudentbot-remind");
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	o.rate = cfg.send_rate;
	o.chat_gap_ms = cfg.chat_rate_ms;
	o.api = cfg.telegram_api;
	o.token = cfg.bot_token;
	o.out = stdout;
	o.stop = &stop;
	if ((db = db_open(cfg.database_url)) == NULL)
		goto out;
	if (reminders_run(db, &o, &st) != 0)
		goto out;
	/* One line when something happened: a quiet minute logs nothing. */
	if (st.sent + st.missed + st.cancelled + st.failed + st.deferred + st.blocked + st.released > 0 ||
	    st.paused)
		log_info("remind: sent %ld, missed %ld, cancelled %ld, failed %ld, deferred %ld,"
		    " blocked %ld, released %ld%s", st.sent, st.missed, st.cancelled, st.failed,
		    st.deferred, st.blocked, st.released, st.paused ? ", paused by a 429" : "");
	rc = st.producer_errors ? 1 : 0;
out:
	db_close(db);
	return rc;
}
