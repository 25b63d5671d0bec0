-- 090_privacy.sql: every table with a user_id follows core.users on delete. See LICENSE.
-- "/borrar_mis_datos" deletes the user's core.users row and relies on ON DELETE CASCADE
-- (lib/privacy/). Each module's own tables declare it; core.flood (001_core.sql) did not.
DELETE FROM core.flood f WHERE NOT EXISTS (SELECT 1 FROM core.users u WHERE u.user_id = f.user_id);
ALTER TABLE core.flood
	ADD CONSTRAINT flood_user_fk FOREIGN KEY (user_id) REFERENCES core.users (user_id) ON DELETE CASCADE;
