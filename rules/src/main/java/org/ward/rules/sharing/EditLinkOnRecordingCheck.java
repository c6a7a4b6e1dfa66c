package org.ward.rules.sharing;

import java.time.Instant;

import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/** EDIT_LINK_ON_RECORDING: a sharing link lets its holders change or delete a patient recording. */
final class EditLinkOnRecordingCheck extends SharingCheck {

    @Override
    String offence(AccessGrant grant, RecordingAccess access, PolicyPack policy, Rule rule, Instant now) {
        if (!policy.sharing().forbidEditLinks() || !grant.link() || !"edit".equals(grant.linkType())) {
            return null;
        }
        return "Its " + grant.describe().substring(grant.describe().indexOf(' ') + 1) + " is set " + access.where(grant)
                + ": whoever holds it can change or delete the recording.";
    }

    @Override
    String title(RecordingAccess access, AccessGrant grant) {
        return "An edit link lets its holders change or delete a " + access.kindWords() + ".";
    }
}
