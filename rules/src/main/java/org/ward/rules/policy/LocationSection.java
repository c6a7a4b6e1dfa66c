package org.ward.rules.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds the {@code tenant} and {@code locations} sections. */
final class LocationSection {

    private LocationSection() {
    }

    static TenantProfile tenant(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "name", "domains", "sharePointHosts");
        return new TenantProfile(
                fields.text("name", ""),
                fields.each("domains", n -> PolicyNames.domain(n, problems)),
                fields.each("sharePointHosts", n -> PolicyNames.domain(n, problems)));
    }

    static LocationRegistry bind(PolicyNode node, TenantProfile tenant, Set<String> kindIds, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "approved");
        List<ApprovedLocation> approved = fields.each("approved", n -> location(n, kindIds, problems));
        return new LocationRegistry(approved, tenant.sharePointHosts());
    }

    private static ApprovedLocation location(PolicyNode node, Set<String> kindIds, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "id", "title", "site", "libraries", "kinds");
        String id = PolicyNames.id(fields, problems);
        String title = fields.text("title", id);
        String site = fields.requiredText("site");
        if (site != null && !(site.startsWith("https://") || site.startsWith("/"))) {
            problems.add(fields.originOf("site"), "\"" + site + "\" must be an https:// URL or a path starting with /sites/ or /teams/");
            site = null;
        }
        Set<String> kinds = new LinkedHashSet<>();
        for (PolicyNode kind : fields.each("kinds", n -> n)) {
            String text = Scalars.textOf(kind, problems);
            if (PolicyNames.knownKind(text, kind.origin(), kindIds, problems)) {
                kinds.add(text);
            }
        }
        if (!fields.has("kinds")) {
            problems.add(fields.originOf("kinds"), "is required: list the recording kinds approved here");
        }
        List<String> libraries = fields.texts("libraries", List.of());
        return id == null || site == null ? null : new ApprovedLocation(id, title, site, libraries, kinds);
    }
}
