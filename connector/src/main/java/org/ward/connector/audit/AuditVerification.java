package org.ward.connector.audit;

/**
 * What walking the hash chain found.
 *
 * @param entries how many rows were checked
 * @param brokenAt the id of the first row that does not fit the chain, null when the chain is intact
 * @param problem what is wrong there, null when intact
 * @param headHash the last row's hash: written down elsewhere, it shows later whether rows were cut off the end
 */
public record AuditVerification(int entries, Long brokenAt, String problem, String headHash) {

    public boolean intact() {
        return brokenAt == null;
    }
}
