package org.ward.connector.audit;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ward audit --verify} found.
 *
 * @param chain the walk of the hash chain
 * @param problems every way the log fails: a row that does not fit the chain, the append-only trigger missing, a head
 *     written down outside the database that the log no longer matches
 * @param unsealed the log holds only entries of the old unkeyed chain and no command that writes has run since Ward
 *     gained the audit key: intact as far as the old chain can tell, but not yet protected by the key
 * @param keyId the id of this installation's audit key
 * @param headFolder where the daily heads are written
 */
public record AuditCheck(AuditVerification chain, List<String> problems, boolean unsealed, String keyId, Path headFolder) {

    public AuditCheck {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
