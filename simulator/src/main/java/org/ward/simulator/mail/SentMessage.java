package org.ward.simulator.mail;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message an app sent through {@code sendMail}, as the simulator keeps it for tests to read.
 *
 * @param id an id for the message
 * @param sentAt when it was accepted (the tenant's clock)
 * @param appId the app that sent it
 * @param senderId the mailbox's user id
 * @param sender the mailbox's address (its user principal name)
 * @param subject the subject, or null
 * @param bodyContentType Text or HTML
 * @param body the body's content
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param bcc the Bcc addresses
 * @param headers the custom internet message headers (names starting x-), in order
 * @param attachments names of file attachments
 * @param savedToSentItems whether a copy went to the sender's Sent Items
 * @param mime the raw MIME when the app sent MIME, else null
 * @param message the {@code message} object exactly as the app sent it (null for MIME)
 */
public record SentMessage(String id, Instant sentAt, String appId, String senderId, String sender, String subject,
        String bodyContentType, String body, List<String> to, List<String> cc, List<String> bcc,
        Map<String, String> headers, List<String> attachments, boolean savedToSentItems, String mime, String message) {

    /** Every recipient, To, Cc and Bcc. */
    public List<String> recipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).toList();
    }
}
