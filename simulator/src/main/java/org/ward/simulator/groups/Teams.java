package org.ward.simulator.groups;

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
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /teams}, a team, and its channels. Shared channels are only named as such when the client sends
 * {@code Prefer: include-unknown-enum-members}; otherwise Graph calls them {@code unknownFutureValue}.
 */
public final class Teams implements ResourceFamily {

    static final RouteAccess LIST = RouteAccess.teams("Team.ReadBasic.All", "TeamSettings.Read.All", "TeamSettings.ReadWrite.All");
    static final RouteAccess GET = RouteAccess.teams("TeamSettings.Read.Group", "TeamSettings.ReadWrite.Group",
            "Team.ReadBasic.All", "TeamSettings.Read.All", "TeamSettings.ReadWrite.All", "Group.Read.All",
            "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    static final RouteAccess CHANNELS = RouteAccess.teams("ChannelSettings.Read.Group", "Channel.ReadBasic.All",
            "ChannelSettings.Read.All", "ChannelSettings.ReadWrite.All", "ChannelSettings.ReadWrite.Group",
            "Directory.Read.All", "Directory.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All");

    private final Tenant tenant;

    public Teams(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/teams", LIST, ChargeRule.fixed(Charge.directory(1)), this::list)
                .returnsCollection("team", PageLimit.capped(999)));
        routes.add(Route.of("GET", "/teams/{teamId}", GET, ChargeRule.fixed(Charge.directory(1)), this::get).returns("team"));
        routes.add(Route.of("GET", "/teams/{teamId}/channels", CHANNELS, ChargeRule.fixed(Charge.directory(1)),
                call -> channels(call, false)).returnsCollection("channel", null));
        routes.add(Route.of("GET", "/teams/{teamId}/allChannels", CHANNELS, ChargeRule.fixed(Charge.directory(1)),
                call -> channels(call, true)).returnsCollection("channel", null));
        routes.add(Route.of("GET", "/teams/{teamId}/channels/{channelId}", CHANNELS, ChargeRule.fixed(Charge.directory(1)),
                this::channel).returns("channel"));
    }

    private Group team(GraphCall call) {
        Group group = tenant.group(call.param("teamId"));
        if (group == null || group.team == null) {
            throw new GraphException(404, "NotFound", "No team found with Group Id " + call.param("teamId"));
        }
        return group;
    }

    private GraphResponse list(GraphCall call) {
        List<ObjectNode> teams = tenant.read(() -> tenant.groups().stream().filter(g -> g.team != null).map(g -> {
            ObjectNode node = Json.object();
            node.put("id", g.id);
            node.put("displayName", g.displayName);
            node.put("description", g.description);
            return node;
        }).toList());
        return GraphResponse.ok(Pages.of(call, teams, "teams", 100, 999));
    }

    private GraphResponse get(GraphCall call) {
        ObjectNode body = tenant.read(() -> {
            Group group = team(call);
            ObjectNode node = Json.object();
            node.put("@odata.context", call.request().serviceRoot() + "/$metadata#teams/$entity");
            node.put("id", group.id);
            Json.putDate(node, "createdDateTime", group.createdDateTime);
            node.put("displayName", group.displayName);
            node.put("description", group.description);
            node.put("internalId", group.team.internalId);
            node.putNull("classification");
            node.put("specialization", "none");
            node.put("visibility", group.visibility.toLowerCase(Locale.ROOT));
            node.put("webUrl", "https://teams.microsoft.com/l/team/" + group.team.internalId
                    + "/conversations?groupId=" + group.id + "&tenantId=" + tenant.id);
            node.put("isArchived", group.team.archived);
            ObjectNode members = node.putObject("memberSettings");
            members.put("allowCreateUpdateChannels", true);
            members.put("allowCreatePrivateChannels", true);
            members.put("allowDeleteChannels", true);
            members.put("allowAddRemoveApps", true);
            members.put("allowCreateUpdateRemoveTabs", true);
            members.put("allowCreateUpdateRemoveConnectors", true);
            ObjectNode guests = node.putObject("guestSettings");
            guests.put("allowCreateUpdateChannels", false);
            guests.put("allowDeleteChannels", false);
            ObjectNode messaging = node.putObject("messagingSettings");
            messaging.put("allowUserEditMessages", true);
            messaging.put("allowUserDeleteMessages", true);
            messaging.put("allowOwnerDeleteMessages", true);
            messaging.put("allowTeamMentions", true);
            messaging.put("allowChannelMentions", true);
            ObjectNode fun = node.putObject("funSettings");
            fun.put("allowGiphy", true);
            fun.put("giphyContentRating", "moderate");
            fun.put("allowStickersAndMemes", true);
            fun.put("allowCustomMemes", true);
            ObjectNode summary = node.putObject("summary");
            summary.put("ownersCount", group.ownerIds.size());
            summary.put("membersCount", group.memberIds.stream().filter(id -> !group.ownerIds.contains(id)
                    && !isGuest(id)).count());
            summary.put("guestsCount", group.memberIds.stream().filter(this::isGuest).count());
            return node;
        });
        return GraphResponse.ok(body);
    }

    private boolean isGuest(String userId) {
        org.ward.simulator.tenant.User user = tenant.user(userId);
        return user != null && user.guest();
    }

    private GraphResponse channels(GraphCall call, boolean all) {
        boolean includeShared = call.request().preferences().contains("include-unknown-enum-members");
        List<ObjectNode> channels = tenant.read(() -> team(call).team.channels.stream().map(c -> {
            ObjectNode node = render(c, includeShared);
            if (all) {
                // allChannels names each channel by its canonical address, shared-in channels included.
                ObjectNode annotated = Json.object();
                annotated.put("@odata.id", call.request().serviceRoot() + "/tenants/" + tenant.id + "/teams/"
                        + call.param("teamId") + "/channels/" + c.id());
                annotated.setAll(node);
                return annotated;
            }
            return node;
        }).toList());
        String context = "teams('" + call.param("teamId") + "')/" + (all ? "allChannels" : "channels");
        return GraphResponse.ok(Pages.all(call, channels, context));
    }

    private GraphResponse channel(GraphCall call) {
        boolean includeShared = call.request().preferences().contains("include-unknown-enum-members");
        ObjectNode body = tenant.read(() -> team(call).team.channels.stream()
                .filter(c -> c.id().equals(call.param("channelId"))).findFirst()
                .map(c -> render(c, includeShared))
                .orElseThrow(() -> new GraphException(404, "NotFound", "Channel not found.")));
        return GraphResponse.ok(body);
    }

    private ObjectNode render(Group.Channel channel, boolean includeShared) {
        ObjectNode node = Json.object();
        node.put("id", channel.id());
        Json.putDate(node, "createdDateTime", channel.createdDateTime());
        node.put("displayName", channel.displayName());
        node.put("description", channel.description());
        node.putNull("isFavoriteByDefault");
        node.put("email", channel.email());
        node.put("tenantId", tenant.id);
        node.put("webUrl", "https://teams.microsoft.com/l/channel/" + channel.id() + "/"
                + channel.displayName().replace(" ", "%20") + "?tenantId=" + tenant.id);
        String membership = channel.membershipType();
        if ("shared".equals(membership) && !includeShared) {
            membership = "unknownFutureValue";
        }
        node.put("membershipType", membership);
        node.put("layoutType", "post");
        node.put("isArchived", false);
        return node;
    }
}
