package org.ward.simulator.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import org.ward.simulator.server.Pages;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.IdentityData;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.Registration;
import org.ward.simulator.tenant.RoleAssignment;
import org.ward.simulator.tenant.SignInRecord;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Buckets;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;
import org.ward.simulator.users.Users;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The identity endpoints Ward reads: MFA registration details and sign-in logs (identity reports: 5 requests per
 * 10 s per app), risky users, risk detections and conditional-access policies (1 request per second per tenant,
 * refused without Retry-After), security defaults, and directory role assignments. Each answers as Graph does for
 * the tenant's Entra ID licence.
 */
public final class IdentityResources implements ResourceFamily {

    /** Microsoft's troubleshooting article gives this body; third parties consistently report it with 403. */
    static final GraphException NON_PREMIUM = new GraphException(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
            "Neither tenant is B2C or tenant doesn't have premium license");
    /** Identity Protection and Conditional Access refuse unlicensed tenants with a plain Forbidden (observed, not documented). */
    static final String NOT_LICENSED = "Your tenant is not licensed for this feature.";

    /** Sign-in logs are kept 30 days on P1 and P2 (Entra reporting retention). */
    static final Duration SIGN_IN_RETENTION = Duration.ofDays(30);

    private static final RouteAccess REGISTRATION = RouteAccess.directory("AuditLog.Read.All",
            "UserAuthenticationMethod.Read.All");
    private static final RouteAccess SIGN_INS = RouteAccess.directory("AuditLog.Read.All");
    private static final RouteAccess RISKY_USERS = RouteAccess.directory("IdentityRiskyUser.Read.All",
            "IdentityRiskyUser.ReadWrite.All");
    private static final RouteAccess RISK_DETECTIONS = RouteAccess.directory("IdentityRiskEvent.Read.All",
            "IdentityRiskEvent.ReadWrite.All");
    private static final RouteAccess POLICIES = RouteAccess.directory("Policy.Read.All");
    private static final RouteAccess ROLES = RouteAccess.directory("RoleManagement.Read.Directory",
            "RoleManagement.Read.All", "Directory.Read.All", "RoleManagement.ReadWrite.Directory", "Directory.ReadWrite.All");
    private static final Set<String> DIRECTORY_READ = Set.of("Directory.Read.All", "Directory.ReadWrite.All");
    private static final Pattern CREATED_BOUND = Pattern.compile("(?i)createdDateTime\\s+(eq|ne|ge|le|gt|lt)\\s+([0-9T:.\\-Z+]+)");

    private static final ChargeRule REPORT = ChargeRule.fixed(new Charge(Buckets.REPORTS, 1));
    private static final ChargeRule PROTECTION = ChargeRule.fixed(new Charge(Buckets.IDENTITY_PROTECTION, 1));
    private static final ChargeRule DIRECTORY = ChargeRule.fixed(Charge.directory(1));

    private final Tenant tenant;

