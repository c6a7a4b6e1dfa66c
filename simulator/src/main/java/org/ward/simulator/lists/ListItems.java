package org.ward.simulator.lists;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.ward.simulator.labels.NationalCloud;
import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.PageLimit;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.Site;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.tenant.SharePointGuid;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A document library's items as a SharePoint list: {@code GET /sites/{site-id}/lists/{list-id}/items/delta}
 * (Microsoft's listitem-delta page): the first round enumerates the library's items (files and folders, not the root),
 * later rounds from a deltaLink report what changed since — items whose content, name, columns or retention label
 * changed, and deleted items with the {@code deleted} facet — but not changes to permissions. {@code token=latest}
 * answers an empty page with a deltaLink; a token the library no longer honours answers 410
 * {@code resyncChangesApplyDifferences} with a {@code Location} that starts a fresh enumeration. {@code $select},
 * {@code $expand=fields($select=…)} and {@code $top} (at most 1,000 a page, 200 without it — assumed: the page names
 * no limit, and these are the drive delta's) are honoured.
 *
 * <p>The list id is the library's {@code sharepointIds.listId}; the site id any form the site answers to. The page's
 * national-cloud table has the global service only: in US Government L4, L5 and China the gateway answers as for a
 * segment its metadata lacks (400, before permissions). Costs are the delta prices Microsoft publishes without naming
 * the resource: 2 resource units without a token, 1 with one (assumed to apply to list-item delta as to drive delta;
 * expanding {@code fields} is assumed to cost nothing extra, since only {@code $expand=permissions} is priced).
 */
public final class ListItems implements ResourceFamily {

    /** listitem-delta's permission table: Sites.Read.All or Sites.ReadWrite.All for applications (Files.* do not do). */
    static final RouteAccess READ = RouteAccess.sharePoint("Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All",
            "Sites.FullControl.All");
    private static final Pattern LIST_ITEMS_DELTA = Pattern.compile("(?i)^/sites/[^/]+/lists/[^/]+/items/delta$");

    private final Tenant tenant;
    private final NationalCloud cloud;

    public ListItems(Tenant tenant, NationalCloud cloud) {
        this.tenant = tenant;
        this.cloud = cloud;
    }

    @Override
    public void register(Routes routes) {
        routes.rewrite(path -> {
            if (cloud.national() && LIST_ITEMS_DELTA.matcher(path).matches()) {
                throw GraphException.badRequest("Resource not found for the segment 'delta'.");
            }
            return path;
        });
        routes.add(Route.of("GET", "/sites/{siteId}/lists/{listId}/items/delta", READ,
                call -> Charge.sharePoint(call.query("token") == null ? 2 : 1), this::delta)
                .returnsCollection("listItem", PageLimit.capped(1000))
                .checkedBy(ListItems::expandsFieldsOnly));
    }

    /**
     * Microsoft documents {@code $expand} on list-item delta without naming what it expands; the simulator serves
     * {@code fields} and refuses the rest rather than answer without them (assumed wording: the drive delta's refusal).
     */
    private static void expandsFieldsOnly(GraphCall call) {
        for (var expansion : call.odata().expand()) {
            if (!expansion.name().equalsIgnoreCase("fields")) {
                throw new GraphException(400, "badArgument", "One of the provided arguments is not acceptable.");
            }
        }
    }

    private GraphResponse delta(GraphCall call) {
        return tenant.read(() -> {
            Site site = tenant.site(call.param("siteId"));
            if (site == null) {
                throw GraphException.itemNotFound("Requested site could not be found");
            }
            Drive drive = library(site, call.param("listId"));
            ListDeltaToken position = position(call, site, drive);
            if (position == null) {
                return GraphResponse.ok(page(call, List.of(), null, link(call, site, drive,
                        new ListDeltaToken(tenant.generation, drive.id, drive.listEpoch(), false, drive.seq(), 0))));
            }
            int pageSize = call.odata().pageSize(200, 1000);
            List<ObjectNode> value = new ArrayList<>();
            long last = position.after();
            boolean more = false;
            for (Map.Entry<Long, Item> change : drive.listJournal(position.after(), position.upTo()).entrySet()) {
                if (value.size() == pageSize) {
                    more = true;
                    break;
                }
                last = change.getKey();
                Item item = change.getValue();
                if (position.initial() && item.deleted) {
                    continue;
                }
                value.add(ListItemJson.render(tenant, site, drive, item, call));
            }
            ListDeltaToken next = more
                    ? new ListDeltaToken(tenant.generation, drive.id, drive.listEpoch(), position.initial(), last, position.upTo())
                    : new ListDeltaToken(tenant.generation, drive.id, drive.listEpoch(), false, position.upTo(), 0);
            String link = link(call, site, drive, next);
            return GraphResponse.ok(more ? page(call, value, link, null) : page(call, value, null, link));
        });
    }

    private Drive library(Site site, String listId) {
        for (String driveId : site.driveIds) {
            Drive drive = tenant.drive(driveId);
            if (drive != null && SharePointGuid.listIdOf(drive).equalsIgnoreCase(listId)) {
                return drive;
            }
        }
        throw GraphException.itemNotFound("The resource could not be found.");
    }

    /** Where this call starts: the first enumeration, a round of changes, or null for {@code token=latest}. */
    private ListDeltaToken position(GraphCall call, Site site, Drive drive) {
        String token = call.query("token");
        if (token == null || token.isEmpty()) {
            return new ListDeltaToken(tenant.generation, drive.id, drive.listEpoch(), true, 0, drive.seq());
        }
        if (token.equalsIgnoreCase("latest")) {
            return null;
        }
        ListDeltaToken decoded = ListDeltaToken.decode(token, drive.id);
        if (decoded == null || !decoded.generation().equals(tenant.generation) || decoded.epoch() != drive.listEpoch()) {
            throw new GraphException(410, "resyncChangesApplyDifferences", "Resync required. Replace any local items with the"
                    + " server's version (including deletes) if you're sure that the service was up to date with your local"
                    + " changes when you last sync'd. Upload any local changes that the server doesn't know about.")
                    .header("Location", call.request().serviceRoot() + "/sites/" + site.id + "/lists/"
                            + SharePointGuid.listIdOf(drive) + "/items/delta");
        }
        if (decoded.upTo() == 0) {
            return new ListDeltaToken(tenant.generation, drive.id, drive.listEpoch(), false, decoded.after(), drive.seq());
        }
        return decoded;
    }

    private static ObjectNode page(GraphCall call, List<ObjectNode> value, String nextLink, String deltaLink) {
        ObjectNode body = Json.object();
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#Collection(listItem)");
        ArrayNode array = body.putArray("value");
        value.forEach(array::add);
        if (nextLink != null) {
            body.put("@odata.nextLink", nextLink);
        }
        if (deltaLink != null) {
            body.put("@odata.deltaLink", deltaLink);
        }
        return body;
    }

    /** A next or delta link: the request's {@code $select}, {@code $expand} and {@code $top} with the new token. */
    private static String link(GraphCall call, Site site, Drive drive, ListDeltaToken token) {
        StringBuilder url = new StringBuilder(call.request().serviceRoot()).append("/sites/").append(site.id)
                .append("/lists/").append(SharePointGuid.listIdOf(drive)).append("/items/delta?token=").append(token.encode());
        for (Map.Entry<String, String> e : call.request().query().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("$select") || key.equals("$expand") || key.equals("$top")) {
                url.append('&').append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                        .replace("+", "%20").replace("%2C", ","));
            }
        }
        return url.toString();
    }
}
