package org.ward.connector.alerts;

/** What an alert is about: a finding's lifecycle event, the daily digest, or an owner notice. */
public enum AlertKind {
    /** A finding seen for the first time. */
    NEW_FINDING("New finding"),
    /** A resolved finding found again. */
    REOPENED("Finding reopened"),
    /** An accepted risk whose acceptance ran out: the finding is open again. */
    ACCEPTANCE_EXPIRED("Accepted risk expired"),
    /** The daily digest for compliance recipients. */
    DIGEST("Daily digest"),
    /** The first message to an owner listing their open findings. */
    OWNER_NOTICE("Your open findings"),
    /** A reminder to an owner whose findings are still open. */
    OWNER_REMINDER("Reminder: your open findings"),
    /** An owner's findings left open past the configured days, raised to the compliance team. */
    ESCALATION("Owner findings unresolved");

    private final String heading;

    AlertKind(String heading) {
        this.heading = heading;
    }

    public String heading() {
        return heading;
    }

    /** A finding lifecycle event (routed by severity, type and site) rather than a message about many findings. */
    public boolean aboutOneFinding() {
        return this == NEW_FINDING || this == REOPENED || this == ACCEPTANCE_EXPIRED;
    }
}
