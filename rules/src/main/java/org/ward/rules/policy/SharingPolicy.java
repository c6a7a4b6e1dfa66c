package org.ward.rules.policy;

import java.time.Period;
import java.util.List;

/**
 * Who may reach a recording and for how long; read by the sharing and copy checks.
 *
 * @param forbidAnonymousLinks "Anyone" links on recordings are findings
 * @param forbidOrganizationLinks "People in your organisation" links on recordings are findings
 * @param forbidEditLinks links that let the holder change a recording are findings
 * @param maximumLinkExpiry the longest a sharing link on a recording may stay valid
 * @param linkWithoutExpiryIsFinding a link with no expiry at all is a finding
 * @param everyone how everyone-style grants are recognised
 * @param partnerDomains guest domains allowed to hold access (a partner trust)
 * @param temporaryCopies where temporary copies sit and how long they may stay
 */
public record SharingPolicy(
        boolean forbidAnonymousLinks,
        boolean forbidOrganizationLinks,
        boolean forbidEditLinks,
        Period maximumLinkExpiry,
        boolean linkWithoutExpiryIsFinding,
        EveryoneGrants everyone,
        List<String> partnerDomains,
        TemporaryCopies temporaryCopies) {

    public SharingPolicy {
        partnerDomains = List.copyOf(partnerDomains);
    }

    /** Whether an e-mail address or UPN belongs to an allowed partner domain (ignoring case). */
    public boolean isPartner(String emailOrUpn) {
        if (emailOrUpn == null || !emailOrUpn.contains("@")) {
            return false;
        }
        String domain = emailOrUpn.substring(emailOrUpn.lastIndexOf('@') + 1);
        return partnerDomains.stream().anyMatch(d -> d.equalsIgnoreCase(domain));
    }

    /**
     * Grants that reach everyone or nearly everyone in the tenant.
     *
     * @param displayNames display names ("Everyone except external users"), compared ignoring case
     * @param loginNamePatterns wildcard patterns on SharePoint login names ("c:0-.f|rolemanager|spo-grid-all-users/*")
     */
    public record EveryoneGrants(List<String> displayNames, List<String> loginNamePatterns) {
        public EveryoneGrants {
            displayNames = List.copyOf(displayNames);
            loginNamePatterns = List.copyOf(loginNamePatterns);
        }

        public boolean matches(String displayName, String loginName) {
            boolean byName = displayName != null && displayNames.stream().anyMatch(n -> n.equalsIgnoreCase(displayName));
            return byName || loginNamePatterns.stream().anyMatch(p -> Glob.of(p).matches(loginName));
        }
    }

    /**
     * Temporary copies of recordings in OneDrive.
     *
     * @param gracePeriod how long a copy may stay before it is a finding
     * @param oneDriveFolders top-level OneDrive folders that hold such copies ("Recordings", "Microsoft Teams Chat Files")
     */
    public record TemporaryCopies(Period gracePeriod, List<String> oneDriveFolders) {
        public TemporaryCopies {
            oneDriveFolders = List.copyOf(oneDriveFolders);
        }
    }
}
