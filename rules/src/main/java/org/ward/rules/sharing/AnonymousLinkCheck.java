package org.ward.rules.sharing;

import java.time.Instant;

import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/** ANONYMOUS_LINK: an active Anyone link reaches a patient recording. FAIL per link; expired links pass. */
final class AnonymousLinkCheck extends SharingCheck {

    @Override
    String offence(AccessGrant grant, RecordingAccess access, PolicyPack policy, Rule rule, Instant now) {
        if (!policy.sharing().forbidAnonymousLinks() || !grant.link() || !"anonymous".equals(grant.linkScope())) {
            return null;
        }
        return "Its " + grant.describe().substring(3) + " is set " + access.where(grant)
                + ": anyone who gets the URL can open it without signing in.";
    }

    @Override
    String title(RecordingAccess access, AccessGrant grant) {
        return "An Anyone link lets anyone with the URL open a " + access.kindWords() + ".";
    }
}
