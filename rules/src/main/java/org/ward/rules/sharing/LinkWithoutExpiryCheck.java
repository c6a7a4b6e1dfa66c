package org.ward.rules.sharing;

import java.time.Instant;
import java.time.ZoneOffset;

import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * LINK_WITHOUT_EXPIRY: a link on a patient recording that never expires, or expires later than the pack's maximum
 * from now. An already expired link lets no one in and is not a finding.
 */
final class LinkWithoutExpiryCheck extends SharingCheck {

    @Override
    String offence(AccessGrant grant, RecordingAccess access, PolicyPack policy, Rule rule, Instant now) {
        if (!grant.link()) {
            return null;
        }
        var maximum = policy.sharing().maximumLinkExpiry();
        if (grant.expiresAt() == null) {
            return policy.sharing().linkWithoutExpiryIsFinding() ? "Its " + grant.describe().substring(grant.describe()
                    .indexOf(' ') + 1) + " is set " + access.where(grant) + " and never expires." : null;
        }
        if (maximum == null) {
            return null;
        }
        Instant latest = now.atOffset(ZoneOffset.UTC).plus(maximum).toInstant();
        return grant.expiresAt().isAfter(latest) ? "Its " + grant.describe().substring(grant.describe().indexOf(' ') + 1)
                + " is set " + access.where(grant) + " and expires later than the policy's maximum of " + maximum + "." : null;
    }

    @Override
    String title(RecordingAccess access, AccessGrant grant) {
        return grant.expiresAt() == null ? "A link on a " + access.kindWords() + " never expires."
                : "A link on a " + access.kindWords() + " expires later than the policy allows.";
    }
}
