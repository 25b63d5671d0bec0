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

-- Per-user flood control: updates counted per minute window.
CREATE TABLE core.flood (
	user_id		bigint PRIMARY KEY,
	window_start	timestamptz NOT NULL,
	hits		integer NOT NULL
);
