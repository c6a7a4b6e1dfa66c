package org.ward.rules.recordings;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.ward.rules.classify.LocationContext;
import org.ward.rules.facts.Location;
import org.ward.rules.findings.FindingResource;

/**
 * What location checks know about one place that holds patient recordings.
 *
 * @param location the place
 * @param context the place as the policy sees it
 * @param recordings how many patient recordings it holds
 * @param kinds the recording kinds found there, in alphabetical order (findings list them so, run after run)
 * @param examples a few of their paths (masked), to help the owner find them
 */
public record LocationFacts(Location location, LocationContext context, int recordings, Set<String> kinds,
        List<String> examples) {

    public LocationFacts {
        // Set.copyOf iterates in a different order in every JVM, and the kinds are listed in findings.
        kinds = Collections.unmodifiableSortedSet(new TreeSet<>(kinds));
        examples = List.copyOf(examples);
    }

    public FindingResource resource() {
        return FindingResource.site(location.siteId(), location.webUrl());
    }

    public String owner() {
        return location.owners().isEmpty() ? null : String.join(", ", location.owners());
    }
}
