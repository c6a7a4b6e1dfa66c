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

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ward.connector.remediate.FindingOwners;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;
import org.ward.rules.sharing.Membership;

/**
 * Owner notices: each owner of open findings (a site or team owner, the OneDrive's user) gets one message listing
 * them, worst first, each with what to do; then a reminder every {@code remind-every} while any stays open; when one
 * has stayed open {@code escalate-after} past the first notice, the compliance team is told once. Guests are never
 * written to: who is one is Graph's word, as sharing judges it ({@link Membership}: the user's {@code userType}, #EXT#
 * in the UPN, else whether the address's domain is one the tenant verified); nor is anyone not a plain address.
 */
@Repository
public class OwnerNotices {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerNotices.class);
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s#]+@[^@\\s#]+\\.[^@\\s#]+$");

    private final JdbcClient jdbc;

    public OwnerNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the owner's name is a plain address without #EXT# (Graph's judgement of guests comes after). */
    static boolean reachable(String upn) {
        return upn != null && !upn.toUpperCase(Locale.ROOT).contains("#EXT#") && ADDRESS.matcher(upn.trim()).matches();
    }

    /**
     * The notices, reminders and escalations due at {@code now}, recording them as sent. Whether an owner is a guest
     * is asked only of owners something is due for (it may read the directory): a guest is never written to, and an
     * owner Graph gave nothing to judge by is held until it can be judged.
     *
     * @param guests who is a guest, as Graph says (user type, verified domains), asked at most once per round
     */
    List<Notice> due(AlertSettings settings, PolicyPack policy, List<Finding> findings, Instant now,
            Supplier<Membership> guests) {
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
        Membership membership = null;
        for (Map.Entry<String, List<Finding>> entry : byOwner.entrySet()) {
            String owner = entry.getKey();
            Optional<Record> known = record(owner);
            boolean first = known.isEmpty();
            boolean remind = !first && !now.isBefore(known.get().lastSent().plus(owners.remindEvery()));
            boolean escalate = !first && known.get().escalatedAt() == null && !owners.escalateTo().isEmpty()
                    && !now.isBefore(known.get().firstSent().plus(owners.escalateAfter()));
            if (!first && !remind && !escalate) {
                continue;
            }
            membership = membership == null ? guests.get() : membership;
            Membership.Status status = membership.status(null, owner, owner);
            if (status == Membership.Status.GUEST) {
                continue; // never written to; their findings still reach the compliance team by the routes
            }
            if (status == Membership.Status.UNKNOWN) {
                LOG.warn("Owner notice to {} held: whether they are a guest could not be judged (the directory and the"
                        + " tenant's verified domains could not be read); it goes once they can be.", owner);
                continue;
            }
            List<Finding> open = entry.getValue().stream()
                    .sorted(Comparator.comparing((Finding f) -> f.severity().ordinal()).thenComparing(Finding::id)).toList();
            if (first) {
                notices.add(new Notice(owner, List.of(owners.channel().trim()),
                        notice(AlertKind.OWNER_NOTICE, owner, open, policy, settings, day, now)));
                jdbc.sql("INSERT INTO ward_owner_notice (owner, first_sent, last_sent, reminders, findings) VALUES (?, ?, ?, 0, ?)")
                        .params(owner, Timestamp.from(now), Timestamp.from(now), open.size()).update();
                continue;
            }
            Record record = known.get();
            if (remind) {
                notices.add(new Notice(owner, List.of(owners.channel().trim()),
                        notice(AlertKind.OWNER_REMINDER, owner, open, policy, settings, day, now)));
                jdbc.sql("UPDATE ward_owner_notice SET last_sent = ?, reminders = reminders + 1, findings = ? WHERE owner = ?")
                        .params(Timestamp.from(now), open.size(), owner).update();
            }
            if (escalate) {
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
