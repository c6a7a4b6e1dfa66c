package org.ward.rules.classify;

import java.util.Set;

import org.ward.rules.facts.LocationKind;

/** Location contexts for classifier tests. */
final class TestLocations {

    private TestLocations() {
    }

    static LocationContext oneDrive() {
        return new LocationContext(LocationKind.ONEDRIVE, "https://upwellhealth-my.sharepoint.com/personal/jo_upwellhealth_nhs_uk",
                "Jo Bloggs", "Documents", false, Set.of());
    }

    static LocationContext site(String path, String name) {
        return new LocationContext(LocationKind.SHAREPOINT_SITE, "https://upwellhealth.sharepoint.com" + path, name,
                "Documents", false, Set.of());
    }

    static LocationContext teamSite(String path, String name) {
        return new LocationContext(LocationKind.GROUP_SITE, "https://upwellhealth.sharepoint.com" + path, name,
                "Documents", false, Set.of());
    }

    static LocationContext approved(String path, String name, String... kinds) {
        return new LocationContext(LocationKind.SHAREPOINT_SITE, "https://upwellhealth.sharepoint.com" + path, name,
                "Documents", true, Set.of(kinds));
    }
}
