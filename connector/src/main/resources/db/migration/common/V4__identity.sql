-- Identity checks: where the incremental read of the sign-in log stopped, a small per-user baseline (the last
-- successful sign-in and when each country was last seen), and the sign-in anomalies still inside the sliding window.
-- Nothing here holds more about a person than the object id, UPN and display name.

CREATE TABLE ward_signin_cursor (
    cursor_id      VARCHAR(40) PRIMARY KEY,
    last_event_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    boundary_ids   VARCHAR(8000),
    source         VARCHAR(10) NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ward_signin_user (
    user_key           VARCHAR(400) PRIMARY KEY,
    upn                VARCHAR(400),
    display_name       VARCHAR(400),
    last_success_json  VARCHAR(4000),
    last_latitude      DOUBLE PRECISION,
    last_longitude     DOUBLE PRECISION,
    countries          VARCHAR(4000)
);

CREATE TABLE ward_identity_anomaly (
    anomaly_key    VARCHAR(1000) PRIMARY KEY,
    type           VARCHAR(60) NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    anomaly_json   VARCHAR(100000) NOT NULL
);
CREATE INDEX ward_identity_anomaly_occurred ON ward_identity_anomaly (occurred_at);
