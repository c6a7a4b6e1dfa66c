package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ward.simulator.mail.SentMessage;

/**
 * sendMail: Microsoft's request shapes (JSON and MIME), 202 with no body, Mail.Send as Exchange scopes it (RBAC for
 * Applications, Application Access Policies), Exchange's errors, and the sent mail tests read back.
 */
class MailTests {

    static Simulator simulator;
    static GraphHttp graph;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        graph = SmallClinic.fullControl(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void clear() {
        simulator.mailboxes().clear();
    }

    static String alert(String to) {
        return "{\"message\":{\"subject\":\"Ward: 1 new finding\",\"body\":{\"contentType\":\"HTML\",\"content\":\"<p>A recording"
                + " is shared with anyone.</p>\"},\"toRecipients\":[{\"emailAddress\":{\"address\":\"" + to + "\"}}],"
                + "\"internetMessageHeaders\":[{\"name\":\"x-ward-event-id\",\"value\":\"evt-1\"}]},\"saveToSentItems\":false}";
    }

    static String code(Reply reply) {
        return reply.json().path("error").path("code").asString();
    }

    @Test
    void sendsAndAnswers202WithNoBodyAndTheTestCanReadTheMessage() {
        Reply reply = graph.post("/users/" + SmallClinic.BEN + "/sendMail", alert("dpo@smallclinic.nhs.uk"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text()).isEmpty();
        assertThat(simulator.mailboxes().sentFrom(SmallClinic.BEN)).singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Ward: 1 new finding");
            assertThat(m.bodyContentType()).isEqualTo("HTML");
            assertThat(m.to()).containsExactly("dpo@smallclinic.nhs.uk");
            assertThat(m.headers()).containsEntry("x-ward-event-id", "evt-1");
            assertThat(m.savedToSentItems()).isFalse();
            assertThat(m.appId()).isEqualTo(SmallClinic.clientId(simulator, SmallClinic.FULL_CONTROL));
        });
    }

    @Test
    void sendsMimeGivenAsBase64PlainText() {
        String mime = "From: ben.okri@smallclinic.nhs.uk\r\nTo: Data Protection <dpo@smallclinic.nhs.uk>\r\n"
                + "Subject: Ward digest\r\nX-Ward-Event-Id: digest-1\r\nContent-Type: text/plain\r\n\r\nThree findings.\r\n";
        String body = Base64.getEncoder().encodeToString(mime.getBytes(StandardCharsets.UTF_8));

        Reply sent = mimePost(body);

        assertThat(sent.status()).isEqualTo(202);
        SentMessage message = simulator.mailboxes().sent().get(0);
        assertThat(message.subject()).isEqualTo("Ward digest");
        assertThat(message.to()).containsExactly("dpo@smallclinic.nhs.uk");
        assertThat(message.body()).isEqualTo("Three findings.");
    }

