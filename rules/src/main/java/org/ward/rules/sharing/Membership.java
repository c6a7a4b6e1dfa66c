package org.ward.rules.sharing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who is a guest, as Graph says, never as a pack's domain list guesses: a user's {@code userType} in Entra ID, the
 * {@code #EXT#} that B2B guests carry in their sign-in name, SharePoint's own guest claim ({@code urn:spo:guest}), and
 * for an address with nothing else to go on (a link sent to an e-mail address), whether its domain is one the tenant
 * verified ({@code /organization} {@code verifiedDomains}). A pack's partner domains only decide which guests are
 * allowed; they never make anyone a guest or a member. When Graph gives nothing to judge by (the tenant's verified
 * domains could not be read and the address is no directory user's), the principal is not treated as a guest and
 * {@link #unjudged()} says so, for the scan's coverage gaps. Pure.
 */
public final class Membership {

    /** What Graph says about someone. */
    public enum Status { MEMBER, GUEST, UNKNOWN }

    /**
     * A directory user as Graph lists it.
     *
     * @param id the object id
     * @param userPrincipalName the UPN (a B2B guest's carries {@code #EXT#})
     * @param mail the mail address, when set
     * @param userType "Member" or "Guest"
     */
    public record DirectoryUser(String id, String userPrincipalName, String mail, String userType) {
    }

    private final Map<String, DirectoryUser> byId = new HashMap<>();
    private final Map<String, DirectoryUser> byAddress = new HashMap<>();
    private final Set<String> verifiedDomains;
    private final Set<String> unjudged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param users the directory's users (members and guests)
     * @param verifiedDomains the tenant's verified domains from {@code /organization}, or null when they could not be
     *     read
     */
    public Membership(Collection<DirectoryUser> users, Collection<String> verifiedDomains) {
        for (DirectoryUser user : users) {
            if (user.id() != null) {
                byId.put(user.id().toLowerCase(Locale.ROOT), user);
            }
            for (String address : new String[] {user.userPrincipalName(), user.mail()}) {
                if (address != null) {
                    byAddress.put(address.toLowerCase(Locale.ROOT), user);
                }
            }
        }
        this.verifiedDomains = verifiedDomains == null ? null
                : new LinkedHashSet<>(verifiedDomains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList());
    }

    /** Nothing known: everyone is judged by what their own names say (#EXT#, SharePoint's guest claim). */
    public static Membership unknown() {
        return new Membership(List.of(), null);
    }

    /**
     * Whether the principal is a guest.
     *
     * @param principalId the Entra object id, when Graph gave one
     * @param address an e-mail address or UPN, when known
     * @param login a SharePoint login name, when known
     */
    public Status status(String principalId, String address, String login) {
        String claim = login == null ? "" : login.toLowerCase(Locale.ROOT);
        if (claim.contains("#ext#") || claim.contains("urn:spo:guest")) {
            return Status.GUEST;
        }
        DirectoryUser user = principalId == null ? null : byId.get(principalId.toLowerCase(Locale.ROOT));
        if (user == null && address != null) {
            user = byAddress.get(address.toLowerCase(Locale.ROOT));
        }
        if (user != null) {
            return typeOf(user);
        }
        if (address == null || !address.contains("@")) {
            return principalId == null && address == null ? Status.UNKNOWN : remember(principalId, address);
        }
        if (address.toLowerCase(Locale.ROOT).contains("#ext#")) {
            return Status.GUEST;
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (verifiedDomains == null) {
            return remember(principalId, address);
        }
        return verifiedDomains.contains(domain) ? Status.MEMBER : Status.GUEST;
    }

    public boolean guest(String principalId, String address, String login) {
        return status(principalId, address, login) == Status.GUEST;
    }

    /** The grant with its {@code guest} flag as Graph says: for a link, whether any recipient is a guest. */
    public AccessGrant judge(AccessGrant g) {
        boolean guest = switch (g.kind()) {
            case USER, SITE_USER -> guest(g.kind() == AccessGrant.Kind.USER ? g.principalId() : null, g.principalEmail(),
                    g.principalLogin());
            case LINK -> g.recipients().stream().anyMatch(r -> guest(null, r, null));
            default -> g.guest();
        };
        return guest == g.guest() ? g : new AccessGrant(g.permissionId(), g.roles(), g.kind(), g.principalId(),
                g.principalName(), g.principalLogin(), g.principalEmail(), guest, g.linkScope(), g.linkType(), g.expiresAt(),
                g.hasPassword(), g.inheritedFrom(), g.recipients());
    }

    public List<AccessGrant> judge(List<AccessGrant> grants) {
        List<AccessGrant> out = new ArrayList<>(grants.size());
        grants.forEach(g -> out.add(judge(g)));
        return out;
    }

    /** Principals Graph gave nothing to judge by, named by address or id. */
    public Set<String> unjudged() {
        return new java.util.TreeSet<>(unjudged);
    }

    private Status remember(String principalId, String address) {
        unjudged.add(address != null ? address : principalId);
        return Status.UNKNOWN;
    }

    private static Status typeOf(DirectoryUser user) {
        if ("Guest".equalsIgnoreCase(user.userType())) {
            return Status.GUEST;
        }
        if (user.userType() == null && user.userPrincipalName() != null
                && user.userPrincipalName().toLowerCase(Locale.ROOT).contains("#ext#")) {
            return Status.GUEST;
        }
        return Status.MEMBER;
    }
}
