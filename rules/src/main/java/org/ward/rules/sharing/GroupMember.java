package org.ward.rules.sharing;

/**
 * A member of a Microsoft 365 group that can reach a recording.
 *
 * @param userId object id
 * @param upn user principal name
 * @param displayName display name
 * @param guest whether the member is a guest
 * @param owner whether the member also owns the group
 */
public record GroupMember(String userId, String upn, String displayName, boolean guest, boolean owner) {
}
