package org.ward.rules.classify;

import java.time.Instant;
import java.time.Period;

/**
 * Whether a recording is older than its kind's maximum age.
 *
 * @param status the verdict
 * @param maximumAge the kind's maximum age, null when NOT_EVALUATED
 * @param expiresAt createdDateTime plus the maximum age (UTC), null when NOT_EVALUATED
 * @param overdueBy how far past expiry, in years, months and days; zero unless PAST
 * @param overdueDays the same in days; 0 unless PAST
 * @param reason one sentence for the finding
 * @param event the event that starts the label's period when the pack names one (then {@code expiresAt} is a review
 *     date, not an expiry); null when the period runs from creation
 */
public record RetentionVerdict(Status status, Period maximumAge, Instant expiresAt, Period overdueBy, long overdueDays, String reason,
        String event) {

    public enum Status { WITHIN, PAST, NOT_EVALUATED }

    /** "created", or "event: …" when the period starts at an event. */
    public String trigger() {
        return event == null ? "created" : "event: " + event;
    }
}
