package org.ward.rules.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.IdentityThresholds;
import org.ward.rules.policy.Rule;

/**
 * IMPOSSIBLE_TRAVEL: two consecutive successful sign-ins of one user whose distance over the time between them needs
 * a speed above {@code identity.impossibleTravel.maximumSpeedKmh} (900 km/h, Panther's okta_geo_improbable_access),
 * at least {@code minimumDistanceKm} apart (500 km, so geo-IP error and a VPN hop inside one country do not count).
 * Sign-ins from {@code allowedNetworks} and sign-ins without coordinates are skipped. The previous run's last
 * successful sign-in pairs with this run's first.
 */
final class ImpossibleTravelDetector implements SignInDetector {

    private final FindingType type;
    private final IdentityThresholds.ImpossibleTravel limits;
    private final Networks allowed;
    private final Map<String, UserBaseline> baselines;
    private final Map<String, SignInEvent> newer = new HashMap<>();
    private final List<Anomaly> found = new ArrayList<>();

    ImpossibleTravelDetector(DetectorSetup setup) {
        this.type = setup.type();
        this.limits = setup.pack().identity().impossibleTravel();
        this.allowed = new Networks(limits.allowedNetworks());
        this.baselines = setup.baselines();
    }

    @Override
    public void accept(SignInEvent event, boolean replay) {
        if (replay || !event.success() || !event.hasCoordinates() || allowed.contains(event.ip())) {
            return;
        }
        SignInEvent later = newer.put(event.userKey(), event);
        if (later != null) {
            check(Evidence.of(event), event.latitude(), event.longitude(), later);
        }
    }

    @Override
    public List<Anomaly> finish() {
        for (Map.Entry<String, SignInEvent> oldest : newer.entrySet()) {
            UserBaseline baseline = baselines.get(oldest.getKey());
            if (baseline != null && baseline.lastSuccess() != null && baseline.lastLatitude() != null
                    && baseline.lastSuccess().time().isBefore(oldest.getValue().time())
                    && !allowed.contains(baseline.lastSuccess().ip())) {
                check(baseline.lastSuccess(), baseline.lastLatitude(), baseline.lastLongitude(), oldest.getValue());
            }
        }
        return List.copyOf(found);
    }

    private void check(Evidence earlier, double lat, double lon, SignInEvent later) {
        double km = GreatCircle.km(lat, lon, later.latitude(), later.longitude());
        if (km < limits.minimumDistanceKm()) {
            return;
        }
        Duration between = Duration.between(earlier.time(), later.time());
        double hours = between.toMillis() / 3_600_000.0;
        double speed = hours <= 0 ? Double.POSITIVE_INFINITY : km / hours;
        if (speed <= limits.maximumSpeedKmh()) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("from", earlier.place());
        facts.put("to", later.place());
        facts.put("distanceKm", String.valueOf(Math.round(km)));
        facts.put("minutes", String.valueOf(between.toMinutes()));
        facts.put("speedKmh", Double.isInfinite(speed) ? "unbounded" : String.valueOf(Math.round(speed)));
        facts.put("between", IdentityText.duration(between));
        found.add(new Anomaly(type, "user:" + later.userKey(), later.upn(), later.displayName(), later.id(), later.time(),
                2, false, facts, List.of(Evidence.of(later), earlier)));
    }

    @Override
    public FindingDraft describe(Anomaly a, Rule rule) {
        String speed = "unbounded".equals(a.fact("speedKmh")) ? "at the same moment"
                : String.format(java.util.Locale.ROOT, "%,d km/h", Long.parseLong(a.fact("speedKmh")));
        return FindingDraft.of(rule, IdentityText.who(a.displayName(), a.label()) + " signed in from " + a.fact("from")
                        + " and then from " + a.fact("to") + " " + a.fact("between") + " later.",
                List.of("The two successful sign-ins are " + IdentityText.km(Double.parseDouble(a.fact("distanceKm")))
                                + " apart, which needs " + speed + "; the pack allows at most "
                                + limits.maximumSpeedKmh() + " km/h over at least " + limits.minimumDistanceKm() + " km.",
                        "Neither address is in identity.impossibleTravel.allowedNetworks."),
                IdentitySubjects.of(a), null)
                .withDiscriminator(a.discriminator())
                .withDetails(IdentityText.details(a));
    }
}
