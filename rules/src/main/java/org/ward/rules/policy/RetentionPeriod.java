package org.ward.rules.policy;

import java.time.Period;

/**
 * How long a recording kind may be kept, measured from the item's createdDateTime.
 *
 * @param maximumAge the ISO-8601 period ("P8Y")
 * @param basis where the period comes from, for the report
 */
public record RetentionPeriod(Period maximumAge, String basis) {
}
