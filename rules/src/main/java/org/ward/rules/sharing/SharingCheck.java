package org.ward.rules.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * A check of one recording's permissions against one rule: each offending grant is its own finding (the permission
 * id tells them apart), so removing one link resolves exactly its finding. Pure.
 */
abstract class SharingCheck implements Check<RecordingAccess> {

    /** Whether this grant breaks the rule; null when it does not, else the sentence saying how. */
    abstract String offence(AccessGrant grant, RecordingAccess access, PolicyPack policy, Rule rule, Instant now);

    /** The finding's title for a recording of the given kind. */
    abstract String title(RecordingAccess access, AccessGrant grant);

    @Override
    public CheckOutcome evaluate(RecordingAccess access, Rule rule, CheckContext context) {
        List<FindingDraft> findings = new ArrayList<>();
        for (AccessGrant grant : access.grants()) {
            if (!grant.activeAt(context.now())) {
                continue;
            }
            String offence = offence(grant, access, context.pack(), rule, context.now());
            if (offence == null) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("permissionId", grant.permissionId());
            details.put("grant", grant.describe());
            details.put("setOn", grant.inherited() ? grant.inheritedFrom() : access.recording().item().itemId());
            if (grant.link()) {
                details.put("linkScope", grant.linkScope());
                details.put("linkType", grant.linkType());
            }
            details.put("expires", grant.expiresAt() == null ? "never" : grant.expiresAt().toString());
            details.put("reach", access.audience().details());
            findings.add(FindingDraft.of(rule, title(access, grant),
                    List.of("Classified as " + access.kindWords() + ".", offence, access.audience().describe()),
                    access.resource(), access.owner()).withDiscriminator(grant.permissionId()).withDetails(details));
        }
        return new CheckOutcome(findings, null);
    }
}
