package org.ward.connector.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.sharing.GuestJudgement;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.sharing.Membership;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Alerting's one entry point, {@link #afterFindingsChanged(Instant)}: called when the findings register changed —
 * at the end of the batch scan (its alerts stage) and, once it lands, by the webhook service after it reconciles a
 * change notification. It raises one alert per finding lifecycle event not yet alerted (new, reopened, accepted risk
 * expired) on every routed channel, the daily digest and owner notices, all into the outbox in one transaction; then
 * delivers what is due. A channel that fails is retried later with backoff and reported; it never stops the caller.
 */
public class AlertService {

    static final String EVENTS_CURSOR = "finding-events";
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final int BATCH = 500;
    private static final int DELIVER_PER_ROUND = 2000;

    private final AlertSettings settings;
    private final AlertChannels channels;
    private final AlertOutbox outbox;
    private final OwnerNotices owners;
    private final FindingStore findings;
    private final PolicyPack policy;
    private final IdentifierMasking masking;
    private final TransactionTemplate transaction;
    private final MeterRegistry metrics;
    private final GuestJudgement guests;
    private volatile AlertRound last = AlertRound.off();

    AlertService(AlertSettings settings, AlertChannels channels, AlertOutbox outbox, OwnerNotices owners,
            FindingStore findings, PolicyPack policy, IdentifierMasking masking, TransactionTemplate transaction,
            MeterRegistry metrics, GuestJudgement guests) {
        this.settings = settings;
        this.channels = channels;
        this.outbox = outbox;
        this.owners = owners;
        this.findings = findings;
        this.policy = policy;
        this.masking = masking;
        this.transaction = transaction;
        this.metrics = metrics;
        this.guests = guests;
    }

    public boolean enabled() {
        return settings.on();
    }

    /** The last round's outcome (what the scan summary shows). */
    public AlertRound lastRound() {
        return last;
    }

    /**
     * Raises what the findings' changes call for and delivers what is due. Never throws: a failure is logged and
     * reported in the round. Rounds in one process run one at a time (the scan's stage and the webhook service may both
     * call); two processes may both deliver an alert, which the event id lets receivers drop.
     */
    public synchronized AlertRound afterFindingsChanged(Instant at) {
        if (!settings.on()) {
            return AlertRound.off();
        }
        Instant now = stored(at);
        int queued;
        try {
            queued = transaction.execute(status -> raise(now));
        } catch (RuntimeException e) {
            LOG.warn("Alerts could not be raised: {}", e.getMessage(), e);
            last = new AlertRound(true, 0, Map.of(), 0, destinations(), List.of("alerts could not be raised: "
                    + e.getMessage()), List.of());
            return last;
        }
        last = deliver(now, queued);
        return last;
    }

    /** Delivers what is due without raising anything new (a retry round). */
    public synchronized AlertRound deliverDue(Instant at) {
        if (!settings.on()) {
            return AlertRound.off();
        }
        last = deliver(stored(at), 0);
        return last;
    }

