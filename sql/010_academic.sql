-- 010_academic.sql: subjects, weekly classes, the term, days without class, class warnings, the feed token. See LICENSE.
-- Classes are a weekday plus local wall-clock times: the instant of each occurrence is
-- computed in the user's zone (core.users.tz) when needed, so daylight saving is always right.
CREATE SCHEMA IF NOT EXISTS academic;

-- One number per "add" or ".ics import", so its undo button removes exactly what it added.
CREATE SEQUENCE academic.batches;

CREATE TABLE academic.subjects (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	code		text NOT NULL CHECK (length(code) BETWEEN 1 AND 128),	-- "CC", as the student says it
	name		text CHECK (length(name) <= 128),			-- "Cloud Computing", optional
	color		smallint NOT NULL DEFAULT 0,				-- palette index of the timetable
	batch_id	bigint,							-- the add/import that created it
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX subjects_user_code ON academic.subjects (user_id, lower(code));

CREATE TABLE academic.classes (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	subject_id	bigint NOT NULL REFERENCES academic.subjects (id) ON DELETE CASCADE,
	weekday		smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),	-- ISO: 1 = Monday
	start_time	time NOT NULL,
	end_time	time NOT NULL CHECK (end_time > start_time),
	room		text CHECK (length(room) <= 64),
	kind		text CHECK (kind IN ('theory', 'lab')),
	-- Every other week: the class meets in weeks whose Monday is a multiple of
	-- every_weeks weeks away from anchor_monday.
	every_weeks	smallint NOT NULL DEFAULT 1 CHECK (every_weeks IN (1, 2)),
	anchor_monday	date NOT NULL CHECK (extract(isodow FROM anchor_monday) = 1),
	batch_id	bigint NOT NULL,
	created_at	timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX classes_unique_slot ON academic.classes
	(user_id, subject_id, weekday, start_time, end_time, (coalesce(room, '')));
CREATE INDEX classes_user_day ON academic.classes (user_id, weekday, start_time);
CREATE INDEX classes_batch ON academic.classes (user_id, batch_id);

-- The term: classes happen only between these days (either may be unknown).
CREATE TABLE academic.terms (
	user_id		bigint PRIMARY KEY REFERENCES core.users (user_id) ON DELETE CASCADE,
	starts_on	date,
	ends_on		date,
	CHECK (starts_on IS NULL OR ends_on IS NULL OR starts_on <= ends_on)
);

CREATE TABLE academic.days_off (
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	day		date NOT NULL,
	PRIMARY KEY (user_id, day)
);

-- Created with the first class: warnings are on, 30 minutes ahead, unless the student says otherwise.
CREATE TABLE academic.settings (
	user_id		bigint PRIMARY KEY REFERENCES core.users (user_id) ON DELETE CASCADE,
	warn_on		boolean NOT NULL DEFAULT true,
	warn_minutes	integer NOT NULL DEFAULT 30 CHECK (warn_minutes BETWEEN 1 AND 1440),
	feed_token	text UNIQUE CHECK (length(feed_token) >= 32)	-- hex of >= 128 random bits
);
CREATE INDEX settings_warn ON academic.settings (user_id) WHERE warn_on;
