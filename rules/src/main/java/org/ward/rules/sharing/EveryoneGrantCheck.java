package org.ward.rules.sharing;

import java.time.Instant;

import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * EVERYONE_GRANT: "Everyone", "Everyone except external users" or an all-users group can reach a patient recording,
 * whether granted on the recording, a folder above it or the whole site.
 */
final class EveryoneGrantCheck extends SharingCheck {

    @Override
    String offence(AccessGrant grant, RecordingAccess access, PolicyPack policy, Rule rule, Instant now) {
        if (grant.link() || !policy.sharing().everyone().matches(grant.principalName(), grant.principalLogin())) {
            return null;
        }
        String where = grant.inherited() ? "inherited from above it (item " + grant.inheritedFrom() + ")" : "set on the recording";
        return "\"" + grant.principalName() + "\" has " + String.join("/", grant.roles()) + " access, " + where
                + ": every account in the organisation can open it.";
    }

    @Override
    String title(RecordingAccess access, AccessGrant grant) {
        return "\"" + grant.principalName() + "\" can reach a " + access.kindWords() + ".";
    }
}
