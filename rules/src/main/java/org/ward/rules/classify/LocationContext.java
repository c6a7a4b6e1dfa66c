package org.ward.rules.classify;

import java.util.LinkedHashSet;
import java.util.Set;

import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.policy.ApprovedLocation;
import org.ward.rules.policy.LocationRegistry;

/**
 * Where an item sits, as the classifier needs it.
 *
 * @param kind the sort of place (OneDrive, group site, ...)
 * @param siteUrl the site's URL
 * @param siteName the site's display name
 * @param libraryName the document library (drive) name, null when unknown
 * @param registered whether the pack's registry lists this place at all
 * @param approvedKinds the recording kind ids the registry approves here
 */
public record LocationContext(
        LocationKind kind, String siteUrl, String siteName, String libraryName, boolean registered, Set<String> approvedKinds) {

    public LocationContext {
        // Sorted so that reasons naming the kinds read the same on every run.
        approvedKinds = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(approvedKinds));
    }

    /** Looks the location up in the pack's registry. */
    public static LocationContext of(Location location, String libraryName, LocationRegistry registry) {
        Set<String> kinds = new LinkedHashSet<>();
        var matching = registry.matching(location.webUrl(), libraryName);
        for (ApprovedLocation approved : matching) {
            kinds.addAll(approved.kinds());
        }
        return new LocationContext(location.kind(), location.webUrl(), location.displayName(), libraryName,
                !matching.isEmpty(), kinds);
    }

    /**
     * Like {@link #of}, but a private or shared channel's site, which keeps the channel's files apart from its team's
     * site, is approved for whatever its team's site is approved for: the channel belongs to that team.
     */
    public static LocationContext of(Location location, String libraryName, LocationRegistry registry,
            java.util.Collection<Location> all) {
        LocationContext own = of(location, libraryName, registry);
        if (own.registered() || location.kind() != org.ward.rules.facts.LocationKind.CHANNEL_SITE
                || location.groupId() == null) {
            return own;
        }
        return all.stream().filter(l -> l.kind() == org.ward.rules.facts.LocationKind.GROUP_SITE
                        && location.groupId().equals(l.groupId())).findFirst()
                .map(team -> of(team, libraryName, registry)).filter(LocationContext::registered)
                .map(team -> new LocationContext(location.kind(), location.webUrl(), location.displayName(), libraryName,
                        true, team.approvedKinds()))
                .orElse(own);
    }

    public boolean approvedFor(String kindId) {
        return approvedKinds.contains(kindId);
    }
}
