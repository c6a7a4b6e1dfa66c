package org.ward.rules.recordings;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.ward.rules.policy.Rule;

/**
 * A rule's {@code gracePeriod}: how long a new recording has to get its label or consent form before it is a
 * finding — uploading a recording and filing its paperwork rarely happen in the same minute.
 */
final class GracePeriod {

    private GracePeriod() {
    }

    /** Whether an item created at {@code created} is still within the rule's grace period at {@code now}. */
    static boolean within(Rule rule, Instant created, Instant now) {
        if (created == null) {
            return false;
        }
        Period grace = rule.params().period("gracePeriod");
        return created.atOffset(ZoneOffset.UTC).plus(grace).toInstant().isAfter(now);
    }
}
