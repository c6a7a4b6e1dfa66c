package org.ward.simulator.tenant;

/**
 * A sensitivity label of the tenant's catalogue.
 *
 * @param id the label id
 * @param name the display name
 * @param priority higher means more sensitive
 * @param supportsContainers whether it can be applied to groups, teams and sites
 */
public record SensitivityLabel(String id, String name, int priority, boolean supportsContainers) {
}
