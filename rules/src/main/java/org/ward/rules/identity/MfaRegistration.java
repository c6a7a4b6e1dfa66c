package org.ward.rules.identity;

import java.util.List;

/**
 * A user's MFA registration from the registration-details report.
 *
 * @param userId object id
 * @param upn user principal name
 * @param displayName display name
 * @param guest whether the user is a B2B guest
 * @param admin whether Entra counts the user as holding an admin role
 * @param mfaRegistered whether a strong method is registered
 * @param methods the registered methods
 */
public record MfaRegistration(String userId, String upn, String displayName, boolean guest, boolean admin,
        boolean mfaRegistered, List<String> methods) {

    public MfaRegistration {
        methods = List.copyOf(methods);
    }
}
