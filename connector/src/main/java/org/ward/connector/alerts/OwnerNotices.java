package org.ward.connector.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ward.connector.remediate.FindingOwners;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * Owner notices: each owner of open findings (a site or team owner, the OneDrive's user) gets one message listing
 * them, worst first, each with what to do; then a reminder every {@code remind-every} while any stays open; when one
 * has stayed open {@code escalate-after} past the first notice, the compliance team is told once. Guests are never
 * written to (their UPN holds #EXT#, or their domain is not one of the tenant's), nor is anyone not a plain address.
 */
@Repository
public class OwnerNotices {

    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s#]+@[^@\\s#]+\\.[^@\\s#]+$");

    private final JdbcClient jdbc;

    public OwnerNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether Ward may write to this owner: a member's address, never a guest's. */
    static boolean reachable(String upn) {
        return upn != null && !upn.toUpperCase(Locale.ROOT).contains("#EXT#") && ADDRESS.matcher(upn.trim()).matches();
    }

    /** The notices, reminders and escalations due at {@code now}, recording them as sent. */
    List<Notice> due(AlertSettings settings, PolicyPack policy, List<Finding> findings, Instant now) {
        AlertSettings.Owners owners = settings.owners();
        Map<String, List<Finding>> byOwner = new TreeMap<>();
        for (Finding f : findings) {
            if (f.status() == FindingStatus.OPEN) {
                for (String upn : FindingOwners.of(f).upns()) {
                    if (reachable(upn)) {
                        byOwner.computeIfAbsent(upn.trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f);
                    }
                }
            }
        }
        List<Notice> notices = new ArrayList<>();
        LocalDate day = now.atZone(settings.zone()).toLocalDate();
        for (Map.Entry<String, List<Finding>> entry : byOwner.entrySet()) {
            String owner = entry.getKey();
            List<Finding> open = entry.getValue().stream()
                    .sorted(Comparator.comparing((Finding f) -> f.severity().ordinal()).thenComparing(Finding::id)).toList();
            Optional<Record> known = record(owner);
            if (known.isEmpty()) {
                notices.add(new Notice(owner, List.of(owners.channel().trim()),
                        notice(AlertKind.OWNER_NOTICE, owner, open, policy, settings, day, now)));
                jdbc.sql("INSERT INTO ward_owner_notice (owner, first_sent, last_sent, reminders, findings) VALUES (?, ?, ?, 0, ?)")
                        .params(owner, Timestamp.from(now), Timestamp.from(now), open.size()).update();
                continue;
            }
            Record record = known.get();
            if (!now.isBefore(record.lastSent().plus(owners.remindEvery()))) {
                notices.add(new Notice(owner, List.of(owners.channel().trim()),
                        notice(AlertKind.OWNER_REMINDER, owner, open, policy, settings, day, now)));
                jdbc.sql("UPDATE ward_owner_notice SET last_sent = ?, reminders = reminders + 1, findings = ? WHERE owner = ?")
                        .params(Timestamp.from(now), open.size(), owner).update();
            }
            boolean overdue = !now.isBefore(record.firstSent().plus(owners.escalateAfter()));
            if (overdue && record.escalatedAt() == null && !owners.escalateTo().isEmpty()) {
                notices.add(new Notice(owner, owners.escalateTo().stream().map(String::trim).toList(),
                        escalation(owner, open, record.firstSent(), settings, day, now)));
                jdbc.sql("UPDATE ward_owner_notice SET escalated_at = ? WHERE owner = ?").params(Timestamp.from(now), owner)
                        .update();
            }
        }
        // An owner with nothing open any more starts afresh when something of theirs opens again.
        List<String> told = jdbc.sql("SELECT owner FROM ward_owner_notice").query(String.class).list();
        for (String owner : told) {
            if (!byOwner.containsKey(owner)) {
                jdbc.sql("DELETE FROM ward_owner_notice WHERE owner = ?").param(owner).update();
            }
        }
        return notices;
    }

    private Optional<Record> record(String owner) {
        return jdbc.sql("SELECT first_sent, last_sent, escalated_at FROM ward_owner_notice WHERE owner = ?").param(owner)
                .query((rs, n) -> new Record(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private static Alert notice(AlertKind kind, String owner, List<Finding> open, PolicyPack policy,
            AlertSettings settings, LocalDate day, Instant now) {
        List<String> lines = new ArrayList<>();
        for (Finding f : open) {
            String advice = policy.rule(f.type()).map(Rule::remediation).orElse("");
            lines.add("[" + f.severity().yamlName() + "] " + f.title() + " — " + f.resource().path() + " (" + f.id()
                    + "). What to do: " + advice.strip());
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Owner", owner);
        facts.put("Open findings", Integer.toString(open.size()));
        String portal = settings.owners().portalUrl();
        String next = "Fix each item as described, worst first. Your compliance team can apply the fixes Ward automates"
                + " with ward remediate (its plan lists each change before anything is applied)"
                + (portal == null ? "." : "; or open the owner portal.");
        return new Alert("ward-owner-" + kind.name().toLowerCase(Locale.ROOT) + "-" + owner + "-" + day, kind, null,
                open.size() + " open finding" + (open.size() == 1 ? "" : "s") + " on what you own",
                "Ward found patient recordings, places or an account of yours that your organisation's policy says must"
                        + " be put right.", next, facts, lines, portal, List.of(owner), now.toString());
    }

    private static Alert escalation(String owner, List<Finding> open, Instant firstSent, AlertSettings settings,
            LocalDate day, Instant now) {
        List<String> lines = open.stream().map(f -> "[" + f.severity().yamlName() + "] " + f.title() + " (" + f.id() + ")")
                .toList();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Owner", owner);
        facts.put("Open findings", Integer.toString(open.size()));
        facts.put("Owner first told", firstSent.toString());
        return new Alert("ward-escalation-" + owner + "-" + day, AlertKind.ESCALATION,
                open.stream().map(f -> f.severity().yamlName()).findFirst().orElse(null),
                owner + " has left " + open.size() + " finding" + (open.size() == 1 ? "" : "s") + " open",
                "The owner was told on " + firstSent.toString().substring(0, 10) + " and reminded every "
                        + settings.owners().remindEvery().toDays() + " days; the findings are still open.",
                "Contact the owner, or fix or accept the risk with ward remediate / ward accept-risk.", facts, lines,
                settings.owners().portalUrl(), List.of(), now.toString());
    }

    private record Record(Instant firstSent, Instant lastSent, Instant escalatedAt) {
    }

    /**
     * A message due for an owner or about one.
     *
     * @param owner the owner
     * @param channels where it goes
     * @param alert the message
     */
    record Notice(String owner, List<String> channels, Alert alert) {
    }
}
