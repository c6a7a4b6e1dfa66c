package org.ward.rules.recordings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.ward.rules.classify.ConsentEvidence;
import org.ward.rules.classify.IdentifierFingerprint;
import org.ward.rules.classify.LabelRequirements;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.classify.RetentionClock;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.StoredRow;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * Runs the recording and location checks the policy enables, folder by folder as the store streams them, then
 * place by place. Which checks run is decided by the pack's rules; a rule whose check could not decide is reported
 * as not evaluated with the reason. Pure: no I/O.
 */
public final class RecordingAssessment {

    private final PolicyPack pack;
    private final Instant now;
    private final Map<FindingType, RecordingCheck> recordingChecks = new LinkedHashMap<>();
    private final Map<FindingType, LocationCheck> locationChecks = new LinkedHashMap<>();

    private final Map<String, Set<String>> notEvaluated = new LinkedHashMap<>();
    private final Map<String, Place> places = new LinkedHashMap<>();

    public RecordingAssessment(PolicyPack pack, IdentifierFingerprint fingerprint, Instant now) {
        this.pack = pack;
        this.now = now;
        LabelRequirements labels = new LabelRequirements(pack.labels());
        for (RecordingCheck check : List.of(new RecordingOutsideApprovedLocationCheck(),
                new RecordingWithoutRetentionLabelCheck(labels), new RecordingPastRetentionCheck(new RetentionClock(pack.retention())),
                new RecordingWithoutConsentEvidenceCheck(new ConsentEvidence(pack, fingerprint)))) {
            recordingChecks.put(check.type(), check);
        }
        for (LocationCheck check : List.of(new UnregisteredSiteHoldsRecordingsCheck(),
                new LocationWithoutSensitivityLabelCheck(labels))) {
            locationChecks.put(check.type(), check);
        }
    }

    /** The finding types this assessment decides; open findings of these types not found again are resolved. */
    public Set<FindingType> types() {
        Set<FindingType> types = new LinkedHashSet<>(recordingChecks.keySet());
        types.addAll(locationChecks.keySet());
        return types;
    }

    /**
     * Assesses the recordings of one folder, given every file in it.
     *
     * @param sink receives each finding as it is found, so findings need not all be held in memory
     */
    public void folder(Location location, LocationContext context, String driveWebUrl, List<StoredRow> files,
            Consumer<FindingDraft> sink) {
        for (StoredRow file : files) {
            if (!file.recording()) {
                continue;
            }
            List<StoredRow> others = files.stream().filter(f -> f != file).toList();
            RecordingFacts facts = new RecordingFacts(file, location, context, others, driveWebUrl);
            for (Map.Entry<FindingType, RecordingCheck> check : recordingChecks.entrySet()) {
                enabled(check.getKey()).ifPresent(rule -> record(rule, check.getValue().evaluate(facts, rule, now),
                        file.item().path(), sink));
            }
            places.computeIfAbsent(location.siteId(), k -> new Place(location, context)).add(file);
        }
    }

    /** Runs the location checks over every place that held recordings. */
    public void finish(Consumer<FindingDraft> sink) {
        for (Place place : places.values()) {
            LocationFacts facts = new LocationFacts(place.location, place.context, place.count, place.kinds, place.examples);
            for (Map.Entry<FindingType, LocationCheck> check : locationChecks.entrySet()) {
                enabled(check.getKey()).ifPresent(rule -> record(rule, check.getValue().evaluate(facts, rule),
                        place.location.displayName(), sink));
            }
        }
    }

    /** Why checks could not decide, each reason with the places or items it covers. */
    public Map<String, Set<String>> notEvaluated() {
        return Map.copyOf(notEvaluated);
    }

    /** The same as sentences: "Not evaluated rule-id: reason (3 places: A, B, C)." */
    public List<String> notEvaluatedSentences() {
        List<String> sentences = new ArrayList<>();
        notEvaluated.forEach((reason, subjects) -> {
            List<String> named = subjects.stream().limit(5).toList();
            String more = subjects.size() > named.size() ? " and " + (subjects.size() - named.size()) + " more" : "";
            sentences.add("Not evaluated " + reason + " (" + subjects.size() + (subjects.size() == 1 ? ": " : ": ")
                    + String.join(", ", named) + more + ")");
        });
        return sentences;
    }

    private java.util.Optional<Rule> enabled(FindingType type) {
        return pack.rule(type).filter(Rule::enabled);
    }

    private void record(Rule rule, CheckOutcome outcome, String subject, Consumer<FindingDraft> sink) {
        outcome.findings().forEach(sink);
        if (outcome.notEvaluated() != null) {
            notEvaluated.computeIfAbsent(rule.id() + ": " + outcome.notEvaluated(), k -> new TreeSet<>()).add(subject);
        }
    }

    /** Recordings seen in one place. */
    private static final class Place {
        final Location location;
        final LocationContext context;
        final Set<String> kinds = new TreeSet<>();
        final List<String> examples = new ArrayList<>();
        int count;

        Place(Location location, LocationContext context) {
            this.location = location;
            this.context = context;
        }

        void add(StoredRow recording) {
            count++;
            if (recording.kind() != null) {
                kinds.add(recording.kind());
            }
            if (examples.size() < 3) {
                examples.add(recording.item().path());
            }
        }
    }
}
