-- ward serve: one change-notification subscription per watched drive. The client state Graph echoes in every
-- notification is a per-subscription secret; only its SHA-256 is kept, so a copy of this table cannot forge one.

CREATE TABLE ward_subscription (
    drive_id            VARCHAR(400) PRIMARY KEY,
    subscription_id     VARCHAR(100),
    client_state_sha256 VARCHAR(64),
    notification_url    VARCHAR(2000),
    security_events     BOOLEAN DEFAULT FALSE NOT NULL,
    state               VARCHAR(30) NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE,
    renewed_at          TIMESTAMP WITH TIME ZONE,
    verified_at         TIMESTAMP WITH TIME ZONE,
    failures            INT DEFAULT 0 NOT NULL,
    failing_since       TIMESTAMP WITH TIME ZONE,
    retry_at            TIMESTAMP WITH TIME ZONE,
    last_error          VARCHAR(2000)
);

CREATE UNIQUE INDEX ward_subscription_id ON ward_subscription (subscription_id);
