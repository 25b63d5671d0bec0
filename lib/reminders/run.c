/* See LICENSE. run.c: one reminder run: produce, claim, send paced, settle each row. */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "reminders/run.h"
#include "bot/bot.h"
#include "core/log.h"
#include "core/mem.h"
#include "db/db.h"
#include "reminders/pacing.h"
#include "reminders/reminders.h"
#include "reminders/senders.h"
#include "reminders/store.h"
#include "telegram/tg.h"

#define NS 1000000000LL

/*
 * The run's clock: it starts at opts->now (--now or the real time) and
 * advances with CLOCK_MONOTONIC, so a test run "at" 09:30 behaves as a real
 * one would, and the pacer works on the monotonic nanoseconds.
 */
struct run {
	struct db		*db;
	const struct remind_opts *o;
	struct remind_stats	*st;
	struct arena		*a;
	struct pacer		 pacer;
	double			 now0;		/* epoch seconds at mono0 */
	int64_t			 mono0;
	double			 claim_end;	/* epoch seconds: no claim after */
	double			 send_end;	/* no send after */
	double			 lease_until;	/* claimed rows are this run's until then */
	double			 next_run;	/* where a deferred row becomes claimable again */
	int			 errors_in_row;
	int			 stop;		/* end the run after the current row */
};

static int64_t
mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * NS + ts.tv_nsec;
}

static double
run_clock(const struct run *r)
{
	return r->now0 + (double)(mono_ns() - r->mono0) / 1e9;
}

static int64_t
to_mono(const struct run *r, double t)
{
	return r->mono0 + (int64_t)llround((t - r->now0) * 1e9);
}

static double
to_epoch(const struct run *r, int64_t m)
{
	return r->now0 + (double)(m - r->mono0) / 1e9;
}

/* Sleeps until monotonic instant "m", or less when a signal comes (the caller looks again). */
static void
sleep_until(int64_t m)
{
	struct timespec ts;

	ts.tv_sec = m / NS;
	ts.tv_nsec = m % NS;
	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
}

static int
stopping(const struct run *r)
{
	return r->stop || (r->o->stop != NULL && *r->o->stop);
}

/*
 * Each producer in its own transaction: a producer that fails (a module's
 * bug, a bad row) must not keep the other modules' reminders from going out.
 * Inside the dry run's one transaction, a savepoint each plays that part.
 */
static void
run_producers(struct run *r, bool nested)
{
	time_t from = (time_t)floor(r->now0) - REMIND_PRODUCER_SLACK;
	time_t to = (time_t)floor(r->now0) + 60;
	const char *begin = nested ? "SAVEPOINT producer" : "BEGIN";
	const char *commit = nested ? "RELEASE SAVEPOINT producer" : "COMMIT";
	const char *rollback = nested ? "ROLLBACK TO SAVEPOINT producer" : "ROLLBACK";
	size_t i;

	for (i = 0; reminder_producers[i] != NULL; i++) {
		if (db_exec(r->db, begin, 0, NULL) != 0) {
			r->st->producer_errors++;
			return;
		}
		if (reminder_producers[i](r->db, from, to) == 0 && db_exec(r->db, commit, 0, NULL) == 0)
			continue;
		db_exec(r->db, rollback, 0, NULL);
		r->st->producer_errors++;
		log_err("remind: producer %zu failed for [%lld, %lld)", i, (long long)from, (long long)to);
	}
}

/* The rows this run holds: claimed, not settled yet. Pointers into the run's arena. */
struct pool {
	struct due_row	**rows;
	size_t		  n, cap;
	bool		  exhausted;	/* the last claim found nothing more */
};

static void
pool_add(struct pool *p, struct due_row *row)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->rows = xrealloc(p->rows, p->cap * sizeof *p->rows);
	}
	p->rows[p->n++] = row;
}

