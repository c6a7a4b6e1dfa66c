-- The audit log: every change Ward makes to the tenant, and every accepted-risk decision. Ward only ever INSERTs
-- here; a trigger refuses UPDATE and DELETE, and the self-reference below makes TRUNCATE impossible. Each row
-- carries the SHA-256 of the previous row's hash and its own content, so a row changed or removed behind Ward's
-- back breaks the chain that `ward audit --verify` walks.

CREATE TABLE ward_audit (
    audit_id       BIGINT PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(400) NOT NULL,
    finding_id     VARCHAR(40),
    action         VARCHAR(40) NOT NULL,
    graph_request  VARCHAR(4000),
    before_json    VARCHAR(100000),
    after_json     VARCHAR(100000),
    outcome        VARCHAR(4000) NOT NULL,
    previous_id    BIGINT UNIQUE REFERENCES ward_audit (audit_id),
    previous_hash  VARCHAR(64) NOT NULL UNIQUE,
    hash           VARCHAR(64) NOT NULL
);
CREATE INDEX ward_audit_finding ON ward_audit (finding_id);

CREATE TRIGGER ward_audit_append_only BEFORE UPDATE, DELETE ON ward_audit FOR EACH ROW
    CALL 'org.ward.connector.audit.AppendOnlyTrigger';