    /** The time as the database keeps it (milliseconds), so an alert queued "now" is due "now". */
    private static Instant stored(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private int raise(Instant now) {
        int queued = 0;
        long cursor = outbox.cursor(EVENTS_CURSOR);
        FindingAlerts alerts = new FindingAlerts(policy, settings);
        while (true) {
            List<FindingStore.LifecycleEvent> events = findings.eventsAfter(cursor, BATCH);
            if (events.isEmpty()) {
                break;
            }
            for (FindingStore.LifecycleEvent event : events) {
                AlertKind kind = FindingAlerts.kind(event);
                Finding finding = kind == null ? null : findings.find(event.findingId());
                if (finding != null && finding.status() == FindingStatus.OPEN) {
                    Alert alert = alerts.alert(event, kind, finding).masked(masking);
                    for (String channel : alerts.route(finding)) {
                        queued += outbox.queue(alert, channel, now) ? 1 : 0;
                    }
                }
                cursor = event.eventId();
            }
            outbox.moveCursor(EVENTS_CURSOR, cursor);
        }
        List<Finding> all = null;
        if (!settings.digest().channels().isEmpty()) {
            all = findings.all();
            Alert digest = DailyDigest.due(settings, all, now);
            if (digest != null) {
                Alert shown = digest.masked(masking);
                for (String channel : settings.digest().channels()) {
                    queued += outbox.queue(shown, channel.trim(), now) ? 1 : 0;
                }
            }
        }
        if (settings.owners().on()) {
            all = all == null ? findings.all() : all;
            for (OwnerNotices.Notice notice : owners.due(settings, policy, all, now, this::membership)) {
                Alert shown = notice.alert().masked(masking);
                for (String channel : notice.channels()) {
                    queued += outbox.queue(shown, channel, now) ? 1 : 0;
                }
            }
        }
        return queued;
    }

    /** Who is a guest (the directory and verified domains); a directory Graph would not give is judged by domain. */
    private Membership membership() {
        List<String> gaps = new ArrayList<>();
        try {
            Membership membership = guests.forLatestScan(gaps);
            gaps.forEach(gap -> LOG.warn("Owner notices: {}", gap));
            return membership;
        } catch (RuntimeException e) {
            LOG.warn("Owner notices: the directory could not be read ({}); guests are told by their sign-in names and the"
                    + " tenant's verified domains only.", e.getMessage());
            return guests.withoutDirectory();
        }
    }

    private AlertRound deliver(Instant now, int queued) {
        Map<String, Integer> sent = new LinkedHashMap<>();
        Set<String> failing = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int deferred = 0;
        for (AlertOutbox.Queued item : outbox.due(now, DELIVER_PER_ROUND)) {
            AlertChannel channel = channels.get(item.channel());
            if (channel == null) {
                outbox.attemptFailed(item.alertId(), "The channel " + item.channel() + " is no longer configured.", null);
                continue;
            }
            if (failing.contains(channel.name())) {
                continue;
            }
            AlertSettings.Channel config = settings.channels().get(channel.name());
            Instant held = heldUntil(config, item, now);
            if (held != null) {
                outbox.defer(item.alertId(), held);
                deferred++;
                continue;
            }
            try {
                channel.send(item.alert());
                outbox.sent(item.alertId(), now);
                sent.merge(channel.name(), 1, Integer::sum);
                count("ward.alerts.sent", channel);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                int attempts = item.attempts() + 1;
                boolean giveUp = attempts >= settings.delivery().maxAttempts();
                outbox.attemptFailed(item.alertId(), why, giveUp ? null : now.plus(settings.delivery().backoff(attempts)));
                if (!(e instanceof RecipientFailure)) {
                    failing.add(channel.name()); // the receiver is down: the rest of the round would fail too
                }
                count("ward.alerts.failed", channel);
                problems.add(channel.name() + ": " + why + (giveUp ? " Alert " + item.alert().eventId() + " was given up"
                        + " after " + attempts + " attempts." : " It is retried later."));
                LOG.warn("Alert channel {} failed: {}", channel.name(), why);
            }
        }
        List<AlertOutbox.ChannelHealth> health = outbox.health();
        for (AlertOutbox.ChannelHealth h : health) {
            if (h.failed() > 0 && !failing.contains(h.channel())) {
                problems.add(h.channel() + ": " + h.failed() + " alert" + (h.failed() == 1 ? "" : "s")
                        + " could not be delivered after every attempt (last error: " + h.lastError() + ").");
            }
        }
        return new AlertRound(true, queued, sent, deferred, destinations(), problems, health);
    }

    /** When quiet hours or the channel's hourly cap hold the alert back, until when; null to send now. */
    private Instant heldUntil(AlertSettings.Channel config, AlertOutbox.Queued item, Instant now) {
        QuietHours quiet = config.quiet();
        boolean spared = config.quietHoursSpareCritical() && "critical".equals(item.alert().severity());
        if (quiet != null && !spared) {
            Instant end = quiet.endsAfter(now, settings.zone());
            if (end != null) {
                return end;
            }
        }
        return outbox.firstSentSince(item.channel(), now.minusSeconds(3600), config.maxPerHour())
                .map(first -> first.plusSeconds(3600)).orElse(null);
    }

    private Map<String, String> destinations() {
        Map<String, String> out = new LinkedHashMap<>();
        channels.all().forEach((name, channel) -> out.put(name, channel.type().settingName() + " to "
                + channel.destination()));
        return out;
    }

    private void count(String meter, AlertChannel channel) {
        metrics.counter(meter, "channel", channel.name(), "type", channel.type().settingName()).increment();
    }
}
