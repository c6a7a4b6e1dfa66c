-- Hardening (issue 9): the statements whose types differ between H2 and PostgreSQL; the portable rest is in
-- common/V7_1__scan_traffic.sql.
-- 1. Text that comes from the tenant has no length Ward can rely on: JSON columns widen (a name is cut with a marker
--    by the stores instead, see ColumnText), so no scan fails on every rerun because one value is too long.
ALTER TABLE ward_scan ALTER COLUMN gaps TYPE TEXT;
ALTER TABLE ward_item ALTER COLUMN columns_json TYPE TEXT;
ALTER TABLE ward_item ALTER COLUMN reasons_json TYPE TEXT;
ALTER TABLE ward_item ALTER COLUMN identifiers_json TYPE TEXT;
ALTER TABLE ward_finding ALTER COLUMN reasons_json TYPE TEXT;
ALTER TABLE ward_finding ALTER COLUMN details_json TYPE TEXT;
ALTER TABLE ward_access ALTER COLUMN recipients TYPE TEXT;

-- 2. Why a scan's result is incomplete when a check's input could not be read. (The scan's traffic columns,
--    portable, are in common/V7_1__scan_traffic.sql.)
ALTER TABLE ward_scan ADD COLUMN incomplete TEXT;

-- 3. What discovery has already read in a scan, unit by unit (a site's drives, a group's facts, a user's OneDrive), so
--    a retry or a restart continues from there instead of from zero.
CREATE TABLE ward_discovery_unit (
    scan_id  BIGINT NOT NULL,
    unit     VARCHAR(1000) NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (scan_id, unit)
);
