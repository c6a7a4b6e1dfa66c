package org.ward.rules.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.TestPolicies;

/** Sign-ins written the way a test reads: who, when, from where, how it ended; and running the detectors over them. */
final class SignIns {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final PolicyPack NHS = TestPolicies.nhsEngland();
    static final PolicyPack CLINIC = TestPolicies.loader().loadFile(java.nio.file.Path.of(
            "src/test/resources/policy/identity-policy.yaml"));

    /** A city as geo-IP places it. */
    record Place(String city, String country, double lat, double lon) {
    }

    static final Place LONDON = new Place("London", "GB", 51.5072, -0.1276);
    static final Place MANCHESTER = new Place("Manchester", "GB", 53.4808, -2.2426);
    static final Place NORWICH = new Place("Norwich", "GB", 52.6309, 1.2974);
    static final Place PARIS = new Place("Paris", "FR", 48.8566, 2.3522);
    static final Place NEW_YORK = new Place("New York", "US", 40.7128, -74.0060);
    static final Place SYDNEY = new Place("Sydney", "AU", -33.8688, 151.2093);
    static final Place LAGOS = new Place("Lagos", "NG", 6.5244, 3.3792);

    private static final AtomicInteger IDS = new AtomicInteger();

    private SignIns() {
    }

    /** A sign-in builder for a user named by the part of the UPN before the @. */
    static Builder of(String user) {
        return new Builder(user);
    }

    static final class Builder {
        private final String user;
        private Instant at = NOW.minus(Duration.ofDays(1));
        private Place place = LONDON;
        private String ip = "194.80.10.20";
        private String client = "Browser";
        private int errorCode;
        private String detail;
        private String requirement = "multiFactorAuthentication";
        private String app = "Office 365 Exchange Online";

        Builder(String user) {
            this.user = user;
        }

        Builder at(Instant time) {
            this.at = time;
            return this;
        }

        Builder daysAgo(double days) {
            this.at = NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
            return this;
        }

        Builder from(Place where, String address) {
            this.place = where;
            this.ip = address;
            return this;
        }

        Builder client(String clientApp) {
            this.client = clientApp;
            return this;
        }

        Builder failed(int code) {
            this.errorCode = code;
            this.requirement = "singleFactorAuthentication";
            return this;
        }

        Builder deniedMfa() {
            this.errorCode = 500121;
            this.detail = "MFA denied; user declined the authentication";
            return this;
        }

        Builder singleFactor() {
            this.requirement = "singleFactorAuthentication";
            return this;
        }

        Builder requirementUnknown() {
            this.requirement = null;
            return this;
        }

        SignInEvent event() {
            return new SignInEvent("s-" + IDS.incrementAndGet(), at, "id-" + user, user + "@clinic.nhs.uk",
                    Character.toUpperCase(user.charAt(0)) + user.substring(1), app, ip, place.city(), place.country(),
                    place.lat(), place.lon(), client, errorCode, detail, requirement, true);
        }

        /** This sign-in and more, each {@code every} after the one before. */
        List<SignInEvent> times(int n, Duration every) {
            List<SignInEvent> out = new ArrayList<>();
            Instant start = at;
            for (int i = 0; i < n; i++) {
                at = start.plus(every.multipliedBy(i));
                out.add(event());
            }
            return out;
        }
    }

    /** Runs the pack's detectors over the sign-ins, newest first as Graph gives them. */
    static SignInAssessment.Result run(PolicyPack pack, Map<String, UserBaseline> baselines, ReachIndex reach,
            List<SignInEvent> events) {
        SignInAssessment assessment = new SignInAssessment(pack, baselines, reach, true);
        events.stream().sorted(Comparator.comparing(SignInEvent::time).reversed()).forEach(e -> assessment.accept(e, false));
        return assessment.finish();
    }

    /** The findings of one type the sign-ins give under the nhs-england pack. */
    static List<FindingDraft> findings(FindingType type, List<SignInEvent> events) {
        return findings(NHS, Map.of(), ReachIndex.UNKNOWN, type, events);
    }

    static List<FindingDraft> findings(PolicyPack pack, Map<String, UserBaseline> baselines, ReachIndex reach,
            FindingType type, List<SignInEvent> events) {
        SignInAssessment assessment = new SignInAssessment(pack, baselines, reach, true);
        events.stream().sorted(Comparator.comparing(SignInEvent::time).reversed()).forEach(e -> assessment.accept(e, false));
        return assessment.finish().anomalies().stream().filter(a -> a.type() == type).map(assessment::describe).toList();
    }

    @SafeVarargs
    static List<SignInEvent> all(List<SignInEvent>... groups) {
        List<SignInEvent> out = new ArrayList<>();
        for (List<SignInEvent> g : groups) {
            out.addAll(g);
        }
        return out;
    }
}
