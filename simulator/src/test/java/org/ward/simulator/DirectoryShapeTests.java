package org.ward.simulator;

import java.util.stream.Stream;

import com.microsoft.graph.models.ChannelCollectionResponse;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.Team;
import com.microsoft.graph.models.TeamCollectionResponse;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.Channel;

/** Users, groups, owners, members, teams and channels against the SDK models and Microsoft's examples. */
class DirectoryShapeTests extends DocumentedShapeTests {

    private GraphHttp graph;
    private String groupId;
    private String generalChannelId;

    @Override
    protected void prepare() {
        graph = SmallClinic.reader(simulator);
        groupId = SmallClinic.group(simulator, "Clinical Recordings").id;
        generalChannelId = SmallClinic.channel(simulator, SmallClinic.group(simulator, "Clinical Recordings"), "General").id();
    }

    @Override
    protected Stream<Shape> shapes() {
        String team = "/teams/" + groupId;
        return Stream.of(
                Shape.of("GET /users", "user-list.json", UserCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/users")),
                Shape.of("GET /users/{upn}", "user-get.json", User::createFromDiscriminatorValue,
                        () -> graph.get("/users/" + SmallClinic.ADA)),
                Shape.of("GET /groups", "group-list.json", GroupCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/groups")),
                Shape.of("GET /groups/{id}", "group-get.json", Group::createFromDiscriminatorValue,
                        () -> graph.get("/groups/" + groupId)),
                Shape.of("GET /groups/{id}?$select=id,assignedLabels", "group-get.2.json",
                        Group::createFromDiscriminatorValue, () -> graph.get("/groups/" + groupId + "?$select=id,assignedLabels"))
                        .omitsAll("the example selects the group's Exchange mailbox settings, which the simulator does not"
                                + " model; this row selects the container label instead", "allowExternalSenders",
                                "autoSubscribeNewMembers", "isSubscribedByMail", "unseenCount"),
                Shape.of("GET /groups/{id}/owners", "group-list-owners.json",
                        DirectoryObjectCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/groups/" + groupId + "/owners"))
                        .omits("value[].accountEnabled", "not in the user's default property set (user-list notes);"
                                + " the example's owners were evidently selected with it"),
                Shape.of("GET /groups/{id}/members", "group-list-members.json",
                        DirectoryObjectCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/groups/" + groupId + "/members")),
                Shape.of("GET /organization", "organization-list.json",
                        com.microsoft.graph.models.OrganizationCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/organization"))
                        .omitsAll("not properties of the v1.0 organization model the SDK reads",
                                "value[].isMultipleDataLocationsForServicesEnabled", "value[].directorySizeQuota",
                                "value[].directorySizeQuota.used", "value[].directorySizeQuota.total"),
                Shape.of("GET /teams", "teams-list.json", TeamCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/teams")),
                Shape.of("GET /teams/{id}", "team-get.json", Team::createFromDiscriminatorValue, () -> graph.get(team))
                        .omitsAll("discoverySettings is not a property of the v1.0 team model", "discoverySettings",
                                "discoverySettings.showInTeamsSearchAndSuggestions"),
                Shape.of("GET /teams/{id}/channels", "channel-list.json",
                        ChannelCollectionResponse::createFromDiscriminatorValue, () -> graph.get(team + "/channels")),
                Shape.of("GET /teams/{id}/channels/{id}", "channel-get.json", Channel::createFromDiscriminatorValue,
                        () -> graph.get(team + "/channels/" + generalChannelId)),
                Shape.of("GET /teams/{id}/allChannels", "team-list-allchannels.json",
                        ChannelCollectionResponse::createFromDiscriminatorValue, () -> graph.get(team + "/allChannels")));
    }
}
