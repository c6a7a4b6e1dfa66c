package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.tenant.SharingPermission;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.JsonNode;

/** Changing sharing through Graph: createLink, invite, delete and update of permissions. */
class SharingMutationTests {

    static Simulator simulator;
    static GraphHttp graph;
    static Drive intranet;
    static int files;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        graph = SmallClinic.fullControl(simulator);
        intranet = SmallClinic.library(simulator, "Intranet");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** A new, unshared file at the root of the Intranet library, inheriting the site's permissions. */
    static String newFile() {
        Item item = simulator.changes().addFile(intranet.id, intranet.rootId, NewFile.named("file " + ++files + ".docx", "f" + files));
        return "/drives/" + intranet.id + "/items/" + item.id;
    }

    static List<String> permissionIds(String item) {
        return graph.get(item + "/permissions").json().path("value").valueStream().map(p -> p.path("id").asString()).toList();
    }

    @Test
    void answersTheExistingLinkOfTheSameTypeAndScopeWith200() {
        String item = newFile();
        Reply first = graph.post(item + "/createLink", "{\"type\":\"view\",\"scope\":\"organization\"}");

        Reply again = graph.post(item + "/createLink", "{\"type\":\"view\",\"scope\":\"organization\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
    }

    @Test
    void makesANewLinkWith201ForAnotherTypeOrScope() {
        String item = newFile();
        Reply view = graph.post(item + "/createLink", "{\"type\":\"view\",\"scope\":\"organization\"}");

        Reply edit = graph.post(item + "/createLink", "{\"type\":\"edit\",\"scope\":\"organization\"}");
        Reply anyone = graph.post(item + "/createLink", "{\"type\":\"view\",\"scope\":\"anonymous\"}");

        assertThat(List.of(edit.status(), anyone.status())).containsExactly(201, 201);
        assertThat(List.of(view, edit, anyone)).extracting(r -> r.json().path("id").asString()).doesNotHaveDuplicates();
        assertThat(anyone.json().path("link").path("scope").asString()).isEqualTo("anonymous");
        assertThat(edit.json().path("roles").get(0).asString()).isEqualTo("write");
    }

    @Test
    void refusesToShareForAnAppThatMayOnlyRead() {
        Reply reply = SmallClinic.reader(simulator).post(newFile() + "/createLink", "{\"type\":\"view\",\"scope\":\"organization\"}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("accessDenied");
    }

    @Test
    void invitesAnOutsideAddressAsAGuestWhoseUpnCarriesExt() {
        Reply reply = graph.post(newFile() + "/invite", "{\"recipients\":[{\"email\":\"zoe@partner.example\"}],"
                + "\"roles\":[\"read\"],\"requireSignIn\":true,\"sendInvitation\":false}");

        JsonNode grant = reply.json().path("value").get(0);
        String guestId = grant.path("grantedToV2").path("user").path("id").asString();
        JsonNode guest = graph.get("/users/" + guestId + "?$select=userType,userPrincipalName,mail").json();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(grant.path("invitation").path("email").asString()).isEqualTo("zoe@partner.example");
        assertThat(guest.path("userType").asString()).isEqualTo("Guest");
        assertThat(guest.path("userPrincipalName").asString()).isEqualTo("zoe_partner.example#EXT#@smallclinic.onmicrosoft.com");
        // A B2B UPN is addressed with its '#' encoded, as Graph requires.
        assertThat(graph.get("/users/zoe_partner.example%23EXT%23@smallclinic.onmicrosoft.com").json().path("id").asString())
                .isEqualTo(guestId);
    }

    @Test
    void invitesAMemberWithoutMakingAnyone() {
        int before = simulator.tenant().read(() -> simulator.tenant().users().size());

        Reply reply = graph.post(newFile() + "/invite", "{\"recipients\":[{\"email\":\"" + SmallClinic.BEN + "\"}],"
                + "\"roles\":[\"write\"]}");

        assertThat(reply.json().path("value").get(0).path("grantedToV2").path("user").path("id").asString())
                .isEqualTo(SmallClinic.user(simulator, SmallClinic.BEN).id());
        assertThat(simulator.tenant().read(() -> simulator.tenant().users().size())).isEqualTo(before);
    }

    @Test
    void deletesAPermissionSetOnTheItem() {
        String item = newFile();
        String link = graph.post(item + "/createLink", "{\"type\":\"view\",\"scope\":\"organization\"}").json().path("id").asString();

        Reply reply = graph.delete(item + "/permissions/" + link);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(permissionIds(item)).doesNotContain(link);
    }

    @Test
    void refusesToDeleteAnInheritedPermission() {
        String item = newFile();
        JsonNode inherited = graph.get(item + "/permissions").json().path("value").get(0);

        Reply reply = graph.delete(item + "/permissions/" + inherited.path("id").asString());

        assertThat(inherited.has("inheritedFrom")).isTrue();
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("invalidRequest");
        assertThat(permissionIds(item)).contains(inherited.path("id").asString());
    }

    @Test
    void updatesTheRolesOfAGrant() {
        String item = newFile();
        String grant = graph.post(item + "/invite", "{\"recipients\":[{\"email\":\"" + SmallClinic.BEN + "\"}],"
                + "\"roles\":[\"read\"]}").json().path("value").get(0).path("id").asString();

        Reply reply = graph.patch(item + "/permissions/" + grant, "{\"roles\":[\"write\"]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(graph.get(item + "/permissions/" + grant).json().path("roles").get(0).asString()).isEqualTo("write");
    }

    @Test
    void refusesAnUpdateOfAnythingButRoles() {
        String item = newFile();
        SharingPermission link = simulator.changes().createLink(intranet.id, item.substring(item.lastIndexOf('/') + 1),
                "view", "anonymous", null, false, List.of());

        Reply reply = graph.patch(item + "/permissions/" + link.id(), "{\"expirationDateTime\":\"2030-01-01T00:00:00Z\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("invalidRequest");
        assertThat(graph.get(item + "/permissions/" + link.id()).json().has("expirationDateTime")).isFalse();
    }

    @Test
    void listsAnInvitedGuestAsAGuestUser() {
        graph.post(newFile() + "/invite", "{\"recipients\":[{\"email\":\"yan@partner.example\"}],\"roles\":[\"read\"]}");

        User guest = SmallClinic.user(simulator, "yan@partner.example");

        assertThat(guest.guest()).isTrue();
        assertThat(guest.userPrincipalName()).endsWith("#EXT#@smallclinic.onmicrosoft.com");
    }
}
