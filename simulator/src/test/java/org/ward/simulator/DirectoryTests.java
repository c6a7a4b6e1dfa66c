package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.tenant.Group;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.JsonNode;

/** The directory and Teams: $filter, $select, $top and paging by nextLink; typed members; channel kinds. */
class DirectoryTests {

    static Simulator simulator;
    static GraphHttp graph;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        graph = SmallClinic.reader(simulator);
        // A group that is not a team, beside the fixture's team.
        simulator.tenant().write(() -> simulator.tenant().addGroup(new Group("5d2a4f4e-7a5b-4b53-9d43-2f2b7a4b0c11",
                "Practice Managers", null, "PracticeManagers", "PracticeManagers@smallclinic.onmicrosoft.com", "Private",
                simulator.tenant().now())));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static List<String> names(Reply reply) {
        return reply.json().path("value").valueStream().map(v -> v.path("displayName").asString()).toList();
    }

    static String filter(String expression) {
        return "$filter=" + GraphHttp.encode(expression);
    }

    @Test
    void filtersUsersByUserTypeWithoutSelectingIt() {
        Reply guests = graph.get("/users?" + filter("userType eq 'Guest'"));

        assertThat(guests.status()).isEqualTo(200);
        assertThat(names(guests)).containsExactly("Dan Partner");
        assertThat(guests.json().path("value").get(0).has("userType")).as("not in the default set").isFalse();
    }

    @Test
    void filtersMembersByUserType() {
        assertThat(names(graph.get("/users?" + filter("userType eq 'Member'"))))
                .containsExactly("Ada Lovelace", "Ben Okri", "Cara Nodrive");
    }

    @Test
    void returnsOnlyTheSelectedProperties() {
        Reply reply = graph.get("/users?$select=displayName,userType&" + filter("userType eq 'Guest'"));

        JsonNode dan = reply.json().path("value").get(0);
        assertThat(new TreeSet<>(dan.propertyNames())).containsExactly("displayName", "userType");
        assertThat(dan.path("userType").asString()).isEqualTo("Guest");
    }

    @Test
    void answersTheDefaultPropertySetWithoutSelect() {
        JsonNode ada = graph.get("/users/" + SmallClinic.ADA).json();

        assertThat(new TreeSet<>(ada.propertyNames())).containsExactly("@odata.context", "businessPhones", "displayName",
                "givenName", "id", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
                "userPrincipalName");
    }

    @Test
    void pagesUsersByTopFollowingNextLinksThatKeepTheQuery() {
        List<String> names = new ArrayList<>();
        Reply page = graph.get("/users?$top=3&$select=displayName");
        int pages = 1;
        names.addAll(names(page));
        while (page.json().has("@odata.nextLink")) {
            String next = page.json().path("@odata.nextLink").asString();
            assertThat(next).contains("$top=3").contains("$select=displayName").contains("$skiptoken=");
            page = graph.get(next);
            names.addAll(names(page));
            pages++;
        }

        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactly("Ada Lovelace", "Ben Okri", "Cara Nodrive", "Dan Partner");
    }

    @Test
    void filtersGroupsThatAreTeams() {
        Reply teams = graph.get("/groups?" + filter("resourceProvisioningOptions/Any(x:x eq 'Team')"));

        assertThat(names(teams)).containsExactly("Clinical Recordings");
        assertThat(names(graph.get("/groups"))).containsExactly("Clinical Recordings", "Practice Managers");
    }

    @Test
    void returnsAGroupsContainerLabelOnlyWhenSelected() {
        Group clinical = SmallClinic.group(simulator, "Clinical Recordings");
        String labelId = simulator.tenant().read(() -> simulator.tenant().sensitivityLabel("Confidential - Patient Data").id());

        JsonNode selected = graph.get("/groups/" + clinical.id + "?$select=id,assignedLabels").json();
        JsonNode plain = graph.get("/groups/" + clinical.id).json();

        assertThat(selected.path("assignedLabels").get(0).path("labelId").asString()).isEqualTo(labelId);
        assertThat(selected.path("assignedLabels").get(0).path("displayName").asString()).isEqualTo("Confidential - Patient Data");
        assertThat(plain.has("assignedLabels")).isFalse();
    }

