package org.ward.connector.discovery.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphErrors;

import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.VerifiedDomain;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * The organization collector: {@code GET /organization?$select=id,displayName,verifiedDomains}, the tenant's name for
 * reports and the domains it verified, which tell a member's address from a guest's. Needs Organization.Read.All (or
 * Directory.Read.All); a refusal reaches the caller as a {@code GraphAccessException}.
 */
@Component
public class TenantOrganization {

    /**
     * What the tenant says about itself.
     *
     * @param id the tenant id
     * @param displayName its name ("Upwell Health Centre")
     * @param verifiedDomains every domain it verified, the initial onmicrosoft.com one included
     */
    public record Facts(String id, String displayName, List<String> verifiedDomains) {

        public Facts {
            verifiedDomains = List.copyOf(verifiedDomains);
        }
    }

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public TenantOrganization(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /** The tenant's one organization object, or empty when Graph lists none. */
    public Optional<Facts> read() {
        var page = errors.call(() -> graph.organization().get(rc ->
                rc.queryParameters.select = new String[] {"id", "displayName", "verifiedDomains"}));
        if (page == null || page.getValue() == null || page.getValue().isEmpty()) {
            return Optional.empty();
        }
        Organization organization = page.getValue().get(0);
        List<String> domains = new ArrayList<>();
        if (organization.getVerifiedDomains() != null) {
            for (VerifiedDomain domain : organization.getVerifiedDomains()) {
                if (domain.getName() != null) {
                    domains.add(domain.getName());
                }
            }
        }
        return Optional.of(new Facts(organization.getId(), organization.getDisplayName(), domains));
    }
}
