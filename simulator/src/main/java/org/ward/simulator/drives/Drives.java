package org.ward.simulator.drives;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Group;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.Site;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives and driveItems: a drive, a site's drives, an item, its children, a channel's files folder, and
 * {@code root/delta} with nextLink/deltaLink tokens, {@code token=latest}, timestamp tokens, 410 resync, and the
 * sharing {@code Prefer} headers. Aliases ({@code /users/{id}/drive}, {@code /groups/{id}/drive},
 * {@code /sites/{id}/drive}, {@code /drives/{id}/root}) are rewritten to {@code /drives/{id}/items/{id}}.
 */
public final class Drives implements ResourceFamily {

    public static final RouteAccess READ = RouteAccess.sharePoint("Files.Read.All", "Files.ReadWrite.All",
            "Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All");
    static final RouteAccess FILES_FOLDER = RouteAccess.sharePoint("Files.Read.All", "Files.ReadWrite.All",
            "Group.Read.All", "Group.ReadWrite.All");
    private static final Pattern OWNER_DRIVE = Pattern.compile("^/(users|groups|sites)/([^/]+)/drive(/.*)?$");
    private static final Pattern DRIVE_ROOT = Pattern.compile("^/drives/([^/]+)/root(/.*)?$");
    private static final String SHOW_SHARING = "deltashowsharingchanges";

    private final Tenant tenant;
    private final DriveItemJson items;
    private final boolean annotateFolders;

    public Drives(Tenant tenant) {
        this(tenant, false);
    }

    /**
     * @param annotateFolders put {@code @microsoft.graph.sharedChanged} on folders too (Graph is reported to set it on
     *     files only, microsoftgraph/msgraph-sdk-java#2548)
     */
    public Drives(Tenant tenant, boolean annotateFolders) {
        this.tenant = tenant;
        this.items = new DriveItemJson(tenant);
        this.annotateFolders = annotateFolders;
    }

    @Override
    public void register(Routes routes) {
        routes.rewrite(this::ownerDrive);
        routes.rewrite(path -> {
            Matcher m = DRIVE_ROOT.matcher(path);
            if (!m.matches()) {
                return path;
            }
            Drive drive = tenant.drive(m.group(1));
            String rootId = drive == null ? "root" : drive.rootId;
            return "/drives/" + m.group(1) + "/items/" + rootId + (m.group(2) == null ? "" : m.group(2));
        });
        routes.add(Route.of("GET", "/drives/{driveId}", READ, ChargeRule.sharePoint(1), this::drive).returns("drive"));
        routes.add(Route.of("GET", "/sites/{siteId}/drives", READ, ChargeRule.sharePoint(2), this::siteDrives)
                .returnsCollection("drive", PageLimit.capped(1000)));
        routes.add(Route.of("GET", "/drives/{driveId}/items/{itemId}", READ, ChargeRule.sharePoint(1), this::item)
                .returns("driveItem"));
        routes.add(Route.of("GET", "/drives/{driveId}/items/{itemId}/children", READ, ChargeRule.sharePoint(2), this::children)
                .returnsCollection("driveItem", PageLimit.capped(1000)));
        routes.add(Route.of("GET", "/drives/{driveId}/items/{itemId}/delta", READ,
                call -> Charge.sharePoint(call.odata().expands("permissions") ? 5 : call.query("token") == null ? 2 : 1),
                this::delta).returnsCollection("driveItem", PageLimit.capped(1000)));
        routes.add(Route.of("GET", "/teams/{teamId}/channels/{channelId}/filesFolder", FILES_FOLDER,
                ChargeRule.sharePoint(1), this::filesFolder).returns("driveItem"));
    }

    private String ownerDrive(String path) {
        Matcher m = OWNER_DRIVE.matcher(path);
        if (!m.matches()) {
            return path;
        }
        String owner = m.group(2);
        String driveId = switch (m.group(1)) {
            case "users" -> {
                User user = tenant.user(owner);
                if (user == null) {
                    throw GraphException.directoryNotFound(owner);
                }
                if (user.driveId() == null) {
                    throw new GraphException(404, "ResourceNotFound", "User's mysite not found.");
                }
                yield user.driveId();
            }
            case "groups" -> {
                Group group = tenant.group(owner);
                Site site = group == null || group.siteId == null ? null : tenant.site(group.siteId);
                if (site == null || site.driveIds.isEmpty()) {
                    throw GraphException.itemNotFound("The resource could not be found.");
                }
                yield site.driveIds.get(0);
            }
            default -> {
                Site site = tenant.site(owner);
                if (site == null || site.driveIds.isEmpty()) {
                    throw GraphException.itemNotFound("The resource could not be found.");
                }
                yield site.driveIds.get(0);
            }
        };
        return "/drives/" + driveId + (m.group(3) == null ? "" : m.group(3));
    }