/* Drops settled rows from the pool; returns how many are left to send (not in flight). */
static size_t
pool_compact(struct pool *p)
{
	size_t i, j, queued = 0;

	for (i = j = 0; i < p->n; i++)
		if (!p->rows[i]->done) {
			queued += !p->rows[i]->inflight;
			p->rows[j++] = p->rows[i];
		}
	p->n = j;
	return queued;
}

/* The queued row that may go first under the pacer, ties in due order; NULL when none. */
static struct due_row *
next_row(const struct run *r, const struct pool *p, int64_t now, int64_t *when)
{
	struct due_row *pick = NULL;
	int64_t t, best = INT64_MAX;
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->rows[i]->done || p->rows[i]->inflight)
			continue;
		t = pacer_ready(&r->pacer, p->rows[i]->chat_id, now);
		if (t < best) {
			best = t;
			pick = p->rows[i];
		}
	}
	*when = best;
	return pick;
}

/* Rows the claim settled itself (expired: missed; inactive user: cancelled) are counted, not sent. */
static void
settle_counts(struct run *r, struct due_row *rows, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (strcmp(rows[i].status, "missed") == 0) {
			r->st->missed++;
			rows[i].done = 1;
			log_info("remind: queue %" PRId64 " missed (expired before it could go)", rows[i].id);
		} else if (strcmp(rows[i].status, "cancelled") == 0) {
			r->st->cancelled++;
			rows[i].done = 1;
		}
	}
}

/*
 * Claims more rows when fewer than a batch wait, so the senders never run
 * dry between batches; no more than the pacer can send before the run ends.
 * Returns 1 if it claimed rows (even if the claim settled them all as
 * missed: there may be more behind them), 0 if not, -1 on error.
 */
static int
refill(struct run *r, struct pool *p, size_t queued)
{
	struct due_row *rows;
	size_t cap, held;
	int i, n;

	if (p->exhausted || queued >= REMIND_BATCH || stopping(r) || run_clock(r) >= r->claim_end)
		return 0;
	held = p->n;
	cap = pacer_capacity(&r->pacer, mono_ns(), to_mono(r, r->send_end), REMIND_BATCH + held);
	if (cap <= held)
		return 0;
	if ((n = store_claim(r->db, r->a, run_clock(r), r->lease_until, cap - held, &rows)) < 0)
		return -1;
	if (n == 0)
		p->exhausted = true;
	settle_counts(r, rows, n);
	for (i = 0; i < n; i++)
		if (!rows[i].done)
			pool_add(p, &rows[i]);
	return n > 0;
}

/* A 403: nothing more to this user; their queued rows here are cancelled like those in the database. */
static int
blocked(struct run *r, struct pool *p, int64_t user_id)
{
	size_t i;

	r->st->blocked++;
	if (store_block_user(r->db, user_id) != 0)
		return -1;
	for (i = 0; i < p->n; i++)
		if (p->rows[i]->user_id == user_id && !p->rows[i]->done && !p->rows[i]->inflight) {
			p->rows[i]->done = 1;
			r->st->cancelled++;
		}
	return 0;
}

/*
 * 429: wait exactly retry_after, counted from Telegram's answer, never
 * clamped. Within this run, the row goes back in the queue and nothing is
 * sent before the wait is over; past the run's end, "not before" is stored
 * for the next runs and this run ends.
 */
static int
flood_wait(struct run *r, struct due_row *row, long retry_after)
{
	int64_t until = mono_ns() + (int64_t)retry_after * NS;

	log_warn("remind: 429, retry_after %ld s", retry_after);
	if (to_epoch(r, until) <= r->send_end) {
		pacer_hold(&r->pacer, until);
		return 0;	/* row->done stays false: it is sent again after the wait */
	}
	r->st->paused = true;
	r->stop = 1;
	if (store_pause_set(r->db, to_epoch(r, until)) != 0)
		return -1;
	row->done = 1;
	r->st->deferred++;
	return store_defer(r->db, row, 0, "429 Too Many Requests");
}

/*
 * Settles a row whose call finished. It is marked 'sent' only now, after
 * Telegram accepted it, in a statement of its own: a crash between the send
 * and this statement repeats that one message on a later run (after the
 * lease), and loses none.
 */
