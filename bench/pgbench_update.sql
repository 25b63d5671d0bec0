-- pgbench_update.sql: what one "hola" update costs the database at least. See LICENSE.
-- The webhook's own statements, sent the way it sends them (lib/bot/user.c, lib/db/db.c):
-- BEGIN, recording the update_id and upserting the sender in one pipeline (one round trip),
-- then COMMIT. Run with -M extended, as libpq's PQsendQueryParams sends them, and -D users=N
-- (the senders bench/webhook.lua spreads its updates over).
\set uid random(900000000, 900000000 + :users - 1)
\set upd random(1, 9000000000000000000)
\startpipeline
BEGIN;
INSERT INTO core.updates (update_id) VALUES (:upd) ON CONFLICT DO NOTHING;
INSERT INTO core.users (user_id, chat_id, lang, tz, first_name, flood_hits)
	VALUES (:uid, :uid, 'es', 'Europe/Madrid', 'Bench', 1)
	ON CONFLICT (user_id) DO UPDATE SET first_name = EXCLUDED.first_name,
		active = core.users.active OR true, updated_at = now(),
		flood_hits = CASE WHEN core.users.flood_window = date_trunc('minute', now())
			THEN core.users.flood_hits + 1 ELSE 1 END,
		flood_window = date_trunc('minute', now())
	RETURNING chat_id, lang, tz, active, flood_hits, (xmax = 0) AS is_new;
\endpipeline
COMMIT;
