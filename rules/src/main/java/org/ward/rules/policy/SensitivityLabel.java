package org.ward.rules.policy;

/**
 * A sensitivity label of the tenant, as the pack names it.
 *
 * @param name the display name ("Confidential\Patient Data" for a sublabel)
 * @param id the label id (a GUID) when known; matching by id is exact, by name ignores case
 */
public record SensitivityLabel(String name, String id) {
}
