/* See LICENSE. test_reminders_pacing.c: the pacing arithmetic of the reminder run (pure: no clock, no I/O). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "reminders/pacing.h"

#define MS 1000000LL
#define S  1000000000LL

/*
 * Calls to distinct chats as fast as the pacer allows, each answered
 * "latency(i)" after it started; "arrive" gets the instant Telegram would
 * count each one (start + arrival(i), at most the latency).
 */
static void
drive(struct pacer *p, int n, int64_t *start, int64_t *arrive, int64_t (*latency)(int),
    int64_t (*arrival)(int))
{
	int64_t now = 0, ticket;
	int i;

	for (i = 0; i < n; i++) {
		now = pacer_ready(p, 1000 + i, now);
		assert_true(now != PACER_WAIT);
		start[i] = now;
		ticket = pacer_sent(p, 1000 + i, now);
		if (arrive != NULL)
			arrive[i] = now + (arrival ? arrival(i) : 0);
		pacer_done(p, ticket, 1000 + i, now + (latency ? latency(i) : 0));
	}
}

/* The most instants of "at" inside one half-open second. */
static int
worst_second(const int64_t *at, int n)
{
	int i, j, k, worst = 0;

	for (i = 0; i < n; i++) {
		for (j = k = 0; j < n; j++)
			k += at[j] >= at[i] && at[j] < at[i] + S;
		if (k > worst)
			worst = k;
	}
	return worst;
}

static void
test_interval_rounds_up(void **state)
{
	struct pacer p;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	assert_int_equal(p.interval_ns, 33333334);	/* never faster than 30 a second */
	pacer_release(&p);
	pacer_init(&p, 1, 0, 0);
	assert_int_equal(p.interval_ns, S);
	pacer_release(&p);
	pacer_init(&p, 0, -5, 0);			/* nonsense is clamped to something sane */
	assert_int_equal(p.interval_ns, S);
	assert_int_equal(p.chat_gap_ns, 0);
	pacer_release(&p);
}

static void
test_first_send_waits_one_interval(void **state)
{
	struct pacer p;

	(void)state;
	pacer_init(&p, 30, 1000, 5 * S);
	/* A run starting right after another ended cannot exceed the rate across the two. */
	assert_int_equal(pacer_ready(&p, 42, 5 * S), 5 * S + 33333334);
	assert_int_equal(pacer_ready(&p, 42, 6 * S), 6 * S);
	pacer_release(&p);
}

static int64_t
instant(int i)
{
	(void)i;
	return 0;
}

static void
test_never_more_than_rate_in_any_second(void **state)
{
	int64_t start[300];
	struct pacer p;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	drive(&p, 300, start, NULL, instant, NULL);
	assert_int_equal(worst_second(start, 300), 30);
	/* And not slower either: 300 sends take 10 s, to the interval's rounding. */
	assert_true(start[299] - start[0] >= 299 * 33333333LL);
	assert_true(start[299] - start[0] <= 299 * 33333334LL);
	pacer_release(&p);
}

/* Calls 0..59 answered after 40 ms, and counted by Telegram just before the answer; the rest at once. */
static int64_t
slow_first(int i)
{
	return i < 60 ? 40 * MS : 0;
}

static int64_t
slow_first_arrival(int i)
{
	return i < 60 ? 39 * MS : 0;
}

static void
test_jitter_cannot_put_more_in_a_second(void **state)
{
	int64_t start[120], arrive[120];
	struct pacer p;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	drive(&p, 120, start, arrive, slow_first, slow_first_arrival);
	/*
	 * Evenly spaced starts alone would let Telegram count 31 in a second
	 * (a late arrival, then on-time ones); the answer rule prevents it.
	 */
	assert_true(worst_second(arrive, 120) <= 30);
	/* It costs only the latency: call 89 waits for the answer of call 59. */
	assert_true(start[89] >= start[59] + 40 * MS + S);
	assert_true(start[89] <= start[59] + 40 * MS + S + 33333334);
	pacer_release(&p);
}

static void
test_in_flight_blocks_what_depends_on_it(void **state)
{
	struct pacer p;
	int64_t t = 0, first;
	int i;

	(void)state;
	pacer_init(&p, 3, 0, 0);
	first = pacer_sent(&p, 1, pacer_ready(&p, 1, 0));
	for (i = 2; i <= 3; i++) {
		t = pacer_ready(&p, i, t);
		pacer_done(&p, pacer_sent(&p, i, t), i, t + MS);
	}
	/* The fourth call depends on the first, still unanswered. */
	assert_true(pacer_ready(&p, 4, t) == PACER_WAIT);
	pacer_done(&p, first, 1, 2 * S);
	assert_int_equal(pacer_ready(&p, 4, t), 3 * S);
	pacer_release(&p);
}

