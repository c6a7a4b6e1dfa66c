package org.ward.rules.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/** Runs the sharing checks the policy enables over each recording's permissions. Pure. */
public final class SharingAssessment {

    private final PolicyPack policy;
    private final Instant now;
    private final Map<FindingType, SharingCheck> checks = new LinkedHashMap<>();

    public SharingAssessment(PolicyPack policy, Instant now) {
        this.policy = policy;
        this.now = now;
        for (SharingCheck check : List.of(new AnonymousLinkCheck(), new OrganizationLinkCheck(), new EditLinkOnRecordingCheck(),
                new LinkWithoutExpiryCheck(), new EveryoneGrantCheck(), new ExternalUserAccessCheck(),
                new BrokenInheritanceWidensAccessCheck())) {
            checks.put(check.type(), check);
        }
    }

    public Set<FindingType> types() {
        return new LinkedHashSet<>(checks.keySet());
    }

    public List<FindingDraft> assess(RecordingAccess access) {
        List<FindingDraft> findings = new ArrayList<>();
        for (Map.Entry<FindingType, SharingCheck> check : checks.entrySet()) {
            policy.rule(check.getKey()).filter(Rule::enabled)
                    .ifPresent(rule -> findings.addAll(check.getValue().evaluate(access, policy, rule, now)));
        }
        return findings;
    }
}
