-- Who can reach each patient recording: the permissions that apply to it (its own and inherited), as read from
-- Graph. One row per permission per item. Principals of SharePoint and Microsoft 365 groups are expanded in
-- ward_group_member where Graph exposes the membership.

CREATE TABLE ward_access (
    drive_id         VARCHAR(200) NOT NULL,
    item_id          VARCHAR(200) NOT NULL,
    permission_id    VARCHAR(400) NOT NULL,
    roles            VARCHAR(200) NOT NULL,
    principal_kind   VARCHAR(30) NOT NULL,
    principal_id     VARCHAR(400),
    principal_name   VARCHAR(1000),
    principal_login  VARCHAR(1000),
    principal_email  VARCHAR(400),
    principal_guest  BOOLEAN NOT NULL,
    link_scope       VARCHAR(40),
    link_type        VARCHAR(40),
    link_url         VARCHAR(4000),
    expires_at       TIMESTAMP WITH TIME ZONE,
    has_password     BOOLEAN,
    inherited_from   VARCHAR(200),
    recipients       VARCHAR(16000),
    read_scan        BIGINT NOT NULL,
    PRIMARY KEY (drive_id, item_id, permission_id)
);
CREATE INDEX ward_access_principal ON ward_access (principal_id);

CREATE TABLE ward_group_member (
    group_id      VARCHAR(100) NOT NULL,
    user_id       VARCHAR(100) NOT NULL,
    upn           VARCHAR(400),
    display_name  VARCHAR(400),
    guest         BOOLEAN NOT NULL,
    owner         BOOLEAN NOT NULL,
    read_scan     BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

CREATE TABLE ward_access_state (
    drive_id     VARCHAR(200) NOT NULL,
    item_id      VARCHAR(200) NOT NULL,
    read_scan    BIGINT NOT NULL,
    needs_read   BOOLEAN NOT NULL,
    PRIMARY KEY (drive_id, item_id)
);

-- Scans that re-read the permissions of every recording (the periodic full sweep).
CREATE TABLE ward_sharing_sweep (
    scan_id BIGINT PRIMARY KEY
);
