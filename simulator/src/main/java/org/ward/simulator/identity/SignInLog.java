package org.ward.simulator.identity;

import static org.ward.simulator.identity.IdentityCharges.REPORT;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.ODataFilter;
import org.ward.simulator.server.PageLimit;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.SignInRecord;
import org.ward.simulator.tenant.Tenant;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sign-in log: newest first, at most 1,000 a page, 30 days back, on Entra ID P1 or P2; the licence check reads
 * the tenant's directory, so the log also needs Directory.Read.All. Identity reports allow 5 requests per 10 s per
 * app. Risk fields read "hidden" below P2.
 */
public final class SignInLog extends IdentityArea {

    /** Sign-in logs are kept 30 days on P1 and P2 (Entra reporting retention). */
    static final Duration SIGN_IN_RETENTION = Duration.ofDays(30);
    private static final RouteAccess SIGN_INS = RouteAccess.directory("AuditLog.Read.All");
    private static final Set<String> DIRECTORY_READ = Set.of("Directory.Read.All", "Directory.ReadWrite.All");
    private static final Pattern CREATED_BOUND = Pattern.compile("(?i)createdDateTime\\s+(eq|ne|ge|le|gt|lt)\\s+([0-9T:.\\-Z+]+)");

    public SignInLog(Tenant tenant) {
        super(tenant);
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/auditLogs/signIns", SIGN_INS, REPORT, this::signIns)
                .returnsCollection("signIn", PageLimit.capped(1000)));
    }

    /**
     * Newest first, at most 1,000 a page, 30 days back, with {@code $filter} on {@code createdDateTime} (eq, le, ge
     * only) and any other field. Paging resumes after the last sign-in returned, so a generated log of a million
     * events is produced page by page.
     */
    private GraphResponse signIns(GraphCall call) {
        if (!call.caller().hasAny(DIRECTORY_READ)) {
            // Microsoft: the licence check reads tenant information, so without Directory.Read.All the call fails
            // with the licence error even on a premium tenant.
            throw Licences.copy(Licences.NON_PREMIUM);
        }
        licences.require(Premium.P1, Licences.NON_PREMIUM);
        boolean beta = "beta".equals(call.request().version());
        Instant now = tenant.now();
        Instant from = now.minus(SIGN_IN_RETENTION);
        Instant to = now;
        String filterText = call.query("$filter");
        if (filterText != null) {
            Matcher m = CREATED_BOUND.matcher(filterText);
            while (m.find()) {
                Instant value = instant(m.group(2), filterText);
                switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
                    case "ge" -> from = later(from, value);
                    case "le" -> to = earlier(to, value);
                    case "eq" -> {
                        from = later(from, value);
                        to = earlier(to, value);
                    }
                    // The signIn resource documents only eq, le and ge for createdDateTime.
                    default -> throw GraphException.badRequest("Invalid filter clause");
                }
            }
        }
        ODataFilter filter = call.odata().filter();
        int size = call.odata().pageSize(1000, 1000);
        SignInRecord after = decodeAfter(call.odata().skipToken());
        Instant lower = from;
        Instant upper = to;
        List<ObjectNode> page = new ArrayList<>();
        SignInRecord[] last = new SignInRecord[1];
        boolean more = tenant.read(() -> {
            Iterator<SignInRecord> log = identity().signIns(lower, upper, after);
            Premium premium = identity().premium();
            while (log.hasNext()) {
                SignInRecord record = hide(log.next(), premium);
                ObjectNode json = IdentityJson.signIn(record, beta);
                if (filter != null && !filter.matches(json)) {
                    continue;
                }
                if (page.size() == size) {
                    return true;
                }
                page.add(json);
                last[0] = record;
            }
            return false;
        });
        ObjectNode body = Json.object();
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#auditLogs/signIns");
        if (more) {
            body.put("@odata.nextLink", nextLink(call, encodeAfter(last[0])));
        }
        ArrayNode value = body.putArray("value");
        page.forEach(value::add);
        return GraphResponse.ok(body);
    }

    /**
     * Risk level and detail read "hidden" unless the tenant has Entra ID P2 (signIn resource); riskState has no
     * "hidden" member (microsoft.graph.riskState), so it reads "none".
     */
    private static SignInRecord hide(SignInRecord r, Premium premium) {
        if (premium.atLeast(Premium.P2) || r.riskLevel().equals("hidden")) {
            return r;
        }
        return new SignInRecord(r.id(), r.createdDateTime(), r.userId(), r.userPrincipalName(), r.userDisplayName(),
                r.appId(), r.appDisplayName(), r.ipAddress(), r.place(), r.clientAppUsed(), r.errorCode(),
                r.failureReason(), r.additionalDetails(), r.authenticationRequirement(), r.mfaMethod(),
                r.conditionalAccessStatus(), "hidden", "none", List.of(), r.operatingSystem(), r.browser());
    }

    private static Instant instant(String text, String filter) {
        try {
            return text.length() == 10 ? Instant.parse(text + "T00:00:00Z") : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw GraphException.badRequest("Invalid filter clause: " + filter);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String encodeAfter(SignInRecord record) {
        String key = "signIns:" + record.createdDateTime().toEpochMilli() + ":" + record.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A stand-in carrying only the sort key of the last sign-in returned. */
    private static SignInRecord decodeAfter(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
            if (!parts[0].equals("signIns")) {
                throw new IllegalArgumentException(parts[0]);
            }
            return new SignInRecord(parts[2], Instant.ofEpochMilli(Long.parseLong(parts[1])), null, null, null, null, null,
                    null, null, null, 0, null, null, null, null, null, "none", "none", List.of(), null, null);
        } catch (RuntimeException e) {
            throw GraphException.badRequest("The specified $skiptoken value is invalid.");
        }
    }

    private static String nextLink(GraphCall call, String token) {
        StringBuilder url = new StringBuilder(call.request().serviceRoot()).append(call.request().path());
        char separator = '?';
        for (Map.Entry<String, String> e : call.request().query().entrySet()) {
            if (e.getKey().equalsIgnoreCase("$skiptoken")) {
                continue;
            }
            url.append(separator).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            separator = '&';
        }
        return url.append(separator).append("$skiptoken=").append(token).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$")
                .replace("%2C", ",").replace("%27", "'").replace("%3A", ":");
    }
}
