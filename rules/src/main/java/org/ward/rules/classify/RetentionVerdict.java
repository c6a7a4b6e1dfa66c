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
 */
public record RetentionVerdict(Status status, Period maximumAge, Instant expiresAt, Period overdueBy, long overdueDays, String reason) {

    public enum Status { WITHIN, PAST, NOT_EVALUATED }
}
