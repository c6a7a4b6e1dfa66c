package org.ward.connector.copies;

import java.util.List;

import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.Place;
import org.ward.connector.runs.PlaceStage;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.policy.PolicyPack;

/**
 * The copies checks for one place whose drive changed (ward serve): a OneDrive's recordings against the approved
 * copies anywhere in the tenant. A change in an approved location can also settle copies in other people's OneDrives;
 * the scheduled full scan judges those.
 */
class CopyPlaceStage implements PlaceStage {

    private final CopyEvaluation evaluation;
    private final FindingStore findings;

    CopyPlaceStage(ItemStore items, FindingStore findings, PolicyPack policy) {
        this.evaluation = new CopyEvaluation(items, policy);
        this.findings = findings;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public List<String> refresh(Place place) {
        if (place.location().kind() != LocationKind.ONEDRIVE) {
            return List.of();
        }
        // Approved copies are looked for in every drive, not only the place's.
        return evaluation.evaluate(place.driveIds(), place.sites(), place.tenantDrives(), place.now(),
                types -> findings.reconciler(types, place.siteId(), place.runId(), place.now()));
    }
}
