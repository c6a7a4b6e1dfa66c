package org.ward.rules.policy;

/**
 * The labels a recording kind needs.
 *
 * @param retentionLabel the retention label name every recording of the kind must carry; null if none is required
 * @param minimumSensitivity the lowest sensitivity label name its container may carry; null if none is required
 */
public record KindLabels(String retentionLabel, String minimumSensitivity) {
}
