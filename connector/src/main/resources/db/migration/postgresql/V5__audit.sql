-- The audit log: every change Ward makes to the tenant, and every accepted-risk decision. Ward only ever INSERTs
-- here; triggers refuse UPDATE, DELETE and TRUNCATE. Each row carries the SHA-256 of the previous row's hash and
-- its own content, so a row changed or removed behind Ward's back breaks the chain that `ward audit --verify` walks.

CREATE TABLE ward_audit (
    audit_id       BIGINT PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(400) NOT NULL,
    finding_id     VARCHAR(40),
    action         VARCHAR(40) NOT NULL,
    graph_request  VARCHAR(4000),
    before_json    TEXT,
    after_json     TEXT,
    outcome        VARCHAR(4000) NOT NULL,
    previous_id    BIGINT UNIQUE REFERENCES ward_audit (audit_id),
    previous_hash  VARCHAR(64) NOT NULL UNIQUE,
    hash           VARCHAR(64) NOT NULL
);
CREATE INDEX ward_audit_finding ON ward_audit (finding_id);

CREATE FUNCTION ward_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ward_audit is append-only: % is refused', TG_OP;
END;
$$;

CREATE TRIGGER ward_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON ward_audit
    FOR EACH ROW EXECUTE FUNCTION ward_audit_refuse_change();
CREATE TRIGGER ward_audit_no_truncate BEFORE TRUNCATE ON ward_audit
    FOR EACH STATEMENT EXECUTE FUNCTION ward_audit_refuse_change();
