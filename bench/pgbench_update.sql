-- pgbench_update.sql: what one "hola" update costs the database at least. See LICENSE.
-- The webhook's minimum: record the update_id, upsert the sender, in one transaction.
\set uid random(900000000, 900000015)
\set upd random(1, 9000000000000000000)
BEGIN;
INSERT INTO core.updates (update_id) VALUES (:upd) ON CONFLICT DO NOTHING;
INSERT INTO core.users (user_id, chat_id, first_name, lang) VALUES (:uid, :uid, 'Bench', 'es')
	ON CONFLICT (user_id) DO UPDATE SET updated_at = now(), flood_hits = core.users.flood_hits + 1;
COMMIT;
