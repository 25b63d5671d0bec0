/* See LICENSE. warn_produce.c: the class-warning producer over one reminder run's window (bench/reminders.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "academic/academic.h"
#include "core/log.h"
#include "db/db.h"
#include "reminders/run.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Produces for [from, to) and adds the milliseconds it took to "ms"; -1 if it failed. */
static int
produce(struct db *db, time_t from, time_t to, double *ms)
{
	double t0 = now_ms();

	if (academic_warn_produce(db, from, to) != 0)
		return -1;
	*ms = now_ms() - t0;
	return 0;
}

static long
queued(struct db *db)
{
	struct db_res *r = db_query(db, "SELECT count(*) AS n FROM reminders.queue WHERE kind = 'class'", 0, NULL);
	long n = (long)db_get_i64(r, 0, "n", -1);

	db_res_free(r);
	return n;
}

/*
 * "warn_produce NOW [ROUNDS]": the producer as mystudentbot-remind calls it
 * at NOW (epoch seconds), once on an empty queue (every warning inserted)
 * and once more (every warning already there: the state of each of the next
 * ten runs), in a transaction rolled back after each round. Medians.
 */
int
main(int argc, char **argv)
{
	const char *url = getenv("MSB_DATABASE_URL");
	time_t now = argc > 1 ? (time_t)strtoll(argv[1], NULL, 10) : 0;
	int i, rounds = argc > 2 ? atoi(argv[2]) : 5;
	double fresh[64], again[64];
	struct db *db;
	long n = -1;

	log_init("warn_produce");
	if (url == NULL || now <= 0 || rounds < 1 || rounds > 64 || (db = db_open(url)) == NULL) {
		fprintf(stderr, "usage: MSB_DATABASE_URL=... warn_produce NOW_EPOCH [ROUNDS]\n");
		return 2;
	}
	for (i = 0; i < rounds; i++) {
		if (db_begin(db) != 0 || db_exec(db, "DELETE FROM reminders.queue WHERE kind = 'class'", 0, NULL) != 0 ||
		    produce(db, now - REMIND_PRODUCER_SLACK, now + 60, &fresh[i]) != 0 || (n = queued(db)) < 0 ||
		    produce(db, now - REMIND_PRODUCER_SLACK, now + 60, &again[i]) != 0 || db_rollback(db) != 0) {
			fprintf(stderr, "warn_produce: the producer failed\n");
			db_close(db);
			return 1;
		}
	}
	qsort(fresh, (size_t)rounds, sizeof fresh[0], cmp_double);
	qsort(again, (size_t)rounds, sizeof again[0], cmp_double);
	printf("  class-warning producer, %ld warnings in the run's window, queue empty (median of %d): %.0f ms\n",
	    n, rounds, fresh[rounds / 2]);
	printf("  class-warning producer, the same run again, all already queued (median of %d): %.0f ms\n",
	    rounds, again[rounds / 2]);
	db_close(db);
	return 0;
}
