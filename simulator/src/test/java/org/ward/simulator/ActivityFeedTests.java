package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * sendActivityNotification: Microsoft's request shape, 204 with no body, TeamsActivity.Send, the Teams app installed for
 * the recipient, Teams' refusals, and the notifications tests read back.
 */
class ActivityFeedTests {

    static Simulator simulator;
    static GraphHttp graph;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        graph = SmallClinic.fullControl(simulator);
        simulator.activityFeed().install(SmallClinic.clientId(simulator, SmallClinic.FULL_CONTROL), SmallClinic.BEN);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static String notice(String text, String webUrl) {
        return "{\"topic\":{\"source\":\"text\",\"value\":\"Ward owner notice\""
                + (webUrl == null ? "" : ",\"webUrl\":\"" + webUrl + "\"") + "},\"activityType\":\"systemDefault\","
                + "\"previewText\":{\"content\":\"2 open findings\"},\"templateParameters\":[{\"name\":\"systemDefaultText\","
                + "\"value\":\"" + text + "\"}]}";
    }

    static String path(String user) {
        return "/users/" + user + "/teamwork/sendActivityNotification";
    }

    @Test
    void notifiesAUserWhoHasTheAppAndAnswers204() {
        Reply reply = graph.post(path(SmallClinic.BEN), notice("Ward: 2 open findings", "https://ward.example/owners"));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.text()).isEmpty();
        assertThat(simulator.activityFeed().sent()).anySatisfy(n -> {
            assertThat(n.recipientUpn()).isEqualTo(SmallClinic.BEN);
            assertThat(n.templateParameters()).containsEntry("systemDefaultText", "Ward: 2 open findings");
            assertThat(n.webUrl()).isEqualTo("https://ward.example/owners");
            assertThat(n.previewText()).isEqualTo("2 open findings");
        });
    }

    @Test
    void aNotificationWithTheSameChainIdReplacesTheEarlierOne() {
        String chained = notice("Ward: chained", "https://ward.example/owners").replace("{\"topic\"",
                "{\"chainId\":42,\"topic\"");
        graph.post(path(SmallClinic.BEN), chained);
        Reply again = graph.post(path(SmallClinic.BEN), chained.replace("Ward: chained", "Ward: chained again"));

        assertThat(again.status()).isEqualTo(204);
        assertThat(simulator.activityFeed().sent()).filteredOn(n -> Long.valueOf(42).equals(n.chainId())).singleElement()
                .satisfies(n -> assertThat(n.templateParameters()).containsEntry("systemDefaultText", "Ward: chained again"));
    }

    @Test
    void refusesARecipientWithoutTheTeamsApp() {
        Reply reply = graph.post(path(SmallClinic.ADA), notice("Ward: 1 open finding", "https://ward.example/owners"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("Forbidden");
        assertThat(reply.json().path("error").path("message").asString())
                .contains("Ensure that the expected Teams app is installed in the target scope");
    }

    @Test
    void refusesAnAppWithoutTeamsActivitySend() {
        Reply reply = SmallClinic.reader(simulator).post(path(SmallClinic.BEN), notice("x", "https://ward.example/owners"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("message").asString()).contains("TeamsActivity.Send");
    }

    @Test
    void refusesATextTopicWithoutItsLinkAndAnUndeclaredActivityType() {
        assertThat(graph.post(path(SmallClinic.BEN), notice("x", null)).status()).isEqualTo(400);
        assertThat(graph.post(path(SmallClinic.BEN), notice("x", "https://ward.example").replace("systemDefault\"",
                "ownerNotice\"")).status()).isEqualTo(400);
        assertThat(graph.post(path(SmallClinic.BEN), notice("", "https://ward.example")).status()).isEqualTo(400);
    }

    @Test
    void answers404ForAUserWhoDoesNotExist() {
        assertThat(graph.post(path("nobody@smallclinic.nhs.uk"), notice("x", "https://ward.example")).status())
                .isEqualTo(404);
    }
}
