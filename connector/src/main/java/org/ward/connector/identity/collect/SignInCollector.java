package org.ward.connector.identity.collect;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.identity.IdentityPacer;
import org.ward.connector.identity.IdentitySettings;
import org.ward.rules.identity.SignInEvent;

import com.microsoft.graph.models.SignIn;
import com.microsoft.graph.models.SignInCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.serialization.UntypedNode;

/**
 * Streams the sign-in log between two times, newest first, a page at a time (identity reports lane: 5 requests per
 * 10 s), handing each sign-in on as it is read so nothing accumulates. The v1.0 log lacks
 * {@code authenticationRequirement}; when a check needs it the log is read from beta instead, with the same v1.0
 * models (the beta-only fields arrive in additionalData).
 */
@Component
public class SignInCollector {

    private static final DateTimeFormatter FILTER_TIME = DateTimeFormatter.ISO_INSTANT;
    /** Only what the detectors read (Microsoft: use $select on sign-ins); beta adds authenticationRequirement. */
    private static final String[] FIELDS = {"id", "createdDateTime", "userId", "userPrincipalName", "userDisplayName",
        "appDisplayName", "ipAddress", "location", "clientAppUsed", "status", "isInteractive"};

    private final GraphServiceClient graph;
    private final GraphErrors errors;
    private final IdentityPacer pacer;
    private final GraphSettings settings;
    private final IdentitySettings identity;

    public SignInCollector(GraphServiceClient graph, GraphErrors errors, IdentityPacer pacer, GraphSettings settings,
            IdentitySettings identity) {
        this.graph = graph;
        this.errors = errors;
        this.pacer = pacer;
        this.settings = settings;
        this.identity = identity;
    }

    /**
     * Reads every sign-in with {@code from <= createdDateTime <= to} (Graph documents only eq, le and ge on it).
     *
     * @param beta read the beta log, which carries authenticationRequirement
     * @return how many pages were read
     */
    public int read(Instant from, Instant to, boolean beta, Consumer<SignInEvent> each) {
        String filter = "createdDateTime ge " + FILTER_TIME.format(from.truncatedTo(ChronoUnit.SECONDS))
                + " and createdDateTime le " + FILTER_TIME.format(to.truncatedTo(ChronoUnit.MILLIS));
        int top = identity.signInPageSize();
        SignInCollectionResponse page = pacer.call(IdentityPacer.Lane.REPORTS, () -> errors.call(() -> beta
                ? graph.auditLogs().signIns().withUrl(betaUrl(filter, top)).get()
                : graph.auditLogs().signIns().get(rc -> {
                    rc.queryParameters.filter = filter;
                    rc.queryParameters.top = top;
                    rc.queryParameters.select = FIELDS;
                })));
        int pages = 1;
        while (page != null) {
            for (SignIn s : page.getValue()) {
                each.accept(event(s));
            }
            String next = page.getOdataNextLink();
            if (next == null) {
                break;
            }
            page = pacer.call(IdentityPacer.Lane.REPORTS, () -> errors.call(() -> graph.auditLogs().signIns().withUrl(next)
                    .get()));
            pages++;
        }
        return pages;
    }

    /** The beta endpoint next to the configured v1.0 one (same host, so the same token and trust). */
    private String betaUrl(String filter, int top) {
        String base = settings.endpoints().baseUrl().toString().replaceAll("/+$", "");
        String root = base.endsWith("/v1.0") ? base.substring(0, base.length() - "/v1.0".length()) : base;
        return root + "/beta/auditLogs/signIns?$filter=" + java.net.URLEncoder.encode(filter,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20") + "&$top=" + top + "&$select="
                + String.join(",", FIELDS) + ",authenticationRequirement";
    }

    private static SignInEvent event(SignIn s) {
        var location = s.getLocation();
        var geo = location == null ? null : location.getGeoCoordinates();
        var status = s.getStatus();
        Object requirement = s.getAdditionalData().get("authenticationRequirement");
        if (requirement instanceof UntypedNode node) {
            requirement = node.getValue();
        }
        return new SignInEvent(s.getId(), s.getCreatedDateTime() == null ? Instant.EPOCH : s.getCreatedDateTime().toInstant(),
                s.getUserId(), s.getUserPrincipalName(), s.getUserDisplayName(), s.getAppDisplayName(), s.getIpAddress(),
                location == null ? null : location.getCity(), location == null ? null : location.getCountryOrRegion(),
                geo == null ? null : geo.getLatitude(), geo == null ? null : geo.getLongitude(), s.getClientAppUsed(),
                status == null || status.getErrorCode() == null ? 0 : status.getErrorCode(),
                status == null ? null : status.getAdditionalDetails(), requirement == null ? null : requirement.toString(),
                !Boolean.FALSE.equals(s.getIsInteractive()));
    }
}
