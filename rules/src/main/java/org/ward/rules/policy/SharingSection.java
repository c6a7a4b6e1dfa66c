package org.ward.rules.policy;

import java.time.Period;
import java.util.List;

import org.ward.rules.policy.PolicyNode.MapNode;
import org.ward.rules.policy.SharingPolicy.EveryoneGrants;
import org.ward.rules.policy.SharingPolicy.TemporaryCopies;

/** Binds and validates the {@code sharing} section; defaults follow CISA SCuBA and CIS M365 (see docs/policies.md). */
final class SharingSection {

    private SharingSection() {
    }

    static SharingPolicy bind(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "forbidAnonymousLinks", "forbidOrganizationLinks",
                "forbidEditLinks", "maximumLinkExpiry", "linkWithoutExpiryIsFinding", "everyone", "partnerDomains",
                "temporaryCopies");
        NodeFields everyone = NodeFields.of(section(fields, "everyone"), problems, "displayNames", "loginNamePatterns");
        NodeFields copies = NodeFields.of(section(fields, "temporaryCopies"), problems, "gracePeriod", "oneDriveFolders");
        return new SharingPolicy(
                fields.bool("forbidAnonymousLinks", true),
                fields.bool("forbidOrganizationLinks", true),
                fields.bool("forbidEditLinks", true),
                fields.period("maximumLinkExpiry", Period.ofDays(30)),
                fields.bool("linkWithoutExpiryIsFinding", true),
                new EveryoneGrants(everyone.texts("displayNames", List.of()), everyone.texts("loginNamePatterns", List.of())),
                fields.each("partnerDomains", n -> PolicyNames.domain(n, problems)),
                new TemporaryCopies(copies.period("gracePeriod", Period.ofDays(7)),
                        copies.texts("oneDriveFolders", List.of("Recordings", "Microsoft Teams Chat Files"))));
    }

    static PolicyNode section(NodeFields fields, String key) {
        return fields.node(key).orElse(MapNode.empty(fields.originOf(key)));
    }
}
