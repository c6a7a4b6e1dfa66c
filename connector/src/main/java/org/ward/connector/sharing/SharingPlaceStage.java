package org.ward.connector.sharing;

import java.util.HashSet;
import java.util.List;

import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.Place;
import org.ward.connector.runs.PlaceStage;
import org.ward.rules.facts.ItemKey;

/**
 * The sharing checks for one place whose drive changed (ward serve): reads the permissions of its recordings that
 * delta marked, or of all of them when delta cannot say whose sharing changed, then judges them.
 */
class SharingPlaceStage implements PlaceStage {

    private final AccessStore access;
    private final AccessReview review;
    private final SharingMode mode;
    private final SharingSettings settings;
    private final ItemStore items;
    private final FindingStore findings;

    SharingPlaceStage(AccessStore access, AccessReview review, SharingMode mode, SharingSettings settings, ItemStore items,
            FindingStore findings) {
        this.access = access;
        this.review = review;
        this.mode = mode;
        this.settings = settings;
        this.items = items;
        this.findings = findings;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> refresh(Place place) {
        if (!settings.enabled()) {
            return List.of("Not evaluated: who can reach recordings (sharing rules), because ward.sharing.enabled is false.");
        }
        List<ItemKey> recordings = items.recordingKeys(place.driveIds());
        access.forgetAllBut(place.driveIds(), new HashSet<>(recordings));
        try {
            review.read(mode.deltaReportsSharingChanges() ? access.toRead(recordings, false, place.runId()) : recordings,
                    place.runId());
            review.refreshGroups(place.driveIds(), place.now(), place.runId());
        } catch (GraphAccessException e) {
            if (e.status() != 403) {
                throw e;
            }
            return List.of("Not evaluated: who can reach recordings (sharing rules). " + e.getMessage());
        }
        return review.evaluate(place.driveIds(), place.sites(), place.drives(), place.now(),
                types -> findings.reconciler(types, place.siteId(), place.runId(), place.now()));
    }
}
