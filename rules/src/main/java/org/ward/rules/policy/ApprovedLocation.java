package org.ward.rules.policy;

import java.util.List;
import java.util.Set;

/**
 * A place approved for some recording kinds.
 *
 * @param id stable kebab-case id
 * @param title what people call the place
 * @param site the site URL as a wildcard pattern ("https://contoso.sharepoint.com/sites/Clinical*"), or a
 *     server-relative path ("/sites/ClinicalRecordings") read against the tenant's SharePoint hosts
 * @param libraries document library (drive) names the approval is limited to; empty means every library
 * @param kinds the recording kind ids approved here
 */
public record ApprovedLocation(String id, String title, String site, List<String> libraries, Set<String> kinds) {

    public ApprovedLocation {
        libraries = List.copyOf(libraries);
        kinds = Set.copyOf(kinds);
    }
}
