package org.ward.rules.recordings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;

/**
 * Runs the recording and location checks of the catalogue the policy enables, folder by folder as the store streams
 * them, then place by place. A rule whose check could not decide is reported as not evaluated with the reason. Pure:
 * no I/O.
 */
public final class RecordingAssessment {

    private final EnabledChecks<RecordingFacts> recordingChecks;
    private final EnabledChecks<LocationFacts> locationChecks;
    private final Map<String, Place> places = new LinkedHashMap<>();

    public RecordingAssessment(CheckContext context) {
        this.recordingChecks = EnabledChecks.of(RecordingsCatalogue.values(), t -> t.check().forFacts(RecordingFacts.class),
                context);
        this.locationChecks = EnabledChecks.of(RecordingsCatalogue.values(), t -> t.check().forFacts(LocationFacts.class),
                context);
    }

    /** The finding types this assessment decides; open findings of these types not found again are resolved. */
    public Set<FindingType> types() {
        Set<FindingType> types = new LinkedHashSet<>(recordingChecks.types());
        types.addAll(locationChecks.types());
        return types;
    }

    /**
     * Assesses the recordings of one folder, given every file in it.
     *
     * @param sink receives each finding as it is found, so findings need not all be held in memory
     */
    public void folder(Location location, LocationContext context, String driveWebUrl, List<ClassifiedItem> files,
            Consumer<FindingDraft> sink) {
        for (ClassifiedItem file : files) {
            if (!file.recording()) {
                continue;
            }
            List<ClassifiedItem> others = files.stream().filter(f -> f != file).toList();
            recordingChecks.run(new RecordingFacts(file, location, context, others, driveWebUrl), file.item().path(), sink);
            places.computeIfAbsent(location.siteId(), k -> new Place(location, context)).add(file);
        }
    }

    /** Runs the location checks over every place that held recordings. */
    public void finish(Consumer<FindingDraft> sink) {
        for (Place place : places.values()) {
            locationChecks.run(new LocationFacts(place.location, place.context, place.count, place.kinds, place.examples),
                    place.location.displayName(), sink);
        }
    }

    /** Why checks could not decide, as sentences: "Not evaluated rule-id: reason (3: A, B, C)." */
    public List<String> notEvaluatedSentences() {
        List<String> sentences = new ArrayList<>(recordingChecks.notEvaluatedSentences());
        sentences.addAll(locationChecks.notEvaluatedSentences());
        return sentences;
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

        void add(ClassifiedItem recording) {
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
