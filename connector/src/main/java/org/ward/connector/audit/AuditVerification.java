package org.ward.connector.audit;

/**
 * What walking the hash chain found.
 *
 * @param entries how many rows were checked
 * @param brokenAt the id of the first row that does not fit the chain, null when the chain is intact
 * @param problem what is wrong there, null when intact
 * @param headHash the last row's hash: written down elsewhere, it shows later whether rows were cut off the end
 * @param unkeyed rows chained with the old unkeyed hash (written before the log was sealed with the audit key)
 * @param keyed rows chained with the keyed hash
 */
public record AuditVerification(int entries, Long brokenAt, String problem, String headHash, int unkeyed, int keyed) {

    public AuditVerification(int entries, Long brokenAt, String problem, String headHash) {
        this(entries, brokenAt, problem, headHash, 0, 0);
    }

    public boolean intact() {
        return brokenAt == null;
    }
}
