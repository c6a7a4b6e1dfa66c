package org.ward.rules.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * EXTERNAL_USER_ACCESS: a guest or external identity can reach a patient recording through a direct grant, a
 * specific-people link or a group — unless their domain is a partner the pack allows (a trust sharing through
 * Entra B2B is normal; a stranger is not).
 */
final class ExternalUserAccessCheck extends SharingCheck {

    @Override
    String offence(AccessGrant grant, RecordingAccess access, PolicyPack policy, Rule rule, Instant now) {
        boolean allowPartners = rule.params().bool("allowPartnerDomains");
        List<String> outsiders = new ArrayList<>();
        switch (grant.kind()) {
            case USER, SITE_USER -> {
                String who = grant.principalEmail() != null ? grant.principalEmail() : grant.principalLogin();
                if (grant.guest() && !(allowPartners && policy.sharing().isPartner(address(who)))) {
                    outsiders.add(who);
                }
            }
            // Who is a guest is Graph's word (user type, #EXT#, the tenant's verified domains), already in the audience;
            // the pack's partner domains only say which guests are allowed.
            case LINK -> grant.recipients().stream()
                    .filter(r -> access.audience().guests().contains(r))
                    .filter(r -> !(allowPartners && policy.sharing().isPartner(address(r))))
                    .forEach(outsiders::add);
            case GROUP -> access.members().getOrDefault(grant.principalId(), List.of()).stream()
                    .filter(GroupMember::guest)
                    .filter(m -> !(allowPartners && policy.sharing().isPartner(address(m.upn()))))
                    .forEach(m -> outsiders.add(m.upn()));
            default -> {
            }
        }
        if (outsiders.isEmpty()) {
            return null;
        }
        return "Outside the organisation and its partner trusts: " + String.join(", ", outsiders.stream().map(
                ExternalUserAccessCheck::address).toList()) + " (through " + grant.describe() + ", set "
                + access.where(grant).replace("on the recording itself", "on the recording") + ").";
    }

    @Override
    String title(RecordingAccess access, AccessGrant grant) {
        return "Someone outside the organisation can reach a " + access.kindWords() + ".";
    }

    /** A guest's own address: "dan_northvale.nhs.uk#EXT#@tenant..." is dan@northvale.nhs.uk. */
    static String address(String upnOrEmail) {
        if (upnOrEmail == null) {
            return null;
        }
        int ext = upnOrEmail.toUpperCase(Locale.ROOT).indexOf("#EXT#");
        if (ext < 0) {
            return upnOrEmail;
        }
        String local = upnOrEmail.substring(0, ext);
        int at = local.lastIndexOf('_');
        return at < 0 ? local : local.substring(0, at) + "@" + local.substring(at + 1);
    }
}
