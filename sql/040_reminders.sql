-- 040_reminders.sql: the reminder queue. See LICENSE.
-- Owners (tasks, academic, ...) schedule rows; mystudentbot-remind claims due
-- ones with FOR UPDATE SKIP LOCKED and marks them sent only after Telegram accepted them.
CREATE SCHEMA IF NOT EXISTS reminders;

CREATE TABLE reminders.queue (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	kind		text NOT NULL,
	ref_id		bigint NOT NULL,
	due_at		timestamptz NOT NULL,
	expires_at	timestamptz NOT NULL,
	text_html	text NOT NULL,
	status		text NOT NULL DEFAULT 'pending'
			CHECK (status IN ('pending', 'sent', 'missed', 'cancelled')),
	attempts	integer NOT NULL DEFAULT 0,
	sent_at		timestamptz,
	UNIQUE (kind, ref_id, due_at)
);
-- The one indexed query of a run: pending rows whose moment has come.
CREATE INDEX queue_pending_due ON reminders.queue (due_at) WHERE status = 'pending';
CREATE INDEX queue_owner ON reminders.queue (user_id, kind, ref_id);
