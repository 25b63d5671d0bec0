-- 002_core_changes.sql: what a typed "deshacer" / "undo" takes back. See LICENSE.
-- One row per change a student could regret (a task added, done, moved, deleted; an expense
-- added; classes added or imported). "deshacer" takes back the newest one, once. The module
-- that made the change keeps what undoing needs (tasks.undo, the expense, the class batch);
-- "ref" points at it. A button may have undone it already: the module then finds nothing left.
-- Rows older than a month are dropped as new ones come.
CREATE TABLE core.changes (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	module		text NOT NULL,
	ref		bigint NOT NULL,
	made_at		timestamptz NOT NULL DEFAULT now(),
	undone_at	timestamptz
);
CREATE INDEX changes_user_latest ON core.changes (user_id, id);
CREATE INDEX changes_user_made ON core.changes (user_id, made_at);
