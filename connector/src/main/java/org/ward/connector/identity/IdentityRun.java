package org.ward.connector.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ward.rules.policy.FindingType;

/**
 * What one run of the identity checks did.
 *
 * @param runId the scan (or standalone run) the findings were recorded under
 * @param found findings found, by type
 * @param notRun checks that could not run (or ran in part), by rule id, with the reason
 * @param signIns sign-ins analysed (new and re-read)
 * @param replayed of those, sign-ins re-read to complete short windows
 * @param signInSource "v1.0", "beta", or null when the log was not read
 * @param from the start of the sign-in window read, null when not read
 * @param to its end
 * @param opened findings opened
 * @param resolved findings resolved
 * @param incomplete what could not be read because a request failed (not a missing licence or permission): the checks
 *     that needed it did not run, so the result is incomplete; empty when everything was read
 */
public record IdentityRun(long runId, Map<FindingType, Integer> found, Map<String, String> notRun, long signIns,
        long replayed, String signInSource, Instant from, Instant to, int opened, int resolved, List<String> incomplete) {

    public IdentityRun {
        found = Map.copyOf(found);
        notRun = Map.copyOf(notRun);
        incomplete = incomplete == null ? List.of() : List.copyOf(incomplete);
    }

    /** Coverage gaps for the scan record: one sentence per check that did not run. */
    public List<String> gaps() {
        return notRun.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "Not run " + e.getKey() + ": " + e.getValue()).toList();
    }
}
