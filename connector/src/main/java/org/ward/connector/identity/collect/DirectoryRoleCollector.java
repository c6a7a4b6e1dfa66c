package org.ward.connector.identity.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphErrors;
import org.ward.rules.identity.RoleHolder;

import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * Reads who holds which directory role: the role assignments with their principals, and the activated roles' names.
 * Directory calls, inside the ordinary directory budget.
 */
@Component
public class DirectoryRoleCollector {

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public DirectoryRoleCollector(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /** Users holding a role tenant-wide (scope "/"); groups and service principals are left out. */
    public List<RoleHolder> holders() {
        Map<String, String> names = new HashMap<>();
        var roles = errors.call(() -> graph.directoryRoles().get());
        for (DirectoryRole role : roles.getValue()) {
            if (role.getRoleTemplateId() != null) {
                names.put(role.getRoleTemplateId().toLowerCase(java.util.Locale.ROOT), role.getDisplayName());
            }
        }
        List<RoleHolder> out = new ArrayList<>();
        var page = errors.call(() -> graph.roleManagement().directory().roleAssignments().get(rc ->
                rc.queryParameters.expand = new String[] {"principal"}));
        while (page != null) {
            for (UnifiedRoleAssignment a : page.getValue()) {
                if (a.getPrincipal() instanceof User user && ("/".equals(a.getDirectoryScopeId())
                        || a.getDirectoryScopeId() == null)) {
                    String template = a.getRoleDefinitionId();
                    out.add(new RoleHolder(user.getId(), user.getUserPrincipalName(), user.getDisplayName(), template,
                            names.getOrDefault(String.valueOf(template).toLowerCase(java.util.Locale.ROOT), template)));
                }
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : errors.call(() -> graph.roleManagement().directory().roleAssignments().withUrl(next)
                    .get());
        }
        return out;
    }
}
