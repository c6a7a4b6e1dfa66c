package org.ward.simulator.tenant;

/**
 * A directory role held by a user, tenant-wide.
 *
 * @param id the assignment id
 * @param principalId the user's object id
 * @param roleTemplateId the built-in role's template id (the same in every tenant)
 * @param roleName the role's display name
 */
public record RoleAssignment(String id, String principalId, String roleTemplateId, String roleName) {
}
