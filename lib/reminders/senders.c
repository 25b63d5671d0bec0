/* See LICENSE. senders.c: sender threads, one Bot API client each, driven by the run's thread. */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reminders/senders.h"
#include "core/mem.h"
#include "reminders/reminders.h"
#include "reminders/store.h"
#include "telegram/tg.h"

enum slot_state { SLOT_IDLE, SLOT_WORK, SLOT_DONE };

struct slot {
	struct senders		*s;
	pthread_t		 th;
	struct tg		*tg;
	enum slot_state		 state;
	struct due_row		*row;
	struct tg_result	 res;
};

struct senders {
	pthread_mutex_t	 mu;
	pthread_cond_t	 work;		/* run -> senders: a slot got a row, or quit */
	pthread_cond_t	 done;		/* senders -> run: a slot finished */
	bool		 quit;
	int		 n;
	struct slot	*slots;
};

static void *
sender_main(void *arg)
{
	struct slot *sl = arg;
	struct senders *s = sl->s;
	struct timespec now;

	pthread_mutex_lock(&s->mu);
	for (;;) {
		while (sl->state != SLOT_WORK && !s->quit)
			pthread_cond_wait(&s->work, &s->mu);
		if (sl->state != SLOT_WORK)
			break;
		pthread_mutex_unlock(&s->mu);
		memset(&sl->res, 0, sizeof sl->res);
		reminders_send(sl->tg, sl->row, &sl->res);
		clock_gettime(CLOCK_MONOTONIC, &now);
		sl->row->done_ns = (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
		pthread_mutex_lock(&s->mu);
		sl->state = SLOT_DONE;
		pthread_cond_signal(&s->done);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

struct senders *
senders_new(int n, const char *api, const char *token, long timeout_ms)
{
	struct senders *s = xcalloc(1, sizeof *s);
	pthread_condattr_t ca;
	int i;

	pthread_mutex_init(&s->mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);	/* senders_wait takes monotonic instants */
	pthread_cond_init(&s->work, NULL);
	pthread_cond_init(&s->done, &ca);
	pthread_condattr_destroy(&ca);
	s->n = n < 1 ? 1 : n;
	s->slots = xcalloc((size_t)s->n, sizeof *s->slots);
	tg_global_init();	/* once, before any thread: curl_global_init is not thread-safe */
	for (i = 0; i < s->n; i++) {
		s->slots[i].s = s;
		s->slots[i].tg = tg_new(api, token, timeout_ms);
		if (pthread_create(&s->slots[i].th, NULL, sender_main, &s->slots[i]) != 0)
			abort();	/* no thread for a few KB of stack: as out of memory */
	}
	return s;
}

void
senders_free(struct senders *s)
{
	int i;

	if (s == NULL)
		return;
	pthread_mutex_lock(&s->mu);
	s->quit = true;
	pthread_cond_broadcast(&s->work);
	pthread_mutex_unlock(&s->mu);
	for (i = 0; i < s->n; i++) {
		pthread_join(s->slots[i].th, NULL);
		if (s->slots[i].state == SLOT_DONE)
			tg_result_release(&s->slots[i].res);
		tg_free(s->slots[i].tg);
	}
	pthread_cond_destroy(&s->work);
	pthread_cond_destroy(&s->done);
	pthread_mutex_destroy(&s->mu);
	free(s->slots);
	free(s);
}

int
senders_idle(struct senders *s)
{
	int i, r = -1;

	pthread_mutex_lock(&s->mu);
	for (i = 0; i < s->n && r < 0; i++)
		if (s->slots[i].state == SLOT_IDLE)
			r = i;
	pthread_mutex_unlock(&s->mu);
	return r;
}

void
senders_start(struct senders *s, int i, struct due_row *row)
{
	pthread_mutex_lock(&s->mu);
	s->slots[i].row = row;
	s->slots[i].state = SLOT_WORK;
	pthread_cond_broadcast(&s->work);
	pthread_mutex_unlock(&s->mu);
}

int
senders_busy(struct senders *s)
{
	int i, n = 0;

	pthread_mutex_lock(&s->mu);
	for (i = 0; i < s->n; i++)
		n += s->slots[i].state != SLOT_IDLE;
	pthread_mutex_unlock(&s->mu);
	return n;
}

static int
find_done(const struct senders *s)
{
	int i;

	for (i = 0; i < s->n; i++)
		if (s->slots[i].state == SLOT_DONE)
			return i;
	return -1;
}

int
senders_wait(struct senders *s, int64_t until_ns)
{
	struct timespec ts;
	int i, rc = 0;

	ts.tv_sec = until_ns / 1000000000LL;
	ts.tv_nsec = until_ns % 1000000000LL;
	pthread_mutex_lock(&s->mu);
	while ((i = find_done(s)) < 0 && until_ns > 0 && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&s->done, &s->mu, &ts);
	pthread_mutex_unlock(&s->mu);
	return i;
}

struct due_row *
senders_row(struct senders *s, int i)
{
	return s->slots[i].row;
}

struct tg_result *
senders_result(struct senders *s, int i)
{
	return &s->slots[i].res;
}

void
senders_collect(struct senders *s, int i)
{
	pthread_mutex_lock(&s->mu);
	tg_result_release(&s->slots[i].res);
	s->slots[i].row = NULL;
	s->slots[i].state = SLOT_IDLE;
	pthread_mutex_unlock(&s->mu);
}
