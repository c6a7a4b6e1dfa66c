-- The audit chain gains a version per row: 1 is the unkeyed SHA-256 of earlier Ward versions (rows already written
-- keep it and stay verifiable), 2 is HMAC-SHA256 with the audit key, which lives outside the database; key_id names
-- the key a version-2 row was sealed with. The first version-2 row, written when a command that writes first starts,
-- seals the older rows. Adding columns changes no row, so the append-only trigger stays as it is.
ALTER TABLE ward_audit ADD COLUMN chain INT DEFAULT 1 NOT NULL;
ALTER TABLE ward_audit ADD COLUMN key_id VARCHAR(32);
