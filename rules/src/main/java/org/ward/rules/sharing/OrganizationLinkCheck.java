package org.ward.rules.sharing;

import java.time.Instant;

import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/** ORGANIZATION_LINK: an active organisation-wide link lets everyone in the tenant open a patient recording. */
final class OrganizationLinkCheck extends SharingCheck {

    @Override
    String offence(AccessGrant grant, RecordingAccess access, PolicyPack policy, Rule rule, Instant now) {
        if (!policy.sharing().forbidOrganizationLinks() || !grant.link() || !"organization".equals(grant.linkScope())) {
            return null;
        }
        return "Its " + grant.describe().substring(3) + " is set " + access.where(grant)
                + ": every account in the organisation that gets the URL can open it.";
    }

    @Override
    String title(RecordingAccess access, AccessGrant grant) {
        return "An organisation-wide link lets everyone in the tenant open a " + access.kindWords() + ".";
    }
}
