-- ward serve re-evaluates one location at a time: its findings are reconciled by site.

CREATE INDEX ward_finding_site ON ward_finding (site_id, status);
