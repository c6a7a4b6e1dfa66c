package org.ward.rules.classify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ward.rules.classify.RetentionVerdict.Status;
import org.ward.rules.policy.RetentionPeriod;
import org.ward.rules.policy.RetentionPolicy;

/** Measures a recording's age from createdDateTime against its kind's maximum age. "Now" is passed in: pure. */
public final class RetentionClock {

    private final RetentionPolicy policy;

    public RetentionClock(RetentionPolicy policy) {
        this.policy = policy;
    }

    public RetentionVerdict assess(String kindId, Instant created, Instant now) {
        Optional<RetentionPeriod> period = kindId == null ? Optional.empty() : policy.forKind(kindId);
        if (period.isEmpty()) {
            return notEvaluated("the pack sets no maximum age for " + (kindId == null ? "items that are not recordings" : kindId));
        }
        if (created == null) {
            return notEvaluated("the item has no createdDateTime");
        }
        Period maximum = period.get().maximumAge();
        String event = period.get().eventBased() ? period.get().event() : null;
        // Calendar arithmetic in UTC: P8Y from 29 Feb lands on 28 Feb, as a person would count it.
        Instant expires = created.atZone(ZoneOffset.UTC).plus(maximum).toInstant();
        if (event != null) {
            // Graph does not show when the event happened: the longest the period can run gives a date to review by.
            String start = "created " + day(created) + "; the retention period of " + kindId + " starts at the event \""
                    + event + "\", which Graph does not show, and runs at most " + maximum + " from creation";
            if (!now.isAfter(expires)) {
                return new RetentionVerdict(Status.WITHIN, maximum, expires, Period.ZERO, 0, start + ": review by "
                        + day(expires), event);
            }
            Period overdue = Period.between(day(expires), day(now));
            long days = Duration.between(expires, now).toDays();
            return new RetentionVerdict(Status.PAST, maximum, expires, overdue, days, start + ": review date " + day(expires)
                    + ", " + describe(overdue, days) + " ago", event);
        }
        String start = "created " + day(created) + ", maximum age " + maximum + " for " + kindId;
        if (!now.isAfter(expires)) {
            return new RetentionVerdict(Status.WITHIN, maximum, expires, Period.ZERO, 0, start + ": expires " + day(expires),
                    null);
        }
        Period overdue = Period.between(day(expires), day(now));
        long days = Duration.between(expires, now).toDays();
        return new RetentionVerdict(Status.PAST, maximum, expires, overdue, days,
                start + ": expired " + day(expires) + ", " + describe(overdue, days) + " ago", null);
    }

    private static RetentionVerdict notEvaluated(String reason) {
        return new RetentionVerdict(Status.NOT_EVALUATED, null, null, Period.ZERO, 0, "not evaluated: " + reason, null);
    }

    /** "1 year 10 months 18 days (688 days)": how far past its date a recording is, for reports. */
    public static String overdueText(Period period, long days) {
        return describe(period, days);
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** "1 year 10 months 18 days (688 days)". */
    static String describe(Period period, long days) {
        List<String> parts = new ArrayList<>();
        part(parts, period.getYears(), "year");
        part(parts, period.getMonths(), "month");
        part(parts, period.getDays(), "day");
        String text = parts.isEmpty() ? "less than a day" : String.join(" ", parts);
        return period.getYears() == 0 && period.getMonths() == 0 ? text : text + " (" + days + " days)";
    }

    private static void part(List<String> parts, int amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }
}
