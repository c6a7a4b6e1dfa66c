package org.ward.simulator.subscriptions;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
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
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Budget;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /subscriptions}: create (validation handshake before it answers), get, list, renew, delete and reauthorize
 * change-notification subscriptions on drive roots, with Graph's rules for resources, change types, lifetimes, client
 * state and notification URLs, and its errors. Sources: subscription-post-subscriptions.md, resources/subscription.md,
 * change-notifications-delivery-webhooks.md, subscription-reauthorize.md, throttling-limits.md; see
 * docs/simulator-fidelity.md for what is assumed where Microsoft shows no error body.
 */
public final class Subscriptions implements ResourceFamily {

    /** OneDrive for Business and SharePoint: subscriptions on a drive root need this application permission. */
    static final String DRIVE_PERMISSION = "Files.ReadWrite.All";
    /** Maximum lifetime of a driveItem subscription: 42,300 minutes (under 30 days). */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(42_300);
    /** Any expiry under 45 minutes after the request is set to 45 minutes after it. */
    static final Duration MIN_LIFETIME = Duration.ofMinutes(45);
    static final int MAX_CLIENT_STATE = 128;
    static final String WRITES = "subscriptionWrites";
    static final String READS = "subscriptionReads";
    static final String LISTS = "subscriptionLists";
    static final String REAUTHORIZE = "subscriptionReauthorize";
    private static final Pattern DRIVE_ROOT = Pattern.compile("^/?drives/([^/]+)/root/?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER_DRIVE_ROOT = Pattern.compile("^/?users/([^/]+)/drive/root/?$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TLS_VERSIONS = Set.of("v1_0", "v1_1", "v1_2", "v1_3");
    private static final Set<String> UPDATABLE = Set.of("expirationDateTime", "notificationUrl", "@odata.type");

    private final ChangeNotifications notifications;
    private final Tenant tenant;

    public Subscriptions(ChangeNotifications notifications) {
        this.notifications = notifications;
        this.tenant = notifications.tenant();
    }

    /**
     * The subscription API's limits per app and tenant (Microsoft's throttling-limits table): create, update and
     * delete 500 per 20 s; get 500 per 20 s; list 25 per 20 s; reauthorize 1,000 per 20 s.
     */
    public static Map<String, Budget> budgets() {
        Duration window = Duration.ofSeconds(20);
        return Map.of(WRITES, new Budget(500, window, true), READS, new Budget(500, window, true),
                LISTS, new Budget(25, window, true), REAUTHORIZE, new Budget(1_000, window, true));
    }

    @Override
    public void register(Routes routes) {
        RouteAccess access = RouteAccess.checkedByOperation();
        routes.add(Route.of("POST", "/subscriptions", access, ChargeRule.fixed(new Charge(WRITES, 1)), this::create)
                .returns("subscription"));
        routes.add(Route.of("GET", "/subscriptions", access, ChargeRule.fixed(new Charge(LISTS, 1)), this::list)
                .returnsCollection("subscription", null));
        routes.add(Route.of("GET", "/subscriptions/{subscriptionId}", access, ChargeRule.fixed(new Charge(READS, 1)), this::get)
                .returns("subscription"));
        routes.add(Route.of("PATCH", "/subscriptions/{subscriptionId}", access, ChargeRule.fixed(new Charge(WRITES, 1)),
                this::update).returns("subscription"));
        routes.add(Route.of("DELETE", "/subscriptions/{subscriptionId}", access, ChargeRule.fixed(new Charge(WRITES, 1)),
                this::delete));
        routes.add(Route.of("POST", "/subscriptions/{subscriptionId}/reauthorize", access,
                ChargeRule.fixed(new Charge(REAUTHORIZE, 1)), this::reauthorize));
    }

    // ---- create ----

    private GraphResponse create(GraphCall call) {
        ObjectNode body = call.jsonBody();
        String resource = required(body, "resource");
        String changeType = required(body, "changeType");
        String notificationUrl = required(body, "notificationUrl");
        String expiry = required(body, "expirationDateTime");
        String driveId = driveOf(resource);
        permitted(call.caller(), "Create");
        if (!changeType.equals("updated")) {
            // Drive root notifications support only "updated" (resources/subscription.md, changeType).
            String unsupported = List.of(changeType.split(",")).stream().map(String::trim).filter(t -> !t.equals("updated"))
                    .findFirst().orElse(changeType);
            throw new GraphException(400, "InvalidRequest", "Invalid 'changeType' attribute: '" + unsupported + "'.");
        }
        if (body.path("includeResourceData").asBoolean(false)) {
            throw new GraphException(400, "InvalidRequest", "File Services workload is not enabled for rich notifications.");
        }
        String clientState = text(body, "clientState");
        if (clientState != null && clientState.length() > MAX_CLIENT_STATE) {
            throw new GraphException(400, "InvalidRequest", "The clientState exceeds the maximum length of "
                    + MAX_CLIENT_STATE + " characters.");
        }
        String lifecycleUrl = text(body, "lifecycleNotificationUrl");
        checkUrl("notificationUrl", notificationUrl);
        if (lifecycleUrl != null) {
            checkUrl("lifecycleNotificationUrl", lifecycleUrl);
        }
        String tls = text(body, "latestSupportedTlsVersion");
        if (tls != null && !TLS_VERSIONS.contains(tls)) {
            throw new GraphException(400, "InvalidRequest", "Invalid 'latestSupportedTlsVersion' attribute: '" + tls
                    + "'. Allowed values are v1_0, v1_1, v1_2 and v1_3.");
        }
        Instant expiration = expiration(expiry);
        validate(notificationUrl);
        if (lifecycleUrl != null && !lifecycleUrl.equals(notificationUrl)) {
            validate(lifecycleUrl);
        }
        AppRegistration app = tenant.read(() -> tenant.app(call.caller().appId()));
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), call.caller().appId(),
                app == null ? null : app.servicePrincipalId(), resource, driveId, changeType, clientState, notificationUrl,
                lifecycleUrl, tls == null ? "v1_2" : tls,
                call.request().preferences().contains("includesecuritywebhooks"), expiration);
        notifications.add(subscription);
        return GraphResponse.created(render(call, subscription, true));
    }

    /** The drive a resource names: only a drive's root folder, by drive or by its user, can be watched. */
    private String driveOf(String resource) {
        Matcher drive = DRIVE_ROOT.matcher(resource);
        Matcher user = USER_DRIVE_ROOT.matcher(resource);
        return tenant.read(() -> {
            if (drive.matches()) {
                if (tenant.drive(drive.group(1)) == null) {
                    throw GraphException.itemNotFound("The resource could not be found.");
                }
                return drive.group(1);
            }
            if (user.matches()) {
                User owner = tenant.user(user.group(1));
                if (owner == null) {
                    throw GraphException.directoryNotFound(user.group(1));
                }
                if (owner.driveId() == null) {
                    throw new GraphException(404, "ResourceNotFound", "User's mysite not found.");
                }
                return owner.driveId();
            }
            // OneDrive for Business subscribes to the root folder only, never a subfolder or a file
            // (a real answer quoted in OneDrive/onedrive-api-docs#1074 and #687).
            throw new GraphException(400, "InvalidRequest", "resource '" + resource + "' is not supported.");
        });
    }

    private static void permitted(Caller caller, String operation) {
        if (!caller.roles().contains(DRIVE_PERMISSION)) {
            // Graph's subscription service reports a refusal from the resource's workload as an ExtensionError
            // (OneDrive/onedrive-api-docs#1398).
            throw new GraphException(403, "ExtensionError", "Operation: " + operation
                    + "; Exception: [Status Code: Forbidden; Reason: Access denied]");
        }
    }

    /** Graph accepts https URLs only; the simulator also takes http on loopback when a test switched that on. */
    private void checkUrl(String property, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new GraphException(400, "InvalidRequest", "Invalid '" + property + "': '" + url + "' is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new GraphException(400, "InvalidRequest", "Invalid '" + property + "': '" + url + "' is not a URL.");
        }
        if (scheme.equals("http") && !(notifications.settings().allowHttpOnLoopback() && loopback(uri.getHost()))) {
            throw new GraphException(400, "InvalidRequest", "Invalid '" + property + "': '" + url
                    + "'. The notification URL must use https.");
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private Instant expiration(String value) {
        Instant requested;
        try {
            requested = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw GraphException.badRequest("Cannot convert the literal '" + value + "' to the expected type 'Edm.DateTimeOffset'.");
        }
        Instant now = tenant.now();
        if (requested.isAfter(now.plus(MAX_LIFETIME))) {
            // The message Graph answers with for a lifetime beyond the resource's maximum, quoted by many clients
            // (with 4230 or 10070 for other resources).
            throw new GraphException(400, "ExtensionError", "Subscription expiration can only be "
                    + MAX_LIFETIME.toMinutes() + " minutes in the future.");
        }
        Instant floor = now.plus(MIN_LIFETIME);
        return requested.isBefore(floor) ? floor : requested;
    }

    private void validate(String url) {
        switch (notifications.notifier().validate(url)) {
            case VALIDATED -> {
            }
            case NOT_200 -> throw new GraphException(400, "ValidationError", "Subscription validation request failed."
                    + " Notification endpoint must respond with 200 OK to validation request.");
            case NOT_ECHOED -> throw new GraphException(400, "ValidationError", "Subscription validation request failed."
                    + " Response must exactly match validationToken query parameter.");
            case TIMED_OUT -> throw new GraphException(400, "InvalidRequest", "Subscription validation request timed out.");
        }
    }

    // ---- read, renew, delete, reauthorize ----

    private GraphResponse list(GraphCall call) {
        ObjectNode page = Json.object();
        page.put("@odata.context", call.request().serviceRoot() + "/$metadata#subscriptions");
        ArrayNode value = page.putArray("value");
        for (Subscription s : notifications.ofApp(call.caller().appId())) {
            value.add(render(call, s, false));
        }
        return GraphResponse.ok(page);
    }

    private Subscription mine(GraphCall call, String operation) {
        Subscription s = notifications.find(call.param("subscriptionId"), call.caller().appId());
        if (s == null) {
            throw new GraphException(404, "ResourceNotFound", "The object was not found.");
        }
        permitted(call.caller(), operation);
        return s;
    }

    private GraphResponse get(GraphCall call) {
        return GraphResponse.ok(render(call, mine(call, "Get"), true));
    }

    /** Renews (a new expiry) and/or moves the notification URL; either reauthorizes the subscription. */
    private GraphResponse update(GraphCall call) {
        ObjectNode body = call.jsonBody();
        Subscription s = mine(call, "Update");
        if (body.has("lifecycleNotificationUrl")) {
            // change-notifications-lifecycle-events.md: the lifecycle URL cannot be added or changed by an update.
            throw new GraphException(400, "InvalidRequest", "The 'lifecycleNotificationUrl' property can't be updated."
                    + " Delete the subscription and create it again with a lifecycleNotificationUrl.");
        }
        for (String name : body.propertyNames()) {
            if (!UPDATABLE.contains(name)) {
                throw new GraphException(400, "InvalidRequest", "The '" + name + "' property of a subscription can't be"
                        + " updated; only expirationDateTime and notificationUrl can.");
            }
        }
        String url = text(body, "notificationUrl");
        Instant expiration = body.has("expirationDateTime") ? expiration(required(body, "expirationDateTime")) : null;
        if (url != null && !url.equals(s.notificationUrl)) {
            checkUrl("notificationUrl", url);
            validate(url);
            s.notificationUrl = url;
        }
        if (expiration != null) {
            s.expiration = expiration;
        }
        notifications.reauthorized(s);
        return GraphResponse.ok(render(call, s, true));
    }

    private GraphResponse delete(GraphCall call) {
        notifications.remove(mine(call, "Delete").id);
        return GraphResponse.noContent();
    }

    private GraphResponse reauthorize(GraphCall call) {
        notifications.reauthorized(mine(call, "Reauthorize"));
        return GraphResponse.noContent();
    }

    // ---- shapes ----

    /** The subscription as subscription-post-subscriptions.md's example answers it. */
    private ObjectNode render(GraphCall call, Subscription s, boolean entity) {
        ObjectNode node = Json.object();
        if (entity) {
            node.put("@odata.context", call.request().serviceRoot() + "/$metadata#subscriptions/$entity");
        }
        node.put("id", s.id);
        node.put("resource", s.resource);
        node.put("applicationId", s.applicationId);
        node.put("changeType", s.changeType);
        node.put("clientState", s.clientState);
        node.put("notificationUrl", s.notificationUrl);
        node.putNull("notificationQueryOptions");
        node.put("lifecycleNotificationUrl", s.lifecycleNotificationUrl);
        node.put("expirationDateTime", Json.date(s.expiration));
        node.put("creatorId", s.creatorId);
        node.put("includeResourceData", false);
        node.put("latestSupportedTlsVersion", s.latestSupportedTlsVersion);
        node.putNull("encryptionCertificate");
        node.putNull("encryptionCertificateId");
        node.putNull("notificationUrlAppId");
        return node;
    }

    private static String text(JsonNode body, String property) {
        JsonNode value = body.get(property);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String required(JsonNode body, String property) {
        String value = text(body, property);
        if (value == null || value.isBlank()) {
            throw new GraphException(400, "InvalidRequest", "The '" + property + "' property is required.");
        }
        return value;
    }
}
