package org.ward.simulator.tenant;

import java.time.Instant;

/**
 * A directory user: a member of the tenant or a guest invited through Entra B2B.
 *
 * @param id object id
 * @param userPrincipalName the UPN; guests carry "#EXT#" in theirs
 * @param displayName display name
 * @param givenName given name
 * @param surname surname
 * @param mail e-mail address
 * @param jobTitle job title
 * @param department department
 * @param userType "Member" or "Guest"
 * @param accountEnabled whether sign-in is allowed
 * @param createdDateTime when the account was created
 * @param driveId the user's OneDrive, null when it was never provisioned
 */
public record User(String id, String userPrincipalName, String displayName, String givenName, String surname,
        String mail, String jobTitle, String department, String userType, boolean accountEnabled,
        Instant createdDateTime, String driveId) {

    public boolean guest() {
        return "Guest".equalsIgnoreCase(userType);
    }

    public User withDrive(String newDriveId) {
        return new User(id, userPrincipalName, displayName, givenName, surname, mail, jobTitle, department, userType,
                accountEnabled, createdDateTime, newDriveId);
    }
}
