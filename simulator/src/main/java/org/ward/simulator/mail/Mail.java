package org.ward.simulator.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ward.simulator.auth.Caller;
import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.tenant.ExchangeAccess;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /users/{id}/sendMail}: a message as JSON or as base64 MIME, 202 with no body, the application permission
 * Mail.Send as Exchange Online scopes it (RBAC for Applications adds mailboxes; a legacy Application Access Policy
 * restricts them), and Exchange's errors (user-sendmail.md; resources/message.md; application-rbac and
 * new-applicationaccesspolicy for the scoping).
 */
public final class Mail implements ResourceFamily {

    static final String MAIL_SEND = "Mail.Send";
    static final int MAX_CUSTOM_HEADERS = 5;
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Tenant tenant;
    private final Mailboxes mailboxes;

    public Mail(Tenant tenant, Mailboxes mailboxes) {
        this.tenant = tenant;
        this.mailboxes = mailboxes;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("POST", "/users/{userId}/sendMail", RouteAccess.checkedByOperation(), ChargeRule.fixed(Charge.FREE),
                this::sendMail));
    }

    private static GraphException accessDenied() {
        return new GraphException(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }

    private GraphResponse sendMail(GraphCall call) {
        Caller caller = call.caller();
        AppRegistration app = tenant.read(() -> tenant.app(caller.appId()));
        ExchangeAccess exchange = app == null ? ExchangeAccess.NONE : app.exchange();
        boolean consented = caller.roles().contains(MAIL_SEND);
        if (!consented && exchange.mailSendScope() == null) {
            throw accessDenied();
        }
        String requested = call.param("userId");
        User user = tenant.read(() -> tenant.user(requested));
        if (user == null) {
            throw new GraphException(404, "ErrorInvalidUser", "The requested user '" + requested + "' is invalid.");
        }
        if (!tenant.read(() -> tenant.hasMailbox(user))) {
            throw new GraphException(404, "MailboxNotEnabledForRESTAPI",
                    "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
        }
        boolean scoped = exchange.mailSendScope() != null && exchange.mailSendScope().contains(user.id());
        boolean byConsent = consented && (exchange.accessPolicyScope() == null || exchange.accessPolicyScope().contains(user.id()));
        if (!scoped && !byConsent) {
            if (consented) {
                // The answer apps restricted by an Application Access Policy get for any other mailbox.
                throw new GraphException(403, "ErrorAccessDenied",
                        "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.");
            }
            throw accessDenied();
        }
        if (!mailboxes.begin(caller.appId(), user.id())) {
            throw new GraphException(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.")
                    .header("Retry-After", "1");
        }
        try {
            String contentType = call.request().header("Content-Type");
            SentMessage message = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/plain")
                    ? fromMime(call, user) : fromJson(call, user);
            mailboxes.add(message);
        } finally {
            mailboxes.end(caller.appId(), user.id());
        }
        return GraphResponse.accepted();
    }

    private SentMessage fromJson(GraphCall call, User sender) {
        ObjectNode body = call.jsonBody();
        JsonNode message = parameter(body, "message");
        if (message == null || !message.isObject()) {
            throw GraphException.badRequest("The 'message' parameter is required: the message to send.");
        }
        List<String> to = recipients(message.path("toRecipients"));
        List<String> cc = recipients(message.path("ccRecipients"));
        List<String> bcc = recipients(message.path("bccRecipients"));
        noRecipients(to, cc, bcc);
        String bodyType = message.path("body").path("contentType").asString("Text");
        if (!bodyType.equalsIgnoreCase("text") && !bodyType.equalsIgnoreCase("html")) {
            throw GraphException.badRequest("Cannot convert the literal '" + bodyType
                    + "' to the expected type 'microsoft.graph.bodyType'.");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (JsonNode header : message.path("internetMessageHeaders")) {
            String name = header.path("name").asString("");
            if (!name.regionMatches(true, 0, "x-", 0, 2)) {
                // Graph accepts custom headers only (resources/message.md: "name them starting with x-").
                throw new GraphException(400, "InvalidInternetMessageHeader", "The internet message header name '" + name
                        + "' should start with 'x-' or 'X-'.");
            }
            headers.put(name, header.path("value").asString(""));
        }
        if (headers.size() > MAX_CUSTOM_HEADERS) {
            throw new GraphException(400, "InvalidInternetMessageHeaderCollection",
                    "Maximum number of headers in one message should be less than or equal to " + MAX_CUSTOM_HEADERS + ".");
        }
        List<String> attachments = new ArrayList<>();
        for (JsonNode attachment : message.path("attachments")) {
            String bytes = attachment.path("contentBytes").asString(null);
            if (bytes != null) {
                try {
                    Base64.getDecoder().decode(bytes);
                } catch (IllegalArgumentException e) {
                    throw GraphException.badRequest("The attachment '" + attachment.path("name").asString("")
                            + "' has contentBytes that are not base64.");
                }
            }
            attachments.add(attachment.path("name").asString(""));
        }
        JsonNode saveParameter = parameter(body, "saveToSentItems");
        boolean save = saveParameter == null || saveParameter.asBoolean(true);
        return new SentMessage(UUID.randomUUID().toString(), tenant.now(), call.caller().appId(), sender.id(),
                sender.userPrincipalName(), message.path("subject").asString(null),
                bodyType.equalsIgnoreCase("html") ? "HTML" : "Text", message.path("body").path("content").asString(""),
                to, cc, bcc, headers, attachments, save, null, Json.text(message));
    }

    /**
     * An action parameter by name, ignoring case: Graph matches them so, and the Java SDK (microsoft-graph v6) sends
     * sendMail's as "Message" and "SaveToSentItems" (SendMailPostRequestBody), the form user-sendmail.md's Java sample
     * produces.
     */
    private static JsonNode parameter(ObjectNode body, String name) {
        for (var entry : body.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A MIME message, base64 in a text/plain body (user-sendmail.md, "send mail in MIME format"). */
    private SentMessage fromMime(GraphCall call, User sender) {
        String mime;
        try {
            String encoded = new String(call.request().body(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
            mime = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GraphException(400, "ErrorMimeContentInvalidBase64String", "Invalid base64 string for MIME content.");
        }
        int split = mime.indexOf("\r\n\r\n") >= 0 ? mime.indexOf("\r\n\r\n") : mime.indexOf("\n\n");
        String head = split < 0 ? mime : mime.substring(0, split);
        String body = split < 0 ? "" : mime.substring(split).strip();
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : head.split("\r?\n")) {
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                fields.merge(last, " " + line.strip(), String::concat);
            } else if (line.contains(":")) {
                last = line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT);
                fields.put(last, line.substring(line.indexOf(':') + 1).strip());
            }
        }
        List<String> to = mimeAddresses(fields.get("to"));
        List<String> cc = mimeAddresses(fields.get("cc"));
        List<String> bcc = mimeAddresses(fields.get("bcc"));
        noRecipients(to, cc, bcc);
        Map<String, String> custom = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith("x-")) {
                custom.put(name, value);
            }
        });
        String type = fields.getOrDefault("content-type", "text/plain").toLowerCase(Locale.ROOT).startsWith("text/html")
                ? "HTML" : "Text";
        return new SentMessage(UUID.randomUUID().toString(), tenant.now(), call.caller().appId(), sender.id(),
                sender.userPrincipalName(), fields.get("subject"), type, body, to, cc, bcc, custom, List.of(), true, mime,
                null);
    }

    private static List<String> recipients(JsonNode list) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode recipient : list) {
            addresses.add(resolved(recipient.path("emailAddress").path("address").asString("")));
        }
        return addresses;
    }

    private static List<String> mimeAddresses(String header) {
        List<String> addresses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return addresses;
        }
        for (String part : header.split(",")) {
            String address = part.contains("<") && part.contains(">")
                    ? part.substring(part.indexOf('<') + 1, part.indexOf('>')) : part;
            addresses.add(resolved(address.strip()));
        }
        return addresses;
    }

    /** Exchange resolves every recipient before it accepts a message (the answer quoted in Graph's samples' issues). */
    private static String resolved(String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw new GraphException(400, "ErrorInvalidRecipients", "At least one recipient isn't valid., Recipient \""
                    + address + "\" isn't resolved. All recipients must be resolved before a message can be submitted.");
        }
        return address;
    }

    private static void noRecipients(List<String> to, List<String> cc, List<String> bcc) {
        if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
            throw new GraphException(400, "ErrorInvalidRecipients",
                    "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
        }
    }
}
