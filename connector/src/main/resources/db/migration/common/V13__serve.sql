-- ward serve: ShedLock's table, so that a scheduled job (the full scan, the identity checks, subscription upkeep)
-- runs on one instance at a time when several share this database. Columns as ShedLock expects them.

CREATE TABLE ward_schedule_lock (
    name       VARCHAR(64) PRIMARY KEY,
    lock_until TIMESTAMP NOT NULL,
    locked_at  TIMESTAMP NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- The instances of ward serve and when each was last alive: after the whole service was down longer than Graph
-- keeps retrying notifications, the next instance to start resyncs every watched drive.
CREATE TABLE ward_serve_instance (
    instance_id VARCHAR(200) PRIMARY KEY,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
