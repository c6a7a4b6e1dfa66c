package org.ward.rules.identity;

import java.util.Map;

import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * What a sign-in detector is made with for one pass over the sign-in log.
 *
 * @param type the finding type whose catalogue line names the detector
 * @param rule the pack's rule for it (enabled)
 * @param pack the pack in force (its {@code identity} thresholds)
 * @param baselines each user's baseline the last run kept, by user key
 * @param reach users' reach into patient data
 * @param authenticationRequirementRead whether events carry authenticationRequirement (read from the beta log)
 */
public record DetectorSetup(FindingType type, Rule rule, PolicyPack pack, Map<String, UserBaseline> baselines,
        ReachIndex reach, boolean authenticationRequirementRead) {
}
