package org.ward.simulator.teamwork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ward.simulator.auth.Caller;
import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /users/{id}/teamwork/sendActivityNotification}: an activity feed notification in Microsoft Teams, 204 with
 * no body (learn.microsoft.com/graph/api/userteamwork-sendactivitynotification). Application permission
 * TeamsActivity.Send (TeamsActivity.Send.User is resource-specific consent, which the simulator does not model); the
 * recipient must have the Teams app whose manifest names the caller's Entra app installed (personally, or in a team or
 * chat they are in), else Teams refuses with 403 and the message apps see
 * (learn.microsoft.com/graph/teams-send-activityfeednotifications, "Requirements"). Activity types other than the
 * reserved {@code systemDefault} must be declared in the app manifest, which the simulator does not model: it accepts
 * {@code systemDefault} only, with its {@code systemDefaultText} template parameter. A {@code text} topic needs a
 * {@code webUrl} (resources/teamworkactivitytopic). A later notification with the same {@code chainId} replaces the
 * earlier one. This is also the Java API tests install the app and read the
 * notifications through.
 */
public final class ActivityFeed implements ResourceFamily {

    static final String PERMISSION = "TeamsActivity.Send";
    static final String SYSTEM_DEFAULT = "systemDefault";

    private final Tenant tenant;
    private final Map<String, Set<String>> installedFor = new ConcurrentHashMap<>();
    private final List<ActivityNotification> sent = new ArrayList<>();

    public ActivityFeed(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("POST", "/users/{userId}/teamwork/sendActivityNotification", RouteAccess.teams(PERMISSION),
                ChargeRule.fixed(Charge.FREE), this::send));
    }

    /** Installs the Teams app whose manifest's webApplicationInfo names this Entra app for the user (id or UPN). */
    public void install(String appClientId, String userIdOrUpn) {
        User user = tenant.read(() -> tenant.user(userIdOrUpn));
        if (user == null) {
            throw new IllegalArgumentException("The tenant has no user " + userIdOrUpn);
        }
        installedFor.computeIfAbsent(appClientId, k -> ConcurrentHashMap.newKeySet()).add(user.id());
    }

    /** Every notification accepted, oldest first. */
    public List<ActivityNotification> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    private GraphResponse send(GraphCall call) {
        Caller caller = call.caller();
        String requested = call.param("userId");
        User user = tenant.read(() -> tenant.user(requested));
        if (user == null) {
            throw new GraphException(404, "NotFound", "User '" + requested + "' was not found.");
        }
        ObjectNode body = call.jsonBody();
        String activityType = body.path("activityType").asString("");
        if (activityType.isBlank()) {
            throw GraphException.badRequest("The activityType parameter is required.");
        }
        if (!SYSTEM_DEFAULT.equals(activityType)) {
            throw GraphException.badRequest("Activity type '" + activityType + "' is not declared in the activities"
                    + " section of the Teams app's manifest.");
        }
        JsonNode topic = body.path("topic");
        String source = topic.path("source").asString("");
        String value = topic.path("value").asString("");
        String webUrl = topic.path("webUrl").asString(null);
        if (!source.equals("text") && !source.equals("entityUrl")) {
            throw GraphException.badRequest("Cannot convert the literal '" + source
                    + "' to the expected type 'microsoft.graph.teamworkActivityTopicSource'.");
        }
        if (value.isBlank()) {
            throw GraphException.badRequest("The topic's value is required.");
        }
        if (source.equals("text") && (webUrl == null || !webUrl.startsWith("https://"))) {
            throw GraphException.badRequest("A topic whose source is text needs a webUrl: the https link the user"
                    + " selects.");
        }
        if (source.equals("entityUrl") && !value.startsWith("https://graph.microsoft.com/")) {
            throw GraphException.badRequest("The topic's value must be a Microsoft Graph URL when its source is entityUrl.");
        }
        String preview = body.path("previewText").path("content").asString(null);
        if (preview == null) {
            throw GraphException.badRequest("The previewText parameter is required.");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (JsonNode parameter : body.path("templateParameters")) {
            parameters.put(parameter.path("name").asString(""), parameter.path("value").asString(""));
        }
        if (parameters.getOrDefault("systemDefaultText", "").isBlank()) {
            throw GraphException.badRequest("The systemDefault activity type needs the template parameter"
                    + " systemDefaultText: the free text of the notification's Actor+Reason line.");
        }
        Set<String> installed = installedFor.getOrDefault(caller.appId(), Set.of());
        if (!installed.contains(user.id())) {
            // The refusal apps get when the recipient lacks the app (quoted in Microsoft's Teams samples' issues).
            throw new GraphException(403, "Forbidden", "Application with AAD App Id '" + caller.appId() + "' is not"
                    + " authorized to generate custom text notifications about '" + value + "' to the recipient. Ensure"
                    + " that the expected Teams app is installed in the target scope (user, team, or chat).");
        }
        JsonNode chain = body.path("chainId");
        Long chainId = chain.isMissingNode() || chain.isNull() ? null : chain.asLong();
        synchronized (sent) {
            // The same chain id from the same app to the same person replaces the notification Teams shows.
            sent.removeIf(n -> chainId != null && chainId.equals(n.chainId()) && n.appId().equals(caller.appId())
                    && n.recipientId().equals(user.id()));
            sent.add(new ActivityNotification(tenant.now(), caller.appId(), user.id(), user.userPrincipalName(),
                    activityType, source, value, webUrl, preview, parameters, chainId, Json.text(body)));
        }
        return GraphResponse.noContent();
    }
}
