package org.ward.simulator.auth;

/**
 * A refusal of the token endpoint, in the identity platform's words.
 *
 * @param status HTTP status (400 or 401)
 * @param error the OAuth error (invalid_client, invalid_request, unauthorized_client, invalid_scope, ...)
 * @param code the AADSTS number
 * @param description the AADSTS text
 */
public record TokenFailure(int status, String error, int code, String description) {

    public static TokenFailure invalidClient(int code, String description) {
        return new TokenFailure(401, "invalid_client", code, description);
    }

    public static TokenFailure badRequest(String error, int code, String description) {
        return new TokenFailure(400, error, code, description);
    }
}