static int
settle(struct run *r, struct pool *p, struct due_row *row, const struct tg_result *res)
{
	row->inflight = 0;
	pacer_done(&r->pacer, row->ticket, row->chat_id, row->done_ns);
	switch (res->status) {
	case TG_OK:
		row->done = 1;
		r->st->sent++;
		r->errors_in_row = 0;
		return store_mark_sent(r->db, row, to_epoch(r, row->sent_ns));
	case TG_RETRY_AFTER:
		return flood_wait(r, row, res->retry_after);
	case TG_BLOCKED:
		row->done = 1;
		r->st->cancelled++;
		return blocked(r, p, row->user_id);
	case TG_REJECTED:
		row->done = 1;
		r->st->failed++;
		log_err("remind: queue %" PRId64 " refused by Telegram: %s", row->id, res->description);
		return store_mark_final(r->db, row, "failed", res->description);
	case TG_SERVER_ERROR:
	case TG_NETWORK:
	default:
		row->done = 1;
		r->st->deferred++;
		log_warn("remind: queue %" PRId64 " left for the next run: %s", row->id,
		    tg_status_name(res->status));
		if (++r->errors_in_row >= REMIND_MAX_ERRORS)
			r->stop = 1;	/* Telegram is down: the next run tries again */
		return store_defer(r->db, row, r->next_run, res->description);
	}
}

/* Settles every finished call; with "until_ns", first waits for one until then. 0 or -1. */
static int
collect(struct run *r, struct pool *p, struct senders *s, int64_t until_ns)
{
	int i;

	while ((i = senders_wait(s, until_ns)) >= 0) {
		if (settle(r, p, senders_row(s, i), senders_result(s, i)) != 0) {
			senders_collect(s, i);
			return -1;
		}
		senders_collect(s, i);
		until_ns = 0;
	}
	return 0;
}

/* Hands "row" to an idle sender at this instant, unless it expired while it waited. */
static int
dispatch(struct run *r, struct senders *s, int slot, struct due_row *row)
{
	if (run_clock(r) >= row->expires_at) {
		row->done = 1;
		r->st->missed++;
		return store_mark_final(r->db, row, "missed", "expired while waiting");
	}
	row->inflight = 1;
	row->sent_ns = mono_ns();
	row->ticket = pacer_sent(&r->pacer, row->chat_id, row->sent_ns);
	senders_start(s, slot, row);
	return 0;
}

/*
 * The send loop: settle what finished, keep a batch claimed ahead, and
 * start the next row at the instant the pacer gives it, on an idle sender.
 * Ends when nothing is left, at the run's end or on a stop; then waits for
 * the calls in flight and gives back what was not sent.
 */
static int
send_loop(struct run *r, struct pool *p, struct senders *s)
{
	struct due_row *row;
	int64_t when;
	int claimed, slot;

	for (;;) {
		if (collect(r, p, s, 0) != 0 || (claimed = refill(r, p, pool_compact(p))) < 0)
			return -1;
		if (stopping(r))
			return 0;
		/* Nothing to send, or only what waits for an answer still in flight (pacing.h). */
		if ((row = next_row(r, p, mono_ns(), &when)) == NULL || when == PACER_WAIT) {
			if (claimed)
				continue;	/* a claim of only missed rows: claim again */
			if (senders_busy(s) == 0)
				return 0;
			if (collect(r, p, s, INT64_MAX) != 0)
				return -1;
			continue;
		}
		if (to_epoch(r, when) > r->send_end)
			return 0;
		if ((slot = senders_idle(s)) < 0) {
			if (collect(r, p, s, INT64_MAX) != 0)
				return -1;
			continue;
		}
		/*
		 * Not yet: wait for the row's instant, settling a result that comes
		 * first (a 429 moves every instant), then look again from the top.
		 */
		if (when > mono_ns()) {
			if (senders_busy(s) == 0)
				sleep_until(when);
			else if (collect(r, p, s, when) != 0)
				return -1;
			continue;
		}
		if (dispatch(r, s, slot, row) != 0)
			return -1;
	}
}

