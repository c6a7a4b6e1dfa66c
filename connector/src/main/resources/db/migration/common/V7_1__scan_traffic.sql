-- Hardening (issue 9): what a scan met on the wire, over all its runs (a resumed scan adds the runs after the first).
-- Portable; the statements of issue 9 whose types differ between the databases are in {vendor}/V7__hardening.sql.
ALTER TABLE ward_scan ADD COLUMN retries BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ward_scan ADD COLUMN throttled_wait_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ward_scan ADD COLUMN faults BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE ward_scan ADD COLUMN runs INT DEFAULT 1 NOT NULL;
