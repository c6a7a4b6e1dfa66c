package org.ward.rules.facts;

/**
 * A user (or application) as Graph names it in an identitySet: createdBy, lastModifiedBy, a permission's grantee.
 *
 * @param id the Entra object id, when known
 * @param displayName the display name
 * @param email the e-mail or user principal name, when known
 */
public record Principal(String id, String displayName, String email) {
}
