package org.ward.rules.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.IdentityThresholds;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * Runs the sign-in detectors the pack enables over one pass of the sign-in log (newest first) and keeps the
 * per-user baseline up to date. Holds per-user (and per-source) state only, so memory follows the number of people,
 * not of sign-ins. Pure: events in; anomalies, baselines and findings out.
 */
public final class SignInAssessment {

    /** Every finding type that comes from the sign-in log, as the identity catalogue lists them. */
    public static final Set<FindingType> TYPES = Arrays.stream(IdentityCatalogue.values()).filter(IdentityCatalogue::fromSignIns)
            .collect(Collectors.toCollection(LinkedHashSet::new));

    /**
     * One pass's result.
     *
     * @param anomalies what the detectors found in this pass
     * @param baselines every user's baseline after it (old ones carried over, pruned to the window)
     * @param events sign-ins read
     * @param replayed of those, sign-ins read again to complete short windows
     */
    public record Result(List<Anomaly> anomalies, Map<String, UserBaseline> baselines, long events, long replayed) {
    }

    private final PolicyPack pack;
    private final Map<FindingType, SignInDetector> detectors = new LinkedHashMap<>();
    private final Map<FindingType, String> notRun = new LinkedHashMap<>();
    private final Map<String, UserBaseline> baselines;
    private final Map<String, Newest> newest = new HashMap<>();
    private final Duration window;
    private long events;
    private long replayed;

    /** A user's newest successful sign-in and country times seen in this pass. */
    private static final class Newest {
        SignInEvent success;
        final Map<String, Instant> countries = new HashMap<>();
    }

    /**
     * @param pack the policy
     * @param baselines the baselines the last run kept, by user key
     * @param reach users' reach into patient data
     * @param authenticationRequirementRead whether events carry authenticationRequirement (read from beta)
     */
    public SignInAssessment(PolicyPack pack, Map<String, UserBaseline> baselines, ReachIndex reach,
            boolean authenticationRequirementRead) {
        this.pack = pack;
        this.baselines = Map.copyOf(baselines);
        this.window = IdentityText.window(pack.identity().unfamiliarCountry().baselineWindow());
        for (IdentityCatalogue type : IdentityCatalogue.values()) {
            Rule rule = pack.rule(type).filter(Rule::enabled).orElse(null);
            if (rule == null) {
                continue;
            }
            type.detector(new DetectorSetup(type, rule, pack, this.baselines, reach, authenticationRequirementRead))
                    .ifPresent(detector -> {
                        String why = detector.notEvaluated();
                        if (why != null) {
                            notRun.put(type, why);
                        } else {
                            detectors.put(type, detector);
                        }
                    });
        }
    }

    /** How far back a run must re-read before where the last one stopped, so short windows straddling it are whole. */
    public static Duration replayWindow(PolicyPack pack) {
        IdentityThresholds t = pack.identity();
        Duration longest = t.passwordSpray().window();
        longest = t.bruteForce().window().compareTo(longest) > 0 ? t.bruteForce().window() : longest;
        return t.mfaFatigue().window().compareTo(longest) > 0 ? t.mfaFatigue().window() : longest;
    }

    /** The sign-in finding types this pass decides: every one except those that cannot run. */
    public Set<FindingType> types() {
        Set<FindingType> types = new LinkedHashSet<>(TYPES);
        types.removeAll(notRun.keySet());
        return types;
    }

    /** Why a detector cannot run, by rule id. */
    public Map<String, String> notRun() {
        Map<String, String> out = new LinkedHashMap<>();
        notRun.forEach((type, why) -> out.put(pack.rule(type).map(Rule::id).orElse(type.name()), why));
        return out;
    }

    /** The next sign-in, older than all before it. */
    public void accept(SignInEvent event, boolean replay) {
        events++;
        if (replay) {
            replayed++;
        }
        for (SignInDetector detector : detectors.values()) {
            detector.accept(event, replay);
        }
        if (!replay && event.success()) {
            Newest n = newest.computeIfAbsent(event.userKey(), k -> new Newest());
            if (n.success == null && event.hasCoordinates()) {
                n.success = event;
            }
            if (event.country() != null && !event.country().isBlank()) {
                n.countries.putIfAbsent(event.country(), event.time());
            }
        }
    }

    public Result finish() {
        List<Anomaly> anomalies = new ArrayList<>();
        for (SignInDetector detector : detectors.values()) {
            anomalies.addAll(detector.finish());
        }
        return new Result(anomalies, updatedBaselines(), events, replayed);
    }

    private Map<String, UserBaseline> updatedBaselines() {
        Map<String, UserBaseline> out = new HashMap<>(baselines);
        for (Map.Entry<String, Newest> e : newest.entrySet()) {
            UserBaseline old = baselines.get(e.getKey());
            Newest n = e.getValue();
            Map<String, Instant> countries = new HashMap<>(old == null ? Map.of() : old.countries());
            n.countries.forEach((country, time) -> countries.merge(country, time, (a, b) -> a.isAfter(b) ? a : b));
            Instant latest = countries.values().stream().max(Instant::compareTo).orElse(null);
            if (latest != null) {
                countries.values().removeIf(t -> t.isBefore(latest.minus(window)));
            }
            SignInEvent success = n.success;
            boolean newer = success != null && (old == null || old.lastSuccess() == null
                    || success.time().isAfter(old.lastSuccess().time()));
            String upn = success != null ? success.upn() : old == null ? null : old.upn();
            String name = success != null ? success.displayName() : old == null ? null : old.displayName();
            out.put(e.getKey(), new UserBaseline(e.getKey(), upn, name,
                    newer ? Evidence.of(success) : old == null ? null : old.lastSuccess(),
                    newer ? success.latitude() : old == null ? null : old.lastLatitude(),
                    newer ? success.longitude() : old == null ? null : old.lastLongitude(), countries));
        }
        return out;
    }

    /**
     * The detectors' outcome, in the shape of the tenant checks': the findings the anomalies in the window become,
     * the types this pass decides, and why a detector could not run.
     */
    public IdentityAssessment.Outcome outcome(List<Anomaly> window) {
        List<FindingDraft> findings = window.stream().map(this::describe).filter(Objects::nonNull).toList();
        return new IdentityAssessment.Outcome(findings, types(), notRun());
    }

    /** The finding an anomaly (found now or kept from earlier runs) becomes, or null when its rule is off. */
    public FindingDraft describe(Anomaly anomaly) {
        SignInDetector detector = detectors.get(anomaly.type());
        Rule rule = pack.rule(anomaly.type()).filter(Rule::enabled).orElse(null);
        return detector == null || rule == null ? null : detector.describe(anomaly, rule);
    }
}