    static Reply mimePost(String base64) {
        return graph.exchange(HttpRequest.newBuilder(URI.create(simulator.info().graphBaseUrl() + "/users/" + SmallClinic.BEN
                + "/sendMail")).header("Authorization", "Bearer " + graph.token()).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(base64)).build());
    }

    @Test
    void refusesMimeThatIsNotBase64() {
        Reply reply = mimePost("this is not base64 %%%");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("ErrorMimeContentInvalidBase64String");
        assertThat(reply.json().path("error").path("message").asString()).isEqualTo("Invalid base64 string for MIME content.");
    }

    @Test
    void anUnknownUserIsInvalid() {
        Reply reply = graph.post("/users/nobody@smallclinic.nhs.uk/sendMail", alert("dpo@smallclinic.nhs.uk"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(code(reply)).isEqualTo("ErrorInvalidUser");
        assertThat(reply.json().path("error").path("message").asString())
                .isEqualTo("The requested user 'nobody@smallclinic.nhs.uk' is invalid.");
    }

    @Test
    void aUserWithoutAMailboxCannotSend() {
        Reply reply = graph.post("/users/cara.no-drive@smallclinic.nhs.uk/sendMail", alert("dpo@smallclinic.nhs.uk"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(code(reply)).isEqualTo("MailboxNotEnabledForRESTAPI");
    }

    @Test
    void aGuestHasNoMailboxInTheTenant() {
        String guest = SmallClinic.user(simulator, "dan@northvale.nhs.uk").id();

        assertThat(code(graph.post("/users/" + guest + "/sendMail", alert("dpo@smallclinic.nhs.uk"))))
                .isEqualTo("MailboxNotEnabledForRESTAPI");
    }

    @Test
    void anAppWithoutMailSendIsDenied() {
        Reply reply = SmallClinic.reader(simulator).post("/users/" + SmallClinic.BEN + "/sendMail", alert("dpo@smallclinic.nhs.uk"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(code(reply)).isEqualTo("ErrorAccessDenied");
        assertThat(reply.json().path("error").path("message").asString()).isEqualTo("Access is denied. Check credentials and try again.");
    }

    @Test
    void rbacForApplicationsLetsAnAppWithoutConsentSendFromItsScopedMailboxOnly() {
        GraphHttp scoped = SmallClinic.mailScoped(simulator);

        Reply fromBen = scoped.post("/users/" + SmallClinic.BEN + "/sendMail", alert("dpo@smallclinic.nhs.uk"));
        Reply fromAda = scoped.post("/users/" + SmallClinic.ADA + "/sendMail", alert("dpo@smallclinic.nhs.uk"));

        assertThat(fromBen.status()).isEqualTo(202);
        assertThat(fromAda.status()).isEqualTo(403);
        assertThat(code(fromAda)).isEqualTo("ErrorAccessDenied");
        assertThat(simulator.mailboxes().sent()).hasSize(1);
    }

    @Test
    void anApplicationAccessPolicyRestrictsConsentedMailSend() {
        GraphHttp restricted = SmallClinic.mailPolicy(simulator);

        Reply fromBen = restricted.post("/users/" + SmallClinic.BEN + "/sendMail", alert("dpo@smallclinic.nhs.uk"));
        Reply fromAda = restricted.post("/users/" + SmallClinic.ADA + "/sendMail", alert("dpo@smallclinic.nhs.uk"));

        assertThat(fromBen.status()).isEqualTo(202);
        assertThat(fromAda.status()).isEqualTo(403);
        assertThat(fromAda.json().path("error").path("message").asString())
                .isEqualTo("Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.");
    }

    @Test
    void unscopedMailSendConsentReachesEveryMailbox() {
        assertThat(graph.post("/users/" + SmallClinic.ADA + "/sendMail", alert("dpo@smallclinic.nhs.uk")).status()).isEqualTo(202);
    }

    @Test
    void aMessageWithoutRecipientsIsRefused() {
        Reply reply = graph.post("/users/" + SmallClinic.BEN + "/sendMail", "{\"message\":{\"subject\":\"x\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("ErrorInvalidRecipients");
        assertThat(reply.json().path("error").path("message").asString())
                .isEqualTo("At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
    }

    @Test
    void anAddressThatDoesNotResolveIsRefused() {
        Reply reply = graph.post("/users/" + SmallClinic.BEN + "/sendMail", alert("dpo"));

        assertThat(code(reply)).isEqualTo("ErrorInvalidRecipients");
        assertThat(simulator.mailboxes().sent()).isEmpty();
    }

    @Test
    void customHeadersMustStartWithX() {
        String body = alert("dpo@smallclinic.nhs.uk").replace("x-ward-event-id", "In-Reply-To");

        Reply reply = graph.post("/users/" + SmallClinic.BEN + "/sendMail", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("InvalidInternetMessageHeader");
        assertThat(reply.json().path("error").path("message").asString())
                .isEqualTo("The internet message header name 'In-Reply-To' should start with 'x-' or 'X-'.");
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        Reply reply = graph.post("/users/" + SmallClinic.BEN + "/sendMail", "{not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(code(reply)).isEqualTo("BadRequest");
    }

    @Test
    void theSentMailIsListedBesideGraphForPeopleRunningTheSimulator() {
        graph.post("/users/" + SmallClinic.BEN + "/sendMail", alert("dpo@smallclinic.nhs.uk"));

        Reply list = GraphHttp.anonymous(simulator).exchange(HttpRequest.newBuilder(
                URI.create(simulator.info().authority() + "/_simulator/sent-mail")).GET().build());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("value").get(0).path("from").asString()).isEqualTo(SmallClinic.BEN);
        assertThat(list.json().path("value").get(0).path("subject").asString()).isEqualTo("Ward: 1 new finding");
    }
}
