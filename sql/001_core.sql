-- 001_core.sql: users and processed updates. See LICENSE.
-- Every module owns one schema; core holds what the dispatcher itself needs.
CREATE SCHEMA IF NOT EXISTS core;

CREATE TABLE core.users (
	user_id		bigint PRIMARY KEY,		-- Telegram user id (64-bit)
	chat_id		bigint NOT NULL,		-- their private chat
	lang		text NOT NULL DEFAULT 'es' CHECK (lang IN ('es', 'en')),
	tz		text NOT NULL DEFAULT 'Europe/Madrid',
	active		boolean NOT NULL DEFAULT true,	-- false once they blocked the bot
	first_name	text,
	-- Flood control: updates counted in the current minute, kept on the row the
	-- dispatcher upserts anyway, so counting costs no extra statement.
	flood_window	timestamptz NOT NULL DEFAULT date_trunc('minute', now()),
	flood_hits	integer NOT NULL DEFAULT 0,
	created_at	timestamptz NOT NULL DEFAULT now(),
	updated_at	timestamptz NOT NULL DEFAULT now()
);

-- One row per update_id processed. A unique key, never "the highest seen":
-- Telegram's ids jump after a week of silence. Pruned after a week.
CREATE TABLE core.updates (
	update_id	bigint PRIMARY KEY,
	received_at	timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX updates_received_at ON core.updates (received_at);
