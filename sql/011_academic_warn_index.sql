-- 011_academic_warn_index.sql: class warnings are found by the minute they start, not by user. See LICENSE.
-- The producer runs every minute for every student: it looks up the classes whose start falls in the
-- minute's local window of each (zone, lead) pair, so it reads a handful of rows instead of all of them.
CREATE INDEX classes_day_start ON academic.classes (weekday, start_time);
