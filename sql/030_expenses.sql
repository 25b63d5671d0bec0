-- 030_expenses.sql: expenses, repeating expenses, budgets and the budget warnings already given. See LICENSE.
-- Money is numeric(12,2), never float. Dates are the user's local calendar days (the day the
-- money was spent, as they see it), so they are stored as date, not timestamptz.
CREATE SCHEMA IF NOT EXISTS expenses;

CREATE TABLE expenses.expenses (
	id		bigserial PRIMARY KEY,
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	amount		numeric(12,2) NOT NULL CHECK (amount > 0),
	currency	text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
	concept		text NOT NULL,
	category	text NOT NULL CHECK (category IN ('food', 'transport', 'housing', 'education',
			    'leisure', 'health', 'shopping', 'bills', 'other')),
	spent_on	date NOT NULL,			-- the (first) day
	every		text CHECK (every IN ('day', 'week', 'month', 'year')),	-- NULL: once
	until_on	date,				-- repeating: last day that still counts (stopped)
	created_at	timestamptz NOT NULL DEFAULT now(),
	CHECK (until_on IS NULL OR (every IS NOT NULL AND until_on >= spent_on - 1))
);
-- Totals of a period read one user's one-off rows by day; repeating rows are few and read whole.
CREATE INDEX expenses_user_day ON expenses.expenses (user_id, spent_on) WHERE every IS NULL;
CREATE INDEX expenses_user_repeating ON expenses.expenses (user_id) WHERE every IS NOT NULL;
CREATE INDEX expenses_user_created ON expenses.expenses (user_id, id);

-- One budget per user, period and currency.
CREATE TABLE expenses.budgets (
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	period		text NOT NULL CHECK (period IN ('week', 'month', 'year')),
	currency	text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
	amount		numeric(12,2) NOT NULL CHECK (amount > 0),
	set_at		timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, period, currency)
);

-- A warning given (80 or 100 percent) for one period: inserted once, so it fires once.
CREATE TABLE expenses.budget_alerts (
	user_id		bigint NOT NULL REFERENCES core.users (user_id) ON DELETE CASCADE,
	period		text NOT NULL,
	currency	text NOT NULL,
	period_start	date NOT NULL,
	level		integer NOT NULL CHECK (level IN (80, 100)),
	fired_at	timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (user_id, period, currency, period_start, level)
);

-- Every day on which a user's expenses count inside [p_from, p_to): one-off rows on their day,
-- repeating rows on each of their days from spent_on (k-th step computed from the start, so
-- 31 January monthly gives 28 February and then 31 March) up to until_on. Steps before p_from are
-- skipped arithmetically, so an old daily expense costs only the days asked for.
CREATE FUNCTION expenses.occurrences(p_user bigint, p_from date, p_to date)
RETURNS TABLE (id bigint, day date, amount numeric, currency text, concept text, category text,
    every text)
LANGUAGE sql STABLE AS $$
	SELECT e.id, e.spent_on, e.amount, e.currency, e.concept, e.category, e.every
	FROM expenses.expenses e
	WHERE e.user_id = p_user AND e.every IS NULL AND e.spent_on >= p_from AND e.spent_on < p_to
	UNION ALL
	SELECT e.id, o.day, e.amount, e.currency, e.concept, e.category, e.every
	FROM expenses.expenses e
	CROSS JOIN LATERAL (SELECT
		CASE e.every WHEN 'day' THEN 1 WHEN 'week' THEN 7 ELSE 0 END AS d,
		CASE e.every WHEN 'month' THEN 1 WHEN 'year' THEN 12 ELSE 0 END AS m,
		((extract(year FROM p_from) - extract(year FROM e.spent_on)) * 12
		    + extract(month FROM p_from) - extract(month FROM e.spent_on))::int AS mfrom,
		((extract(year FROM p_to) - extract(year FROM e.spent_on)) * 12
		    + extract(month FROM p_to) - extract(month FROM e.spent_on))::int AS mto) st
	CROSS JOIN LATERAL generate_series(
		greatest(0, CASE WHEN st.d > 0 THEN (p_from - e.spent_on) / st.d ELSE st.mfrom / st.m - 1 END),
		CASE WHEN st.d > 0 THEN (p_to - e.spent_on) / st.d + 1 ELSE st.mto / st.m + 1 END) AS k
	CROSS JOIN LATERAL (SELECT
		((e.spent_on + k * st.d) + make_interval(months => k * st.m))::date AS day) o
	WHERE e.user_id = p_user AND e.every IS NOT NULL AND e.spent_on < p_to
	  AND (e.until_on IS NULL OR e.until_on >= p_from)
	  AND o.day >= p_from AND o.day < p_to
	  AND (e.until_on IS NULL OR o.day <= e.until_on)
$$;
