-- Issue 11: findings that explain themselves, members who are members, dates as typed. Portable SQL.

-- A file with the same content as a recording is a copy of it, whatever its name: what it copies (JSON: the original's
-- short reference, place, masked path, kind and score, and the hash that matched). Its own verdict stays in reasons_json.
ALTER TABLE ward_item ADD COLUMN copy_of VARCHAR(20000);
CREATE INDEX ward_item_sha256 ON ward_item (sha256_hash);

-- The tenant's display name and verified domains, read from /organization at the start of each scan.
ALTER TABLE ward_scan ADD COLUMN tenant_name VARCHAR(1000);
ALTER TABLE ward_scan ADD COLUMN verified_domains VARCHAR(8000);

-- A risk acceptance's last day as the person typed it, and the time zone they typed it in; accepted_until stays the
-- instant it ends (the start of the next day in that zone).
ALTER TABLE ward_finding ADD COLUMN accepted_through DATE;
ALTER TABLE ward_finding ADD COLUMN accepted_zone VARCHAR(100);
