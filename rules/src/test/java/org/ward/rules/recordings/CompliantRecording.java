package org.ward.rules.recordings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ward.rules.check.CheckContext;
import org.ward.rules.classify.IdentifierFingerprint;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.facts.StoredIdentifier;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.policy.BuiltInPacks;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyLoader;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * The named fixture for recording checks: a consultation video that breaks no rule — in the approved Clinical
 * Recordings site (labelled Confidential\Patient Data), with its retention label, a year old, and a consent form
 * naming the same patient beside it. Each test changes one thing.
 */
final class CompliantRecording {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final PolicyPack POLICY = new PolicyLoader(BuiltInPacks.directory(Path.of("../policies")))
            .loadFile(Path.of("src/test/resources/policy/clinic-policy.yaml"));
    static final IdentifierFingerprint FINGERPRINT = new IdentifierFingerprint("test-installation-key".getBytes());
    static final CheckContext CONTEXT = CheckContext.of(POLICY, NOW, FINGERPRINT);
    static final String SITE_URL = "https://smallclinic.sharepoint.com/sites/ClinicalRecordings";
    static final String PATIENT = "hmac-sha256:patient-0018";

    private CompliantRecording() {
    }

    static Rule rule(FindingType type) {
        return POLICY.rule(type).orElseThrow();
    }

    static Location approvedSite() {
        return new Location("site-1", LocationKind.GROUP_SITE, "Clinical Recordings", SITE_URL, "group-1", "group-1", null,
                null, List.of("ada.lovelace@smallclinic.nhs.uk"), ContainerLabel.of("label-4", "Confidential\\Patient Data"),
                NOW.minus(Duration.ofDays(700)));
    }

    static Location site(String url, LocationKind kind, ContainerLabel label) {
        return new Location("site-x", kind, "Somewhere", url, null, null, null, null, List.of("owner@smallclinic.nhs.uk"),
                label, NOW.minus(Duration.ofDays(100)));
    }

    static ClassifiedItem recording() {
        return recording(item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", "Clinical Recording - 8 Years",
                Duration.ofDays(365), Map.of()), "consultation-video", List.of(identifier(PATIENT)));
    }

    static ClassifiedItem recording(ItemRecord item, String kind, List<StoredIdentifier> identifiers) {
        return new ClassifiedItem(item, true, kind, 85, List.of("video MIME type", "approved location"), identifiers);
    }

    static ClassifiedItem consentForm() {
        return document(item("form-1", "Consent 999 *** **18.pdf", "application/pdf", null, Duration.ofDays(365), Map.of()),
                List.of(identifier(PATIENT)));
    }

    static ClassifiedItem document(ItemRecord item, List<StoredIdentifier> identifiers) {
        return new ClassifiedItem(item, false, null, 0, List.of(), identifiers);
    }

    static ItemRecord item(String id, String name, String mime, String retentionLabel, Duration age, Map<String, String> columns) {
        return new ItemRecord("drive-1", id, "folder-1", name, "/Consultations/" + name, false, mime, 1_000_000,
                NOW.minus(age), NOW.minus(age), null, null, "hash-" + id, null,
                mime.startsWith("video") ? new MediaFacets(false, true, false, false, 1_200_000L) : MediaFacets.NONE,
                retentionLabel, null, columns);
    }

    static StoredIdentifier identifier(String fingerprint) {
        return new StoredIdentifier("NHS_NUMBER", "999 *** **18", fingerprint, "file name");
    }

    static RecordingFacts facts(ClassifiedItem recording, Location location, List<ClassifiedItem> folder) {
        LocationContext context = LocationContext.of(location, "Documents", POLICY.locations());
        return new RecordingFacts(recording, location, context, folder, location.webUrl() + "/Shared%20Documents");
    }

    static RecordingFacts compliant() {
        return facts(recording(), approvedSite(), List.of(consentForm()));
    }

    static LocationFacts place(Location location, int recordings) {
        return new LocationFacts(location, LocationContext.of(location, "Documents", POLICY.locations()), recordings,
                java.util.Set.of("consultation-video"), List.of("/Consultations/Consultation 999 *** **18.mp4"));
    }
}
