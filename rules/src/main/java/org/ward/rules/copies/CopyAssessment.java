package org.ward.rules.copies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/** Runs the temporary-copy checks the policy enables over each recording found in a OneDrive. Pure. */
public final class CopyAssessment {

    private final PolicyPack policy;
    private final Instant now;
    private final TemporaryCopyInOneDriveCheck temporary = new TemporaryCopyInOneDriveCheck();
    private final CopyLeftAfterUploadCheck leftBehind = new CopyLeftAfterUploadCheck();

    public CopyAssessment(PolicyPack policy, Instant now) {
        this.policy = policy;
        this.now = now;
    }

    public Set<FindingType> types() {
        return new LinkedHashSet<>(List.of(temporary.type(), leftBehind.type()));
    }

    public List<FindingDraft> assess(OneDriveRecording copy) {
        List<FindingDraft> findings = new ArrayList<>();
        policy.rule(temporary.type()).filter(Rule::enabled).ifPresent(r -> findings.addAll(temporary.evaluate(copy, policy, r, now)));
        policy.rule(leftBehind.type()).filter(Rule::enabled).ifPresent(r -> findings.addAll(leftBehind.evaluate(copy, policy, r, now)));
        return findings;
    }
}
