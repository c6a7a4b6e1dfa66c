package org.ward.simulator.tenant;

/**
 * Where a sign-in came from, as Entra's geo-IP lookup places it.
 *
 * @param city the city
 * @param state the state or region
 * @param countryOrRegion the two-letter country code
 * @param latitude degrees, null when the lookup gave no coordinates
 * @param longitude degrees, null when the lookup gave no coordinates
 */
public record SignInPlace(String city, String state, String countryOrRegion, Double latitude, Double longitude) {
}
