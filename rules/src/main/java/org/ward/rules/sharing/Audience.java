package org.ward.rules.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can reach an item now (its audience), from its grants: anyone with a link, everyone in the organisation, people (counted,
 * guests among them), and groups with their size where Graph exposes it.
 *
 * @param anyoneWithLink an active Anyone link exists
 * @param wholeOrganisation an organisation-wide link or an Everyone-style grant exists
 * @param people people with access through direct grants, link recipients or group membership
 * @param guests those of them outside the organisation
 * @param groups group name to size (null when Graph does not expose the membership)
 */
public record Audience(boolean anyoneWithLink, boolean wholeOrganisation, Set<String> people, Set<String> guests,
        Map<String, Integer> groups) {

    /**
     * The audience when nothing but the grants' own guest flags is known: a link's recipients count as guests when the
     * link is flagged as reaching one.
     */
    public static Audience of(List<AccessGrant> grants, Map<String, List<GroupMember>> members,
            org.ward.rules.policy.SharingPolicy.EveryoneGrants everyone, Instant now) {
        return of(grants, members, everyone, null, now);
    }

    /**
     * @param membership who Graph says is a guest, used for the recipients of specific-people links (grants carry
     *     their own flag); null to take a flagged link's recipients as guests
     */
    public static Audience of(List<AccessGrant> grants, Map<String, List<GroupMember>> members,
            org.ward.rules.policy.SharingPolicy.EveryoneGrants everyone, Membership membership, Instant now) {
        boolean anyone = false;
        boolean organisation = false;
        Set<String> people = new LinkedHashSet<>();
        Set<String> guests = new LinkedHashSet<>();
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (AccessGrant g : grants) {
            if (!g.activeAt(now)) {
                continue;
            }
            switch (g.kind()) {
                case LINK -> {
                    anyone |= "anonymous".equals(g.linkScope());
                    organisation |= "organization".equals(g.linkScope());
                    people.addAll(g.recipients());
                    g.recipients().stream().filter(r -> membership == null ? g.guest() : membership.guest(null, r, null))
                            .forEach(guests::add);
                }
                case USER -> {
                    String who = g.principalEmail() != null ? g.principalEmail() : g.principalId();
                    people.add(who);
                    if (g.guest()) {
                        guests.add(who);
                    }
                }
                case GROUP -> {
                    List<GroupMember> list = members.get(g.principalId());
                    groups.put(g.principalName(), list == null ? null : list.size());
                    if (list != null) {
                        list.forEach(m -> {
                            people.add(m.upn());
                            if (m.guest()) {
                                guests.add(m.upn());
                            }
                        });
                    }
                }
                case SITE_GROUP -> groups.put(g.principalName(), null);
                case SITE_USER -> {
                    if (everyone.matches(g.principalName(), g.principalLogin())) {
                        organisation = true;
                    } else {
                        people.add(g.principalName());
                        if (g.guest()) {
                            guests.add(g.principalName());
                        }
                    }
                }
                default -> {
                }
            }
        }
        return new Audience(anyone, organisation, people, guests, groups);
    }

    /** "Who can reach it now: anyone with the link; everyone in the organisation; 5 people (1 guest); ..." */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (anyoneWithLink) {
            parts.add("anyone with the link, without signing in");
        }
        if (wholeOrganisation) {
            parts.add("everyone in the organisation");
        }
        if (!people.isEmpty()) {
            parts.add(people.size() + (people.size() == 1 ? " person" : " people")
                    + (guests.isEmpty() ? "" : " (" + guests.size() + (guests.size() == 1 ? " guest" : " guests") + ")"));
        }
        groups.forEach((name, size) -> parts.add("group \"" + name + "\" (" + (size == null ? "membership not visible in Graph"
                : size + (size == 1 ? " member" : " members")) + ")"));
        return "Who can reach it now: " + (parts.isEmpty() ? "only the site's own members" : String.join("; ", parts)) + ".";
    }

    /** The same facts for structured report details. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("anyoneWithLink", anyoneWithLink);
        details.put("wholeOrganisation", wholeOrganisation);
        details.put("people", people.size());
        details.put("guests", List.copyOf(guests));
        Map<String, Object> sizes = new LinkedHashMap<>();
        groups.forEach((name, size) -> sizes.put(name, size == null ? "unknown" : size));
        details.put("groups", sizes);
        return details;
    }
}
