package org.ward.connector.remediate;

import java.util.Arrays;
import java.util.List;

import org.ward.rules.findings.Finding;

/**
 * Who answers for a finding: site or group owners, team owners, the OneDrive's user. A finding keeps them as one
 * comma-separated text; this is that text as a list.
 *
 * @param upns their user principal names, as stored
 */
public record FindingOwners(List<String> upns) {

    public FindingOwners {
        upns = List.copyOf(upns);
    }

    public static FindingOwners of(Finding finding) {
        String owner = finding.owner();
        return new FindingOwners(owner == null ? List.of()
                : Arrays.stream(owner.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    /** Whether this UPN is one of them, ignoring case. */
    public boolean includes(String upn) {
        return upn != null && upns.stream().anyMatch(u -> u.equalsIgnoreCase(upn.trim()));
    }
}
