package org.ward.connector.remediate;

import org.ward.rules.findings.Finding;

/**
 * What Ward would do about one finding.
 *
 * @param finding the finding
 * @param action the action, or {@link NoAutomatedAction}
 * @param remediation the policy rule's remediation text
 * @param owners whom the finding belongs to
 */
public record RemediationPlan(Finding finding, RemediationAction action, String remediation, FindingOwners owners) {

    public boolean automated() {
        return !(action instanceof NoAutomatedAction);
    }
}
