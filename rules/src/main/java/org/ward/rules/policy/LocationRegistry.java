package org.ward.rules.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The approved locations. A site that holds recordings but matches no entry is "unregistered"; a recording in a
 * location that is not approved for its kind is "outside an approved location".
 *
 * @param approved the approved locations
 * @param sharePointHosts the tenant's SharePoint hosts, for entries written as "/sites/..."
 */
public record LocationRegistry(List<ApprovedLocation> approved, List<String> sharePointHosts) {

    public LocationRegistry {
        approved = List.copyOf(approved);
        sharePointHosts = List.copyOf(sharePointHosts);
    }

    /** The entries that cover this site URL and library (drive) name; the library may be null when unknown. */
    public List<ApprovedLocation> matching(String siteUrl, String libraryName) {
        List<ApprovedLocation> out = new ArrayList<>();
        if (siteUrl == null) {
            return out;
        }
        String url = trimSlash(siteUrl);
        for (ApprovedLocation location : approved) {
            if (siteMatches(location.site(), url) && libraryMatches(location, libraryName)) {
                out.add(location);
            }
        }
        return out;
    }

    private boolean siteMatches(String pattern, String url) {
        String trimmed = trimSlash(pattern);
        if (!trimmed.startsWith("/")) {
            return Glob.of(trimmed).matches(url);
        }
        if (sharePointHosts.isEmpty()) {
            // No host configured: a server-relative entry matches that path on any host.
            return Glob.of("https://*" + trimmed).matches(url);
        }
        return sharePointHosts.stream().anyMatch(host -> Glob.of("https://" + host + trimmed).matches(url));
    }

    private static boolean libraryMatches(ApprovedLocation location, String libraryName) {
        if (location.libraries().isEmpty()) {
            return true;
        }
        return libraryName != null && location.libraries().stream()
                .anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(libraryName.toLowerCase(Locale.ROOT)));
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
