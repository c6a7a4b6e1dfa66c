package org.ward.rules.identity;

import java.time.Instant;

/**
 * One interactive sign-in as Ward reads it from the sign-in log: who (object id, UPN, display name), when, from
 * where, with what, and how it ended.
 *
 * @param id the sign-in id
 * @param time when
 * @param userId the user's object id
 * @param upn the user principal name
 * @param displayName the user's display name
 * @param app the application signed in to
 * @param ip the client's IP address
 * @param city the city geo-IP placed it in, may be null
 * @param country the two-letter country, may be null
 * @param latitude degrees, null when Entra gave no coordinates
 * @param longitude degrees, null when Entra gave no coordinates
 * @param clientApp Entra's clientAppUsed ("Browser", "IMAP4", ...)
 * @param errorCode 0 for success, otherwise Entra's error code
 * @param detail Entra's additional details, may be null
 * @param authenticationRequirement single- or multiFactorAuthentication; null when read from v1.0, which lacks it
 * @param interactive whether the user was at the keyboard
 */
public record SignInEvent(String id, Instant time, String userId, String upn, String displayName, String app, String ip,
        String city, String country, Double latitude, Double longitude, String clientApp, int errorCode, String detail,
        String authenticationRequirement, boolean interactive) {

    public boolean success() {
        return errorCode == 0;
    }

    public boolean hasCoordinates() {
        return latitude != null && longitude != null && !(latitude == 0 && longitude == 0);
    }

    /** "Norwich, GB", or the IP's country alone, or "unknown place". */
    public String place() {
        if (city != null && !city.isBlank()) {
            return country == null ? city : city + ", " + country;
        }
        return country == null || country.isBlank() ? "unknown place" : country;
    }

    /** Who, for grouping: the object id, or the UPN when Entra logged none. */
    public String userKey() {
        return userId != null && !userId.isBlank() ? userId : String.valueOf(upn).toLowerCase(java.util.Locale.ROOT);
    }
}