    private Drive driveOf(GraphCall call) {
        Drive drive = tenant.drive(call.param("driveId"));
        if (drive == null) {
            throw GraphException.itemNotFound("The resource could not be found.");
        }
        return drive;
    }

    private Item itemOf(Drive drive, String itemId) {
        Item item = drive.item(itemId);
        if (item == null) {
            throw GraphException.itemNotFound("The resource could not be found.");
        }
        return item;
    }

    private GraphResponse drive(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            ObjectNode node = DriveJson.render(tenant, driveOf(call));
            node.put("@odata.context", call.request().serviceRoot() + "/$metadata#drives/$entity");
            return node;
        }));
    }

    private GraphResponse siteDrives(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Site site = tenant.site(call.param("siteId"));
            if (site == null) {
                throw GraphException.itemNotFound("Requested site could not be found");
            }
            List<ObjectNode> drives = new ArrayList<>();
            for (String driveId : site.driveIds) {
                drives.add(DriveJson.render(tenant, tenant.drive(driveId)));
            }
            return Pages.of(call, drives, "drives", 200, 1000);
        }));
    }

    private GraphResponse item(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Drive drive = driveOf(call);
            ObjectNode node = items.render(drive, itemOf(drive, call.param("itemId")), call, DriveItemJson.Options.PLAIN);
            node.put("@odata.context", call.request().serviceRoot() + "/$metadata#drives('" + drive.id + "')/items/$entity");
            return node;
        }));
    }

    private GraphResponse children(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Drive drive = driveOf(call);
            Item folder = itemOf(drive, call.param("itemId"));
            List<ObjectNode> children = new ArrayList<>();
            for (Item child : drive.children(folder.id)) {
                if (!child.deleted) {
                    children.add(items.render(drive, child, call, DriveItemJson.Options.PLAIN));
                }
            }
            return Pages.of(call, children, "drives('" + drive.id + "')/items('" + folder.id + "')/children", 200, 1000);
        }));
    }

    private GraphResponse filesFolder(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Group group = tenant.group(call.param("teamId"));
            if (group == null || group.team == null) {
                throw new GraphException(404, "NotFound", "No team found with Group Id " + call.param("teamId"));
            }
            Group.Channel channel = group.team.channels.stream().filter(c -> c.id().equals(call.param("channelId")))
                    .findFirst().orElseThrow(() -> new GraphException(404, "NotFound", "Channel not found."));
            Drive drive = tenant.drive(channel.driveId());
            ObjectNode node = items.render(drive, itemOf(drive, channel.folderItemId()), call, DriveItemJson.Options.PLAIN);
            node.put("@odata.context", call.request().serviceRoot() + "/$metadata#teams('" + group.id + "')/channels('"
                    + channel.id() + "')/filesFolder/$entity");
            return node;
        }));
    }

    private GraphResponse delta(GraphCall call) {
        refuseExpansionsOnDelta(call);
        List<String> prefer = call.request().preferences();
        boolean hierarchical = prefer.contains("hierarchicalsharing");
        boolean showSharing = prefer.contains(SHOW_SHARING);
        if (showSharing && !(prefer.contains("deltashowremovedasdeleted") && prefer.contains("deltatraversepermissiongaps"))) {
            throw GraphException.invalidRequest("Prefer: deltashowsharingchanges requires deltashowremovedasdeleted and"
                    + " deltatraversepermissiongaps in the same request.");
        }
        if ((showSharing || hierarchical) && !call.caller().roles().contains("Sites.FullControl.All")) {
            throw new GraphException(403, "accessDenied", "Reading sharing changes through delta requires the"
                    + " Sites.FullControl.All application permission.");
        }
        DriveItemJson.Options options = new DriveItemJson.Options(true, hierarchical, showSharing, annotateFolders);
        return tenant.read(() -> {
            Drive drive = driveOf(call);
            Item folder = itemOf(drive, call.param("itemId"));
            if (!folder.id.equals(drive.rootId)) {
                throw GraphException.invalidRequest("Delta is only supported on the root of a drive in OneDrive for Business and SharePoint.");
            }
            DeltaToken position = position(call, drive);
            if (position == null) {
                return GraphResponse.ok(page(call, drive, List.of(), null, link(call, drive,
                        new DeltaToken(tenant.generation, drive.id, drive.epoch(), DeltaToken.Mode.LINK, drive.seq(), 0))));
            }
            int pageSize = call.odata().pageSize(200, 1000);
            List<ObjectNode> value = new ArrayList<>();
            long last = position.after();
            boolean more = false;
            for (Map.Entry<Long, Item> change : drive.journal(position.after(), position.upTo()).entrySet()) {
                if (value.size() == pageSize) {
                    more = true;
                    break;
                }
                last = change.getKey();
                Item item = change.getValue();
                if (position.mode() == DeltaToken.Mode.INITIAL && item.deleted) {
                    continue;
                }
                value.add(items.render(drive, item, call, options));
            }
            DeltaToken next = more
                    ? new DeltaToken(tenant.generation, drive.id, drive.epoch(), position.mode(), last, position.upTo())
                    : new DeltaToken(tenant.generation, drive.id, drive.epoch(), DeltaToken.Mode.LINK, position.upTo(), 0);
            return GraphResponse.ok(more ? page(call, drive, value, link(call, drive, next), null)
                    : page(call, drive, value, null, link(call, drive, next)));
        });
    }

    /**
     * Delta refuses to expand what a real tenant refuses: {@code listItem} ("the delta API does not support expanding
     * the listItem relationship", OneDrive/onedrive-api-docs#1181; also microsoft-graph-docs#7819) and
     * {@code thumbnails} (microsoft-graph-docs#8321) with 400 badArgument, {@code permissions} with notSupported
     * (microsoftgraph/msgraph-sdk-go#899), each with the error body those reports quote.
     */
    private static void refuseExpansionsOnDelta(GraphCall call) {
        for (var expansion : call.odata().expand()) {
            String name = expansion.name();
            if (name.equalsIgnoreCase("permissions")) {
                throw new GraphException(400, "notSupported", "Permission is not supported in this item.");
            }
            if (name.equalsIgnoreCase("listItem") || name.equalsIgnoreCase("thumbnails")) {
                throw new GraphException(400, "badArgument", "One of the provided arguments is not acceptable.");
            }
        }
    }

    /** Where this delta call starts, or null for {@code token=latest}. */
    private DeltaToken position(GraphCall call, Drive drive) {
        String token = call.query("token");
        if (token == null || token.isEmpty()) {
            return new DeltaToken(tenant.generation, drive.id, drive.epoch(), DeltaToken.Mode.INITIAL, 0, drive.seq());
        }
        if (token.equalsIgnoreCase("latest")) {
            return null;
        }
        if (Character.isDigit(token.charAt(0)) && token.contains("T")) {
            try {
                long after = drive.seqBefore(Instant.parse(token));
                return new DeltaToken(tenant.generation, drive.id, drive.epoch(), DeltaToken.Mode.CHANGES, after, drive.seq());
            } catch (DateTimeParseException e) {
                throw GraphException.badRequest("Invalid timestamp token '" + token + "'.");
            }
        }
        DeltaToken decoded = DeltaToken.decode(token, drive.id);
        if (decoded == null || !decoded.generation().equals(tenant.generation) || decoded.epoch() != drive.epoch()) {
            throw new GraphException(410, "resyncChangesApplyDifferences", "Resync required. Replace any local items with the"
                    + " server's version (including deletes) if you're sure that the service was up to date with your local"
                    + " changes when you last sync'd. Upload any local changes that the server doesn't know about.")
                    .header("Location", call.request().serviceRoot() + "/drives/" + drive.id + "/root/delta");
        }
        if (decoded.mode() == DeltaToken.Mode.LINK) {
            return new DeltaToken(tenant.generation, drive.id, drive.epoch(), DeltaToken.Mode.CHANGES, decoded.after(), drive.seq());
        }
        return decoded;
    }

    private static ObjectNode page(GraphCall call, Drive drive, List<ObjectNode> value, String nextLink, String deltaLink) {
        ObjectNode body = Json.object();
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#Collection(driveItem)");
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

    /** A next or delta link: the same options as the request, with the new token. */
    private static String link(GraphCall call, Drive drive, DeltaToken token) {
        StringBuilder url = new StringBuilder(call.request().serviceRoot()).append("/drives/").append(drive.id)
                .append("/root/delta?token=").append(token.encode());
        for (Map.Entry<String, String> e : call.request().query().entrySet()) {
            String key = e.getKey();
            if (key.equalsIgnoreCase("$select") || key.equalsIgnoreCase("$expand") || key.equalsIgnoreCase("$top")) {
                url.append('&').append(key).append('=').append(java.net.URLEncoder.encode(e.getValue(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ","));
            }
        }
        return url.toString();
    }
}
