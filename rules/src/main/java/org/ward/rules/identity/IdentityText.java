package org.ward.rules.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Wording shared by the identity findings: durations, distances, times and evidence for details. */
final class IdentityText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private IdentityText() {
    }

    /** "1 h 5 min", "12 min", "40 s". */
    static String duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours < 48) {
            return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
        }
        return hours / 24 + " days";
    }

    static String km(double km) {
        return String.format(Locale.ROOT, "%,.0f km", km);
    }

    static String day(Instant t) {
        return DAY.format(t);
    }

    static String minute(Instant t) {
        return MINUTE.format(t);
    }

    /** A period as a duration; months count 30 days. */
    static Duration window(Period period) {
        return Duration.ofDays(period.toTotalMonths() * 30 + period.getDays());
    }

    static String plural(long n, String one) {
        return n + " " + one + (n == 1 ? "" : "s");
    }

    static List<Map<String, Object>> evidence(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::toMap).toList();
    }

    /** The user as a finding names them: "Display Name (upn)". */
    static String who(String displayName, String upn) {
        return displayName == null || displayName.isBlank() ? upn : displayName + " (" + upn + ")";
    }

    /** A finding's details from an anomaly: the user (UPN and display name only), the facts, the sign-ins. */
    static Map<String, Object> details(Anomaly a) {
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        if (a.subject().startsWith("user:")) {
            details.put("user", user(a.label(), a.displayName()));
        }
        a.facts().forEach(details::put);
        details.put("signInCount", a.count());
        details.put("signIns", evidence(a.evidence()));
        return details;
    }

    static Map<String, Object> user(String upn, String displayName) {
        Map<String, Object> user = new java.util.LinkedHashMap<>();
        user.put("upn", upn);
        user.put("displayName", displayName);
        return user;
    }
}
