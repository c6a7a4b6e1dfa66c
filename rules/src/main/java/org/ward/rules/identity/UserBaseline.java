package org.ward.rules.identity;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Ward remembers about one user's sign-ins between runs, and nothing more: the last successful sign-in (for
 * impossible travel across runs) and when each country was last seen (the unfamiliar-country baseline).
 *
 * @param userId object id
 * @param upn user principal name
 * @param displayName display name
 * @param lastSuccess the newest successful sign-in seen, null if none
 * @param lastLatitude its latitude, null if unknown
 * @param lastLongitude its longitude, null if unknown
 * @param countries country code to the last successful sign-in from it
 */
public record UserBaseline(String userId, String upn, String displayName, Evidence lastSuccess, Double lastLatitude,
        Double lastLongitude, Map<String, Instant> countries) {

    public UserBaseline {
        countries = java.util.Collections.unmodifiableMap(new TreeMap<>(countries));
    }

    /** Whether the user signed in from the country within the window before the given time. */
    public boolean knows(String country, Instant before, java.time.Duration window) {
        Instant last = countries.get(country);
        return last != null && !last.isBefore(before.minus(window)) && !last.isAfter(before);
    }

    /** Whether any sign-in of the user falls within the window before the given time. */
    public boolean hasHistory(Instant before, java.time.Duration window) {
        return countries.values().stream().anyMatch(t -> !t.isBefore(before.minus(window)) && !t.isAfter(before));
    }
}
