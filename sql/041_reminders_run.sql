-- 041_reminders_run.sql: what a reminder run needs beyond the queue. See LICENSE.
-- A claim is a lease: a run marks the rows it is about to send with
-- claimed_until and commits at once, so no lock is held while Telegram
-- answers, and a run that dies leaves its rows to be claimed again after the
-- lease (at worst the one message in flight is repeated, none is lost).
ALTER TABLE reminders.queue
	ADD COLUMN claimed_until	timestamptz,
	ADD COLUMN last_error		text;

-- 'failed': Telegram refused the message itself (400); sending it again would not help.
ALTER TABLE reminders.queue DROP CONSTRAINT queue_status_check;
ALTER TABLE reminders.queue ADD CONSTRAINT queue_status_check
	CHECK (status IN ('pending', 'sent', 'missed', 'cancelled', 'failed'));

-- A 429 whose retry_after reaches past the run that got it: the runs after it
-- send nothing before not_before. One row: Telegram's flood wait is per bot.
CREATE TABLE reminders.pause (
	scope		text PRIMARY KEY CHECK (scope = 'bot'),
	not_before	timestamptz NOT NULL,
	set_at		timestamptz NOT NULL DEFAULT now()
);

-- The morning digest, off until a user asks for it ("resumen diario a las 8").
CREATE TABLE reminders.digest (
	user_id		bigint PRIMARY KEY REFERENCES core.users (user_id) ON DELETE CASCADE,
	at_time		time NOT NULL,		-- the user's local wall clock
	enabled		boolean NOT NULL DEFAULT true,
	updated_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX digest_enabled ON reminders.digest (at_time) WHERE enabled;
