package org.ward.rules.identity;

/**
 * A user holding a directory role tenant-wide.
 *
 * @param userId object id
 * @param upn user principal name
 * @param displayName display name
 * @param roleTemplateId the built-in role's template id
 * @param roleName the role's name, from the pack when it is a privileged role, otherwise the template id
 */
public record RoleHolder(String userId, String upn, String displayName, String roleTemplateId, String roleName) {
}
