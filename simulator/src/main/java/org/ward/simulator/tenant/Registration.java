package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A user's authentication-method registration, as the userRegistrationDetails report shows it.
 *
 * @param userId the user's object id
 * @param methods the registered methods (microsoftAuthenticatorPush, softwareOneTimePasscode, mobilePhone, email, ...)
 * @param lastUpdated when the report last changed for the user
 */
public record Registration(String userId, List<String> methods, Instant lastUpdated) {

    /** Methods that only serve self-service password reset, never a second factor. */
    private static final Set<String> SSPR_ONLY = Set.of("email", "securityQuestion");
    private static final Set<String> PASSWORDLESS = Set.of("microsoftAuthenticatorPasswordless", "passKeyDeviceBound",
            "passKeyDeviceBoundAuthenticator", "windowsHelloForBusiness", "fido2SecurityKey");

    public Registration {
        methods = List.copyOf(methods);
    }

    /** A strong method is registered (whether or not policy allows it). */
    public boolean mfaRegistered() {
        return methods.stream().anyMatch(m -> !SSPR_ONLY.contains(m));
    }

    public boolean passwordlessCapable() {
        return methods.stream().anyMatch(PASSWORDLESS::contains);
    }

    public boolean ssprRegistered() {
        return !methods.isEmpty();
    }
}
