package org.ward.connector.identity.collect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.identity.IdentityPacer;
import org.ward.rules.identity.CaPolicyView;

import com.microsoft.graph.models.ConditionalAccessClientApp;
import com.microsoft.graph.models.ConditionalAccessConditionSet;
import com.microsoft.graph.models.ConditionalAccessGrantControl;
import com.microsoft.graph.models.ConditionalAccessPolicy;
import com.microsoft.graph.models.ConditionalAccessUsers;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * Reads conditional-access policies (1 request per second per tenant, paced), security defaults, and the people and
 * groups the policies name, so exclusions can be counted and named.
 */
@Component
public class ConditionalAccessCollector {

    private final GraphServiceClient graph;
    private final GraphErrors errors;
    private final IdentityPacer pacer;

    public ConditionalAccessCollector(GraphServiceClient graph, GraphErrors errors, IdentityPacer pacer) {
        this.graph = graph;
        this.errors = errors;
        this.pacer = pacer;
    }

    public List<CaPolicyView> policies() {
        List<CaPolicyView> out = new ArrayList<>();
        var page = pacer.call(IdentityPacer.Lane.PROTECTION, () -> errors.call(() ->
                graph.identity().conditionalAccess().policies().get()));
        while (page != null) {
            for (ConditionalAccessPolicy p : page.getValue()) {
                out.add(view(p));
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : pacer.call(IdentityPacer.Lane.PROTECTION, () -> errors.call(() ->
                    graph.identity().conditionalAccess().policies().withUrl(next).get()));
        }
        return out;
    }

    public boolean securityDefaults() {
        return Boolean.TRUE.equals(errors.call(() -> graph.policies().identitySecurityDefaultsEnforcementPolicy().get())
                .getIsEnabled());
    }

    private static CaPolicyView view(ConditionalAccessPolicy p) {
        ConditionalAccessConditionSet c = p.getConditions();
        ConditionalAccessUsers u = c == null ? null : c.getUsers();
        List<String> narrowedBy = new ArrayList<>();
        if (c != null) {
            if (c.getSignInRiskLevels() != null && !c.getSignInRiskLevels().isEmpty()) {
                narrowedBy.add("sign-in risk");
            }
            if (c.getUserRiskLevels() != null && !c.getUserRiskLevels().isEmpty()) {
                narrowedBy.add("user risk");
            }
            if (c.getLocations() != null) {
                narrowedBy.add("locations");
            }
            if (c.getPlatforms() != null) {
                narrowedBy.add("device platforms");
            }
            if (c.getDevices() != null) {
                narrowedBy.add("device filter");
            }
            if (c.getAuthenticationFlows() != null) {
                narrowedBy.add("authentication flows");
            }
        }
        var grant = p.getGrantControls();
        List<String> controls = grant == null || grant.getBuiltInControls() == null ? List.of()
                : grant.getBuiltInControls().stream().map(ConditionalAccessGrantControl::getValue).toList();
        List<String> clients = c == null || c.getClientAppTypes() == null ? List.of()
                : c.getClientAppTypes().stream().map(ConditionalAccessClientApp::getValue).toList();
        var apps = c == null ? null : c.getApplications();
        return new CaPolicyView(p.getId(), p.getDisplayName(), p.getState() == null ? "disabled" : p.getState().getValue(),
                list(u == null ? null : u.getIncludeUsers()), list(u == null ? null : u.getExcludeUsers()),
                list(u == null ? null : u.getIncludeGroups()), list(u == null ? null : u.getExcludeGroups()),
                list(u == null ? null : u.getIncludeRoles()), list(u == null ? null : u.getExcludeRoles()),
                list(apps == null ? null : apps.getIncludeApplications()),
                list(apps == null ? null : apps.getExcludeApplications()), clients, controls,
                grant != null && grant.getAuthenticationStrength() != null,
                u != null && u.getExcludeGuestsOrExternalUsers() != null, narrowedBy);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    /**
     * Members (object ids) of the given groups; a group Ward cannot read is left out, so callers count it unknown.
     *
     * @param names receives "UPN (display name)" for every member and the group's display name
     */
    public Map<String, Set<String>> members(Collection<String> groupIds, Map<String, String> names) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String groupId : groupIds) {
            try {
                var group = errors.call(() -> graph.groups().byGroupId(groupId).get(rc ->
                        rc.queryParameters.select = new String[] {"id", "displayName"}));
                names.put(groupId, "\"" + group.getDisplayName() + "\"");
                Set<String> members = new LinkedHashSet<>();
                var page = errors.call(() -> graph.groups().byGroupId(groupId).members().get());
                while (page != null) {
                    for (DirectoryObject member : page.getValue()) {
                        if (member instanceof User user) {
                            members.add(user.getId());
                            names.put(user.getId(), user.getUserPrincipalName() + " (" + user.getDisplayName() + ")");
                        }
                    }
                    String next = page.getOdataNextLink();
                    page = next == null ? null : errors.call(() -> graph.groups().byGroupId(groupId).members().withUrl(next)
                            .get());
                }
                out.put(groupId, members);
            } catch (GraphAccessException e) {
                names.putIfAbsent(groupId, groupId);
            }
        }
        return out;
    }

    /** "UPN (display name)" of people a policy names; someone Ward cannot read keeps their object id. */
    public void userNames(Collection<String> userIds, Map<String, String> names) {
        for (String id : userIds) {
            if (names.containsKey(id) || !id.contains("-")) {
                continue;
            }
            try {
                User user = errors.call(() -> graph.users().byUserId(id).get(rc ->
                        rc.queryParameters.select = new String[] {"id", "userPrincipalName", "displayName"}));
                names.put(id, user.getUserPrincipalName() + " (" + user.getDisplayName() + ")");
            } catch (GraphAccessException e) {
                names.put(id, id);
            }
        }
    }
}
