package org.ward.simulator.sites;

import java.util.List;
import java.util.Locale;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.PageLimit;
import org.ward.simulator.server.Pages;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Group;
import org.ward.simulator.tenant.Site;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.node.ObjectNode;

/**
 * Sites: by id, {@code getAllSites} (app-only, every site including OneDrive personal sites), {@code ?search=},
 * a group's root site and (empty) subsites.
 */
public final class Sites implements ResourceFamily {

    static final RouteAccess READ = RouteAccess.sharePoint("Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All",
            "Sites.FullControl.All");

    private final Tenant tenant;

    public Sites(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/sites/getAllSites", READ, ChargeRule.sharePoint(2), this::all)
                .returnsCollection("site", PageLimit.capped(1000)));
        routes.add(Route.of("GET", "/sites", READ, ChargeRule.sharePoint(2), this::search)
                .returnsCollection("site", PageLimit.capped(1000)));
        routes.add(Route.of("GET", "/sites/root", READ, ChargeRule.sharePoint(1), this::root).returns("site"));
        routes.add(Route.of("GET", "/sites/{siteId}", READ, ChargeRule.sharePoint(1), this::get).returns("site"));
        routes.add(Route.of("GET", "/sites/{siteId}/sites", READ, ChargeRule.sharePoint(2),
                call -> GraphResponse.ok(Pages.of(call, List.of(), "sites", 200, 1000)))
                .returnsCollection("site", PageLimit.capped(1000)));
        routes.add(Route.of("GET", "/groups/{groupId}/sites/root", READ, ChargeRule.sharePoint(1), this::groupRoot)
                .returns("site"));
    }

    private GraphResponse all(GraphCall call) {
        List<ObjectNode> sites = tenant.read(() -> tenant.sites().stream().map(s -> render(s, call)).toList());
        return GraphResponse.ok(Pages.of(call, sites, "sites", 200, 1000));
    }

    private GraphResponse search(GraphCall call) {
        String query = call.query("search");
        List<ObjectNode> sites = tenant.read(() -> tenant.sites().stream()
                .filter(s -> !s.personal)
                .filter(s -> query == null || query.equals("*") || matches(s, query))
                .map(s -> render(s, call)).toList());
        return GraphResponse.ok(Pages.of(call, sites, "sites", 200, 1000));
    }

    private static boolean matches(Site site, String query) {
        String q = query.toLowerCase(Locale.ROOT);
        return site.displayName.toLowerCase(Locale.ROOT).contains(q) || site.name.toLowerCase(Locale.ROOT).contains(q)
                || site.webUrl.toLowerCase(Locale.ROOT).contains(q);
    }

    private GraphResponse root(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> tenant.sites().stream()
                .filter(s -> s.webUrl.equalsIgnoreCase("https://" + s.hostname)).findFirst()
                .map(s -> render(s, call))
                .orElseThrow(() -> GraphException.itemNotFound("Requested site could not be found"))));
    }

    private GraphResponse get(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Site site = tenant.site(call.param("siteId"));
            if (site == null) {
                throw GraphException.itemNotFound("Requested site could not be found");
            }
            ObjectNode node = render(site, call);
            node.put("@odata.context", call.request().serviceRoot() + "/$metadata#sites/$entity");
            return node;
        }));
    }

    private GraphResponse groupRoot(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Group group = tenant.group(call.param("groupId"));
            if (group == null) {
                throw GraphException.directoryNotFound(call.param("groupId"));
            }
            Site site = group.siteId == null ? null : tenant.site(group.siteId);
            if (site == null) {
                throw GraphException.itemNotFound("Requested site could not be found");
            }
            return render(site, call);
        }));
    }

    /** Who created the site: its first owner (a group site's first group owner); SharePoint keeps the creator. */
    private java.util.Optional<org.ward.simulator.tenant.User> creator(Site site) {
        java.util.Collection<String> owners = site.ownerIds;
        if (owners.isEmpty() && site.groupId != null && tenant.group(site.groupId) != null) {
            owners = tenant.group(site.groupId).ownerIds;
        }
        return owners.stream().findFirst().map(tenant::user);
    }

    private ObjectNode render(Site site, GraphCall call) {
        ObjectNode node = Json.object();
        node.put("id", site.id);
        node.put("name", site.name);
        node.put("displayName", site.displayName);
        node.put("description", site.description);
        Json.putDate(node, "createdDateTime", site.createdDateTime);
        Json.putDate(node, "lastModifiedDateTime", site.lastModifiedDateTime);
        node.put("webUrl", site.webUrl);
        creator(site).ifPresent(user -> {
            ObjectNode identity = node.putObject("createdBy").putObject("user");
            identity.put("id", user.id());
            identity.put("displayName", user.displayName());
        });
        node.put("isPersonalSite", site.personal);
        ObjectNode collection = node.putObject("siteCollection");
        collection.put("hostname", site.hostname);
        collection.put("dataLocationCode", "GBR");
        // Every simulated site is the top site of its own site collection, which Graph marks with root; only
        // the tenant's root site collection also carries siteCollection.root (site-list.json).
        node.putObject("root");
        if (site.webUrl.equalsIgnoreCase("https://" + site.hostname)) {
            collection.putObject("root");
        }
        if (call.odata().selects("sharepointIds")) {
            ObjectNode ids = node.putObject("sharepointIds");
            ids.put("siteId", site.siteCollectionId);
            ids.put("siteUrl", site.webUrl);
            ids.put("tenantId", tenant.id);
            ids.put("webId", site.webId);
        }
        return node;
    }
}