    public IdentityResources(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/reports/authenticationMethods/userRegistrationDetails", REGISTRATION, REPORT,
                this::registrations).returnsCollection("userRegistrationDetails", PageLimit.capped(1000)));
        routes.add(Route.of("GET", "/auditLogs/signIns", SIGN_INS, REPORT, this::signIns)
                .returnsCollection("signIn", PageLimit.capped(1000)));
        routes.add(Route.of("GET", "/identityProtection/riskyUsers", RISKY_USERS, PROTECTION, this::riskyUsers)
                .returnsCollection("riskyUser", PageLimit.capped(500)));
        routes.add(Route.of("GET", "/identityProtection/riskDetections", RISK_DETECTIONS, PROTECTION, this::riskDetections)
                .returnsCollection("riskDetection", PageLimit.capped(500)));
        routes.add(Route.of("GET", "/identity/conditionalAccess/policies", POLICIES, PROTECTION, this::policies)
                .returnsCollection("conditionalAccessPolicy", null));
        routes.add(Route.of("GET", "/policies/identitySecurityDefaultsEnforcementPolicy", POLICIES, DIRECTORY,
                this::securityDefaults).returns("identitySecurityDefaultsEnforcementPolicy"));
        routes.add(Route.of("GET", "/roleManagement/directory/roleAssignments", ROLES, DIRECTORY, this::roleAssignments)
                .returnsCollection("unifiedRoleAssignment", null));
        routes.add(Route.of("GET", "/directoryRoles", ROLES, DIRECTORY, this::directoryRoles)
                .returnsCollection("directoryRole", null));
        routes.add(Route.of("GET", "/directoryRoles/{roleId}/members", ROLES, DIRECTORY, this::directoryRoleMembers)
                .returnsCollection("directoryObject", PageLimit.directory()));
    }

    private IdentityData identity() {
        return tenant.identity();
    }

    private void requirePremium(Premium needed, GraphException refusal) {
        if (!tenant.read(() -> identity().premium()).atLeast(needed)) {
            throw copy(refusal);
        }
    }

    private static GraphException copy(GraphException e) {
        return new GraphException(e.status(), e.code(), e.getMessage());
    }

    private static GraphException notLicensed() {
        return new GraphException(403, "Forbidden", NOT_LICENSED);
    }

    private GraphResponse registrations(GraphCall call) {
        requirePremium(Premium.P1, NON_PREMIUM);
        List<ObjectNode> rows = tenant.read(() -> {
            Set<String> admins = new java.util.HashSet<>();
            identity().roleAssignments().forEach(a -> admins.add(a.principalId()));
            List<ObjectNode> out = new ArrayList<>();
            for (User user : tenant.users()) {
                // The report does not cover disabled accounts (Entra: authentication methods activity).
                if (!user.accountEnabled()) {
                    continue;
                }
                Registration r = identity().registration(user.id());
                if (r == null) {
                    r = new Registration(user.id(), List.of(), user.createdDateTime());
                }
                out.add(IdentityJson.registration(user, r, admins.contains(user.id())));
            }
            return out;
        });
        return GraphResponse.ok(Pages.of(call, rows, "reports/authenticationMethods/userRegistrationDetails", 100, 1000));
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
            throw copy(NON_PREMIUM);
        }
        requirePremium(Premium.P1, NON_PREMIUM);
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

    private GraphResponse riskyUsers(GraphCall call) {
        requirePremium(Premium.P2, notLicensed());
        List<ObjectNode> rows = tenant.read(() -> identity().riskyUsers().stream()
                .map(r -> IdentityJson.riskyUser(tenant.user(r.userId()), r)).toList());
        return GraphResponse.ok(Pages.of(call, rows, "identityProtection/riskyUsers", 20, 500));
    }

    private GraphResponse riskDetections(GraphCall call) {
        requirePremium(Premium.P1, notLicensed());
        List<ObjectNode> rows = tenant.read(() -> identity().riskDetections().stream()
                .sorted((a, b) -> b.detectedDateTime().compareTo(a.detectedDateTime()))
                .map(d -> IdentityJson.riskDetection(tenant.user(d.userId()), d, identity().premium())).toList());
        return GraphResponse.ok(Pages.of(call, rows, "identityProtection/riskDetections", 20, 500));
    }

    private GraphResponse policies(GraphCall call) {
        requirePremium(Premium.P1, notLicensed());
        List<ObjectNode> rows = tenant.read(() -> identity().policies().stream().map(IdentityJson::policy).toList());
        return GraphResponse.ok(Pages.all(call, rows, "identity/conditionalAccess/policies"));
    }

    private GraphResponse securityDefaults(GraphCall call) {
        ObjectNode body = IdentityJson.securityDefaults(tenant.read(() -> identity().securityDefaults()));
        ObjectNode withContext = Json.object();
        withContext.put("@odata.context", call.request().serviceRoot()
                + "/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity");
        withContext.setAll(body);
        return GraphResponse.ok(withContext);
    }

    private GraphResponse roleAssignments(GraphCall call) {
        boolean expand = call.odata().expands("principal");
        List<ObjectNode> rows = tenant.read(() -> identity().roleAssignments().stream().map(a -> {
            ObjectNode node = IdentityJson.roleAssignment(a);
            if (expand) {
                User user = tenant.user(a.principalId());
                if (user != null) {
                    ObjectNode principal = Json.object();
                    principal.put("@odata.type", "#microsoft.graph.user");
                    principal.setAll(Users.full(user));
                    node.set("principal", principal);
                }
            }
            return node;
        }).toList());
        String context = "roleManagement/directory/roleAssignments" + (expand ? "(principal())" : "");
        return GraphResponse.ok(Pages.all(call, rows, context));
    }

    /** Only activated roles (those somebody holds) are listed, as Graph does. */
    private GraphResponse directoryRoles(GraphCall call) {
        List<ObjectNode> rows = tenant.read(() -> {
            Map<String, String> active = new LinkedHashMap<>();
            identity().roleAssignments().forEach(a -> active.putIfAbsent(a.roleTemplateId(), a.roleName()));
            List<ObjectNode> out = new ArrayList<>();
            active.forEach((template, name) -> out.add(IdentityJson.directoryRole(roleId(template), name, template)));
            return out;
        });
        ObjectNode body = Json.object();
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#directoryRoles");
        ArrayNode value = body.putArray("value");
        rows.forEach(value::add);
        return GraphResponse.ok(body);
    }

    private GraphResponse directoryRoleMembers(GraphCall call) {
        String key = call.param("roleId");
        List<ObjectNode> rows = tenant.read(() -> {
            List<RoleAssignment> held = identity().roleAssignments().stream().filter(a -> key.equals(roleId(a.roleTemplateId()))
                    || key.equalsIgnoreCase("roleTemplateId=" + a.roleTemplateId())).toList();
            if (held.isEmpty()) {
                throw GraphException.directoryNotFound(key);
            }
            List<ObjectNode> out = new ArrayList<>();
            for (RoleAssignment a : held) {
                User user = tenant.user(a.principalId());
                if (user != null) {
                    ObjectNode member = Json.object();
                    member.put("@odata.type", "#microsoft.graph.user");
                    member.setAll(Users.render(user, call));
                    out.add(member);
                }
            }
            return out;
        });
        return GraphResponse.ok(Pages.of(call, rows, "directoryObjects", 100, 999));
    }

    private String roleId(String templateId) {
        return tenant.ids.guid("directoryRole", templateId);
    }
}