    @Test
    void refusesAnUnknownQueryOption() {
        Reply reply = graph.get("/users?$shoeSize=9");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("BadRequest");
    }

    @Test
    void refusesAFilterItCannotParse() {
        assertThat(graph.get("/users?" + filter("userType eq")).status()).isEqualTo(400);
    }

    @Test
    void namesASharedChannelOnlyForAClientThatPrefersUnknownEnumMembers() {
        Group clinical = SmallClinic.group(simulator, "Clinical Recordings");
        simulator.tenant().write(() -> clinical.team.channels.add(new Group.Channel("19:0f3e5b1c2d4a4e6f8a9b0c1d2e3f4a5b@thread.tacv2",
                "Partner Reviews", null, "shared", simulator.tenant().now(), null, null, null, null, List.of(), List.of())));
        String channels = "/teams/" + clinical.id + "/channels?" + filter("displayName eq 'Partner Reviews'");

        Reply plain = graph.get(channels);
        Reply knowing = graph.get(channels, "Prefer", "include-unknown-enum-members");

        assertThat(plain.json().path("value").get(0).path("membershipType").asString()).isEqualTo("unknownFutureValue");
        assertThat(knowing.json().path("value").get(0).path("membershipType").asString()).isEqualTo("shared");
    }

    @Test
    void listsTheOwnersAndMembersOfAGroupAsTypedDirectoryObjects() {
        Group clinical = SmallClinic.group(simulator, "Clinical Recordings");

        Reply owners = graph.get("/groups/" + clinical.id + "/owners");
        Reply members = graph.get("/groups/" + clinical.id + "/members");

        assertThat(names(owners)).containsExactly("Ada Lovelace");
        Set<String> types = new TreeSet<>(members.json().path("value").valueStream()
                .map(m -> m.path("@odata.type").asString()).toList());
        assertThat(types).containsExactly("#microsoft.graph.user");
        assertThat(names(members)).containsExactlyInAnyOrder("Ada Lovelace", "Ben Okri");
    }

    @Test
    void pagesAGroupsOwnersAHundredAtATimeUnlessTopAsksForUpTo999() {
        // A tenant of its own: the shared one's user list is asserted whole by other tests.
        try (Simulator crowded = SmallClinic.start()) {
            GraphHttp reader = SmallClinic.reader(crowded);
            Group clinical = SmallClinic.group(crowded, "Clinical Recordings");
            crowded.tenant().write(() -> {
                for (int i = 0; i < 150; i++) {
                    String upn = "owner" + i + "@smallclinic.nhs.uk";
                    User owner = new User(UUID.nameUUIDFromBytes(upn.getBytes(StandardCharsets.UTF_8)).toString(), upn,
                            "Owner " + i, "Owner", String.valueOf(i), upn, null, null, "Member", true,
                            crowded.tenant().now(), null);
                    crowded.tenant().putUser(owner);
                    clinical.ownerIds.add(owner.id());
                }
            });
            String owners = "/groups/" + clinical.id + "/owners";

            List<Integer> pageSizes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Reply page = readPage(reader, owners, pageSizes, names);
            while (page.json().has("@odata.nextLink")) {
                page = readPage(reader, page.json().path("@odata.nextLink").asString(), pageSizes, names);
            }
            Reply largest = reader.get(owners + "?$top=999");
            Reply tooLarge = reader.get(owners + "?$top=1000");

            assertThat(pageSizes).containsExactly(100, 51);
            assertThat(names).hasSize(151).doesNotHaveDuplicates().contains("Ada Lovelace", "Owner 149");
            assertThat(largest.json().path("value").size()).isEqualTo(151);
            assertThat(largest.json().has("@odata.nextLink")).isFalse();
            assertThat(tooLarge.status()).isEqualTo(400);
            assertThat(tooLarge.json().path("error").path("code").asString()).isEqualTo("Request_UnsupportedQuery");
        }
    }

    private static Reply readPage(GraphHttp reader, String pathOrUrl, List<Integer> pageSizes, List<String> names) {
        Reply page = reader.get(pathOrUrl);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        pageSizes.add(page.json().path("value").size());
        names.addAll(names(page));
        return page;
    }
}