/* A stored 429 wait: sleep through it if it ends in time, otherwise this run sends nothing. */
static int
respect_pause(struct run *r)
{
	double nb;

	if (store_pause_get(r->db, &nb) != 0)
		return -1;
	if (nb <= run_clock(r))
		return 0;
	if (nb > r->claim_end) {
		r->st->paused = true;
		r->stop = 1;
		log_info("remind: Telegram asked to wait; nothing sent before %.0f", nb);
		return 0;
	}
	pacer_hold(&r->pacer, to_mono(r, nb));
	return 0;
}

static int
run_send(struct run *r)
{
	struct pool p;
	struct senders *s;
	size_t i;
	int rc;

	if (respect_pause(r) != 0)
		return -1;
	if (stopping(r))
		return 0;
	memset(&p, 0, sizeof p);
	s = senders_new(REMIND_SENDERS, r->o->api, r->o->token, REMIND_CALL_TIMEOUT_MS);
	rc = send_loop(r, &p, s);
	if (collect(r, &p, s, 0) != 0)
		rc = -1;
	while (senders_busy(s) > 0)
		if (collect(r, &p, s, INT64_MAX) != 0)
			rc = -1;
	for (i = 0; i < p.n; i++)
		if (!p.rows[i]->done) {
			p.rows[i]->done = 1;
			r->st->released++;
			if (store_release(r->db, p.rows[i]) != 0)
				rc = -1;
		}
	senders_free(s);
	free(p.rows);
	return rc;
}

static void
print_row(FILE *out, const struct due_row *row)
{
	const char *s;

	fprintf(out, "%s queue=%" PRId64 " user=%" PRId64 " chat=%" PRId64 " kind=%s due=%.0f ",
	    strcmp(row->status, "pending") == 0 ? "send" : row->status, row->id, row->user_id,
	    row->chat_id, row->kind, row->due_at);
	for (s = row->text; *s != '\0'; s++)	/* one line each */
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, out);
	fputc('\n', out);
}

/* --dry-run: the same producers and claims inside one transaction that is rolled back; no API call. */
static int
run_dry(struct run *r)
{
	struct due_row *rows;
	int i, n;

	if (db_begin(r->db) != 0)
		return -1;
	run_producers(r, true);
	while ((n = store_claim(r->db, r->a, r->now0, r->lease_until, 500, &rows)) > 0) {
		for (i = 0; i < n; i++)
			print_row(r->o->out ? r->o->out : stdout, &rows[i]);
		settle_counts(r, rows, n);
		for (i = 0; i < n; i++)
			if (!rows[i].done)
				r->st->sent++;
		arena_reset(r->a);
	}
	db_rollback(r->db);
	return n < 0 ? -1 : 0;
}

int
reminders_run(struct db *db, const struct remind_opts *o, struct remind_stats *st)
{
	struct run r;
	double minute_end;
	int rc;

	memset(&r, 0, sizeof r);
	memset(st, 0, sizeof *st);
	r.db = db;
	r.o = o;
	r.st = st;
	r.a = arena_new();
	r.now0 = o->now;
	r.mono0 = mono_ns();
	minute_end = (double)remind_minute_end((int64_t)floor(o->now));
	r.claim_end = minute_end - REMIND_CLAIM_MARGIN;
	r.send_end = minute_end - REMIND_SEND_MARGIN;
	r.next_run = minute_end;
	/* A run that dies leaves its claims to the run a minute after this one ends. */
	r.lease_until = minute_end + 60;
	pacer_init(&r.pacer, o->rate, o->chat_gap_ms, r.mono0);
	if (o->dry_run)
		rc = run_dry(&r);
	else {
		run_producers(&r, false);
		rc = run_send(&r);
	}
	pacer_release(&r.pacer);
	arena_free(r.a);
	return rc;
}
