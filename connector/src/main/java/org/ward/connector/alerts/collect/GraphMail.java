package org.ward.connector.alerts.collect;

import java.util.List;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphErrors;

import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.InternetMessageHeader;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;

/**
 * {@code POST /users/{mailbox}/sendMail} through the SDK and the one resilience layer (application permission
 * Mail.Send, scoped to the sending mailbox by Exchange's RBAC for Applications). Graph answers 202 with no body: the
 * message is accepted, not yet delivered, and a retried POST may send twice, so every message carries the alert's
 * event id in an {@code x-ward-event-id} header for the recipient's rules to deduplicate by
 * (learn.microsoft.com/graph/api/user-sendmail). Failures arrive as Ward's GraphAccessException with Graph's code.
 */
@Component
public class GraphMail {

    /** The custom header (Graph takes only names starting with x-) carrying the event id. */
    public static final String EVENT_HEADER = "x-ward-event-id";

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public GraphMail(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /**
     * Sends one HTML message from the mailbox.
     *
     * @param mailbox the sender's user principal name
     * @param to the recipients' addresses
     * @param subject the subject
     * @param html the HTML body
     * @param eventId the alert's event id, sent as {@value #EVENT_HEADER}
     */
    public void send(String mailbox, List<String> to, String subject, String html, String eventId) {
        Message message = new Message();
        message.setSubject(subject);
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent(html);
        message.setBody(body);
        message.setToRecipients(to.stream().map(GraphMail::recipient).toList());
        InternetMessageHeader header = new InternetMessageHeader();
        header.setName(EVENT_HEADER);
        header.setValue(eventId);
        message.setInternetMessageHeaders(List.of(header));
        SendMailPostRequestBody request = new SendMailPostRequestBody();
        request.setMessage(message);
        request.setSaveToSentItems(true);
        errors.call(() -> {
            graph.users().byUserId(mailbox).sendMail().post(request);
            return null;
        });
    }

    private static Recipient recipient(String address) {
        EmailAddress email = new EmailAddress();
        email.setAddress(address);
        Recipient recipient = new Recipient();
        recipient.setEmailAddress(email);
        return recipient;
    }
}
