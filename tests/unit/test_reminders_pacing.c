/* See LICENSE. test_reminders_pacing.c: the pacing arithmetic of the reminder run (pure: no clock, no I/O). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "reminders/pacing.h"

#define MS 1000000LL
#define S  1000000000LL

/* Sends as fast as the pacer allows: returns the instant of each of "n" sends to distinct chats. */
static void
drive(struct pacer *p, int n, int64_t *at)
{
	int64_t now = 0;
	int i;

	for (i = 0; i < n; i++) {
		now = pacer_ready(p, 1000 + i, now);
		at[i] = now;
		pacer_sent(p, 1000 + i, now);
	}
}

static void
test_interval_rounds_up(void **state)
{
	struct pacer p;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	assert_int_equal(p.interval_ns, 33333334);	/* never faster than 30 a second */
	pacer_init(&p, 1, 0, 0);
	assert_int_equal(p.interval_ns, S);
	pacer_init(&p, 0, -5, 0);			/* nonsense is clamped to something sane */
	assert_int_equal(p.interval_ns, S);
	assert_int_equal(p.chat_gap_ns, 0);
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

static void
test_never_more_than_rate_in_any_second(void **state)
{
	int64_t at[300];
	struct pacer p;
	int i, j, worst = 0;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	drive(&p, 300, at);
	for (i = 0; i < 300; i++) {
		for (j = i; j < 300 && at[j] < at[i] + S; j++)
			;
		if (j - i > worst)
			worst = j - i;
	}
	assert_int_equal(worst, 30);
	/* And not slower either: 300 sends take 10 s, to the interval's rounding. */
	assert_true(at[299] - at[0] >= 299 * 33333333LL);
	assert_true(at[299] - at[0] <= 299 * 33333334LL);
	pacer_release(&p);
}

static void
test_one_chat_once_a_second(void **state)
{
	struct pacer p;
	int64_t t;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	t = pacer_ready(&p, 7, 0);
	pacer_sent(&p, 7, t);
	assert_int_equal(pacer_ready(&p, 7, t), t + 1000 * MS);
	/* Another chat only waits for the overall interval. */
	assert_int_equal(pacer_ready(&p, 8, t), t + 33333334);
	pacer_sent(&p, 8, t + 33333334);
	assert_int_equal(pacer_ready(&p, 7, t + 500 * MS), t + 1000 * MS);
	assert_int_equal(pacer_ready(&p, 7, t + 2 * S), t + 2 * S);
	pacer_release(&p);
}

static void
test_late_send_does_not_catch_up(void **state)
{
	struct pacer p;

	(void)state;
	pacer_init(&p, 10, 0, 0);		/* 100 ms */
	pacer_sent(&p, 1, 100 * MS);
	pacer_sent(&p, 2, 450 * MS);		/* woke up late */
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
	pacer_sent(&p, 1, S);
	/* retry_after 7 s from the 429 at 1.2 s: nothing before 8.2 s, and not a nanosecond later. */
	pacer_hold(&p, 8200 * MS);
	assert_int_equal(pacer_ready(&p, 2, S + 300 * MS), 8200 * MS);
	/* A hold shorter than the pacing already due changes nothing. */
	pacer_hold(&p, 0);
	assert_int_equal(pacer_ready(&p, 2, 0), 8200 * MS);
	pacer_release(&p);
}

static void
test_forgets_chats_after_their_gap(void **state)
{
	struct pacer p;
	int64_t t = 0;
	int i;

	(void)state;
	pacer_init(&p, 30, 1000, 0);
	for (i = 0; i < 1000; i++) {
		t = pacer_ready(&p, i, t);
		pacer_sent(&p, i, t);
	}
	/* Only chats written to within the last second are remembered: about rate * gap of them. */
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
		cmocka_unit_test(test_one_chat_once_a_second),
		cmocka_unit_test(test_late_send_does_not_catch_up),
		cmocka_unit_test(test_hold_is_exact),
		cmocka_unit_test(test_forgets_chats_after_their_gap),
		cmocka_unit_test(test_capacity),
		cmocka_unit_test(test_minute_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
