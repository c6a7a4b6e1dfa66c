package org.ward.connector.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;

/**
 * The daily digest for compliance recipients: what opened and what was resolved in the last 24 hours, how many are
 * open, the oldest open ones, and open findings by site. One per day (its event id is the date), sent by the first
 * round after the configured hour.
 */
final class DailyDigest {

    static final int OLDEST = 5;

    private DailyDigest() {
    }

    /** The day's digest if it is due at {@code now} (past the hour), else null. */
    static Alert due(AlertSettings settings, List<Finding> findings, Instant now) {
        ZonedDateTime local = now.atZone(settings.zone());
        if (settings.digest().channels().isEmpty() || local.toLocalTime().isBefore(settings.digest().time())) {
            return null;
        }
        return digest(local.toLocalDate(), findings, now);
    }

    static Alert digest(LocalDate day, List<Finding> findings, Instant now) {
        Instant since = now.minus(Duration.ofHours(24));
        List<Finding> open = findings.stream().filter(f -> f.status() != FindingStatus.RESOLVED).toList();
        long opened = findings.stream().filter(f -> f.firstSeen() != null && f.firstSeen().isAfter(since)).count();
        long resolved = findings.stream().filter(f -> f.resolvedAt() != null && f.resolvedAt().isAfter(since)).count();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("New in 24 hours", Long.toString(opened));
        facts.put("Resolved in 24 hours", Long.toString(resolved));
        facts.put("Open", Long.toString(open.stream().filter(f -> f.status() == FindingStatus.OPEN).count()));
        facts.put("Accepted risks", Long.toString(open.stream().filter(f -> f.status() == FindingStatus.ACCEPTED_RISK).count()));
        List<String> lines = new ArrayList<>();
        open.stream().filter(f -> f.status() == FindingStatus.OPEN && f.firstSeen() != null)
                .sorted(Comparator.comparing(Finding::firstSeen).thenComparing(Finding::id)).limit(OLDEST)
                .forEach(f -> lines.add("Oldest open: [" + f.severity().yamlName() + "] " + f.title() + " (open since "
                        + f.firstSeen().toString().substring(0, 10) + ", " + f.id() + ")"));
        Map<String, Integer> bySite = new TreeMap<>();
        open.stream().filter(f -> f.status() == FindingStatus.OPEN)
                .forEach(f -> bySite.merge(String.valueOf(FindingAlerts.site(f)), 1, Integer::sum));
        bySite.forEach((site, count) -> lines.add("Open on " + site + ": " + count));
        return new Alert("ward-digest-" + day, AlertKind.DIGEST, null, "Ward findings on " + day,
                opened + " new and " + resolved + " resolved in the last 24 hours.",
                "Open findings are listed by ward findings and in the report; owners have been told what is theirs.",
                facts, lines, null, List.of(), now.toString());
    }
}
