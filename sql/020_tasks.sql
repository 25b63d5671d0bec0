-- 020_tasks.sql: tasks, their reminder lead times and their undo records. See LICENSE.
-- A task's reminders live in reminders.queue (kind 'task', ref_id = task id),
-- written in the same transaction as the task change.
CREATE SCHEMA IF NOT EXISTS tasks;

-- Default lead times (minutes before the due instant) per user; no row means {1440,120}.
CREATE TABLE tasks.settings (
	user_id		bigint PRIMARY KEY REFERENCES core.users (user_id) ON DELETE CASCADE,
	leads		integer[] NOT NULL DEFAULT '{1440,120}'
);

-- status: 'draft' while a due date in the past waits for the user's answer;
-- 'deleted' rows stay so that a delete can be undone (and are purged later).
CREATE TABLE tasks.tasks (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	title		text NOT NULL CHECK (length(title) BETWEEN 1 AND 1024),
	subject		text,				-- as the user named it ("CC"), NULL when none
	due_at		timestamptz NOT NULL,
	has_time	boolean NOT NULL,		-- false: due at 23:59 local of that day
	leads		integer[],			-- this task's own lead times; NULL = the user's defaults
	status		text NOT NULL DEFAULT 'pending'
			CHECK (status IN ('draft', 'pending', 'done', 'deleted')),
	done_at		timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_user_status_due ON tasks.tasks (user_id, status, due_at);

-- The numbering of the last list shown, so "hecho 2" means the task the user saw as 2.
CREATE TABLE tasks.last_list (
	user_id		bigint PRIMARY KEY REFERENCES core.users (user_id) ON DELETE CASCADE,
	ids		bigint[] NOT NULL,
	shown_at	timestamptz NOT NULL DEFAULT now()
);

-- One undo per confirmation: the action and the task's whole row before it
-- (for 'add', the row as if it had never been: status 'deleted'). Undo
-- restores "prev" with jsonb_populate_record, whatever the action was.
CREATE TABLE tasks.undo (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	task_id		bigint NOT NULL REFERENCES tasks.tasks (id) ON DELETE CASCADE,
	action		text NOT NULL CHECK (action IN ('add', 'done', 'delete', 'edit', 'remind')),
	prev		jsonb NOT NULL,
	used_at		timestamptz,
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX undo_user_recent ON tasks.undo (user_id, id DESC) WHERE used_at IS NULL;
