-- Owner notices: per owner (a site or team owner, a OneDrive's user), when the first notice and the last reminder
-- went, and when their unresolved findings were escalated to the compliance team. The owner is a user principal name
-- (an account, not a patient); the findings themselves stay in ward_finding.
CREATE TABLE ward_owner_notice (
    owner          VARCHAR(400) PRIMARY KEY,
    first_sent     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_sent      TIMESTAMP WITH TIME ZONE NOT NULL,
    reminders      INT DEFAULT 0 NOT NULL,
    escalated_at   TIMESTAMP WITH TIME ZONE,
    findings       INT DEFAULT 0 NOT NULL
);
