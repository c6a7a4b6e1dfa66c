package org.ward.rules.policy;

import java.time.Period;

/**
 * How long a recording kind may be kept, measured from the item's createdDateTime.
 *
 * @param maximumAge the ISO-8601 period ("P8Y"). With an {@code event}, the longest the period can run from creation
 *     (a child's recording kept until the patient's 25th birthday runs at most 25 years), which gives a review date
 *     rather than an expiry
 * @param basis where the period comes from, for the report
 * @param event the event that starts the retention label's period (Purview's event-based retention, e.g. "Patient's
 *     25th birthday"), which Graph does not show Ward; null when the period runs from creation
 */
public record RetentionPeriod(Period maximumAge, String basis, String event) {

    public RetentionPeriod(Period maximumAge, String basis) {
        this(maximumAge, basis, null);
    }

    /** Whether the period starts at an event rather than at creation. */
    public boolean eventBased() {
        return event != null && !event.isBlank();
    }

    /** "created" or "event: Patient's 25th birthday", as findings and reports record the trigger. */
    public String trigger() {
        return eventBased() ? "event: " + event : "created";
    }
}
