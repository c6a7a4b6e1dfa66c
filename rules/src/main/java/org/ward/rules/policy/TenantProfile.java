package org.ward.rules.policy;

import java.util.List;

/**
 * What the pack knows about the organisation's own tenant; usually set by an organisation file.
 *
 * @param name the organisation's name, for reports
 * @param domains the tenant's own e-mail domains: anyone else is external
 * @param sharePointHosts SharePoint host names ("contoso.sharepoint.com"); approved-location patterns that start
 *     with "/" are read against these hosts
 */
public record TenantProfile(String name, List<String> domains, List<String> sharePointHosts) {

    public TenantProfile {
        domains = List.copyOf(domains);
        sharePointHosts = List.copyOf(sharePointHosts);
    }
}
