package org.ward.simulator.identity;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.ward.simulator.tenant.SignInPlace;

/**
 * Places a fixture can name instead of writing coordinates ("place: Sydney"): a few UK cities where staff work and
 * some cities abroad that anomalies come from. Coordinates are city centres, as geo-IP gives them.
 */
public final class Places {

    private static final Map<String, SignInPlace> KNOWN = new LinkedHashMap<>();

    static {
        put("London", "England", "GB", 51.5072, -0.1276);
        put("Manchester", "England", "GB", 53.4808, -2.2426);
        put("Leeds", "England", "GB", 53.8008, -1.5491);
        put("Birmingham", "England", "GB", 52.4862, -1.8904);
        put("Bristol", "England", "GB", 51.4545, -2.5879);
        put("Norwich", "England", "GB", 52.6309, 1.2974);
        put("King's Lynn", "England", "GB", 52.7543, 0.3976);
        put("Cambridge", "England", "GB", 52.2053, 0.1218);
        put("Edinburgh", "Scotland", "GB", 55.9533, -3.1883);
        put("Cardiff", "Wales", "GB", 51.4816, -3.1791);
        put("Dublin", "Leinster", "IE", 53.3498, -6.2603);
        put("Paris", "Ile-de-France", "FR", 48.8566, 2.3522);
        put("Amsterdam", "North Holland", "NL", 52.3676, 4.9041);
        put("Frankfurt", "Hesse", "DE", 50.1109, 8.6821);
        put("Bucharest", "Bucharest", "RO", 44.4268, 26.1025);
        put("Moscow", "Moscow", "RU", 55.7558, 37.6173);
        put("Lagos", "Lagos", "NG", 6.5244, 3.3792);
        put("New York", "New York", "US", 40.7128, -74.0060);
        put("Sao Paulo", "Sao Paulo", "BR", -23.5505, -46.6333);
        put("Singapore", "Singapore", "SG", 1.3521, 103.8198);
        put("Sydney", "New South Wales", "AU", -33.8688, 151.2093);
    }

    private Places() {
    }

    private static void put(String city, String state, String country, double lat, double lon) {
        KNOWN.put(city.toLowerCase(Locale.ROOT), new SignInPlace(city, state, country, lat, lon));
    }

    /** A known place by city name (ignoring case), or null. */
    public static SignInPlace named(String city) {
        return city == null ? null : KNOWN.get(city.toLowerCase(Locale.ROOT));
    }

    public static java.util.Set<String> names() {
        return KNOWN.values().stream().map(SignInPlace::city).collect(java.util.stream.Collectors.toCollection(
                java.util.LinkedHashSet::new));
    }
}