static void
test_one_chat_a_second_after_its_answer(void **state)
{
	struct pacer p;
	int64_t t, k;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	t = pacer_ready(&p, 7, 0);
	k = pacer_sent(&p, 7, t);
	assert_true(pacer_ready(&p, 7, t) == PACER_WAIT);	/* its answer is not in yet */
	/* Another chat only waits for the overall interval. */
	assert_int_equal(pacer_ready(&p, 8, t), t + 33333334);
	pacer_done(&p, k, 7, t + 5 * MS);
	assert_int_equal(pacer_ready(&p, 7, t), t + 1005 * MS);
	pacer_done(&p, pacer_sent(&p, 8, t + 33333334), 8, t + 34 * MS);
	assert_int_equal(pacer_ready(&p, 7, t + 500 * MS), t + 1005 * MS);
	assert_int_equal(pacer_ready(&p, 7, t + 2 * S), t + 2 * S);
	pacer_release(&p);
}

static void
test_late_send_does_not_catch_up(void **state)
{
	struct pacer p;

	(void)state;
	pacer_init(&p, 10, 0, 0);		/* 100 ms */
	pacer_done(&p, pacer_sent(&p, 1, 100 * MS), 1, 100 * MS);
	pacer_done(&p, pacer_sent(&p, 2, 450 * MS), 2, 450 * MS);	/* woke up late */
	/* The next one is an interval after the late send, not at the planned 300 ms. */
	assert_int_equal(pacer_ready(&p, 3, 450 * MS), 550 * MS);
	pacer_release(&p);
}

static void
test_hold_is_exact(void **state)
{
	struct pacer p;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	pacer_done(&p, pacer_sent(&p, 1, S), 1, S + 200 * MS);
	/* retry_after 7 s from the 429 answered at 1.2 s: nothing before 8.2 s, and not a nanosecond later. */
	pacer_hold(&p, 8200 * MS);
	assert_int_equal(pacer_ready(&p, 2, S + 300 * MS), 8200 * MS);
	assert_int_equal(pacer_ready(&p, 1, S + 300 * MS), 8200 * MS);
	/* A hold shorter than the pacing already due changes nothing. */
	pacer_hold(&p, 0);
	assert_int_equal(pacer_ready(&p, 2, 0), 8200 * MS);
	pacer_release(&p);
}

static void
test_forgets_chats_after_their_gap(void **state)
{
	int64_t start[1000];
	struct pacer p;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	drive(&p, 1000, start, NULL, instant, NULL);
	/* Only chats answered within the last second are remembered: about rate * gap of them. */
	assert_true(p.nchats <= 31);
	pacer_release(&p);
	assert_null(p.chats);
}

static void
test_capacity(void **state)
{
	struct pacer p;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	/* Slots every 33333334 ns from 33.3 ms: 29 by 1 s (the 30th is 20 ns late), 30 with 20 ns more. */
	assert_int_equal(pacer_capacity(&p, 0, S, 100), 29);
	assert_int_equal(pacer_capacity(&p, 0, S + 20, 100), 30);
	assert_int_equal(pacer_capacity(&p, 0, S, 10), 10);
	assert_int_equal(pacer_capacity(&p, 0, 10 * MS, 100), 0);
	assert_int_equal(pacer_capacity(&p, 2 * S, S, 100), 0);
	pacer_hold(&p, 50 * S);
	assert_int_equal(pacer_capacity(&p, 0, 49 * S, 100), 0);
	pacer_release(&p);
}

static void
test_minute_end(void **state)
{
	(void)state;
	assert_int_equal(remind_minute_end(0), 60);
	assert_int_equal(remind_minute_end(59), 60);
	assert_int_equal(remind_minute_end(60), 120);
	assert_int_equal(remind_minute_end(1894348800), 1894348860);	/* 2030-01-10T08:00:00Z */
	assert_int_equal(remind_minute_end(1894348859), 1894348860);
	assert_int_equal(remind_minute_end(-1), 0);
	assert_int_equal(remind_minute_end(-60), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interval_rounds_up),
		cmocka_unit_test(test_first_send_waits_one_interval),
		cmocka_unit_test(test_never_more_than_rate_in_any_second),
		cmocka_unit_test(test_jitter_cannot_put_more_in_a_second),
		cmocka_unit_test(test_in_flight_blocks_what_depends_on_it),
		cmocka_unit_test(test_one_chat_a_second_after_its_answer),
		cmocka_unit_test(test_late_send_does_not_catch_up),
		cmocka_unit_test(test_hold_is_exact),
		cmocka_unit_test(test_forgets_chats_after_their_gap),
		cmocka_unit_test(test_capacity),
		cmocka_unit_test(test_minute_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
