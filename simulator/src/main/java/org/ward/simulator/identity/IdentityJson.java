package org.ward.simulator.identity;

import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.ConditionalAccessPolicy;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.Registration;
import org.ward.simulator.tenant.RiskDetection;
import org.ward.simulator.tenant.RiskyUser;
import org.ward.simulator.tenant.RoleAssignment;
import org.ward.simulator.tenant.SignInPlace;
import org.ward.simulator.tenant.SignInRecord;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The identity resources as Graph writes them (field names and order from Microsoft's documented examples). */
final class IdentityJson {

    private IdentityJson() {
    }

    /** userRegistrationDetails: one user's methods. */
    static ObjectNode registration(User user, Registration r, boolean admin) {
        ObjectNode node = Json.object();
        node.put("id", user.id());
        node.put("userPrincipalName", user.userPrincipalName());
        node.put("userDisplayName", user.displayName());
        node.put("isAdmin", admin);
        node.put("isSsprRegistered", r.ssprRegistered());
        node.put("isSsprEnabled", false);
        node.put("isSsprCapable", false);
        node.put("isMfaRegistered", r.mfaRegistered());
        // Capable = registered and allowed by the authentication methods policy, which here allows every method.
        node.put("isMfaCapable", r.mfaRegistered());
        node.put("isPasswordlessCapable", r.passwordlessCapable());
        Json.putDate(node, "lastUpdatedDateTime", r.lastUpdated());
        ArrayNode methods = node.putArray("methodsRegistered");
        r.methods().forEach(methods::add);
        node.put("isSystemPreferredAuthenticationMethodEnabled", true);
        ArrayNode preferred = node.putArray("systemPreferredAuthenticationMethods");
        String secondary = secondary(r);
        if (!secondary.equals("none")) {
            preferred.add(secondary);
        }
        node.put("userPreferredMethodForSecondaryAuthentication", secondary);
        node.put("userType", user.guest() ? "guest" : "member");
        return node;
    }

    /** A member of microsoft.graph.userDefaultAuthenticationMethod: "none" when the user has no second factor. */
    private static String secondary(Registration r) {
        if (r.methods().contains("microsoftAuthenticatorPush")) {
            return "push";
        }
        if (r.methods().contains("softwareOneTimePasscode")) {
            return "oath";
        }
        return r.methods().contains("mobilePhone") ? "sms" : "none";
    }

    /** A sign-in; beta adds the fields v1.0 lacks (authenticationRequirement, authenticationDetails, ...). */
    static ObjectNode signIn(SignInRecord s, boolean beta) {
        ObjectNode node = Json.object();
        node.put("id", s.id());
        node.put("createdDateTime", Json.date(s.createdDateTime()));
        node.put("userDisplayName", s.userDisplayName());
        node.put("userPrincipalName", s.userPrincipalName() == null ? null
                : s.userPrincipalName().toLowerCase(java.util.Locale.ROOT));
        node.put("userId", s.userId());
        node.put("appId", s.appId());
        node.put("appDisplayName", s.appDisplayName());
        node.put("ipAddress", s.ipAddress());
        node.put("clientAppUsed", s.clientAppUsed());
        node.put("correlationId", correlation(s.id()));
        node.put("conditionalAccessStatus", s.conditionalAccessStatus());
        node.put("isInteractive", true);
        node.put("riskDetail", s.riskLevel().equals("hidden") ? "hidden" : "none");
        node.put("riskLevelAggregated", s.riskLevel());
        node.put("riskLevelDuringSignIn", s.riskLevel());
        node.put("riskState", s.riskState());
        if (beta) {
            ArrayNode types = node.putArray("riskEventTypes_v2");
            s.riskEventTypes().forEach(types::add);
            node.put("authenticationRequirement", s.authenticationRequirement());
            ArrayNode eventTypes = node.putArray("signInEventTypes");
            eventTypes.add("interactiveUser");
            node.put("userType", s.userPrincipalName() != null && s.userPrincipalName().contains("#EXT#") ? "guest" : "member");
            node.put("authenticationProtocol", legacy(s.clientAppUsed()) ? "none" : "oAuth2");
            node.put("crossTenantAccessType", "none");
            node.put("flaggedForReview", false);
        } else {
            ArrayNode types = node.putArray("riskEventTypes");
            s.riskEventTypes().forEach(types::add);
        }
        node.put("resourceDisplayName", s.appDisplayName());
        node.put("resourceId", s.appId());
        ObjectNode status = node.putObject("status");
        status.put("errorCode", s.errorCode());
        status.put("failureReason", s.failureReason());
        status.put("additionalDetails", s.additionalDetails());
        ObjectNode device = node.putObject("deviceDetail");
        device.put("deviceId", "");
        device.putNull("displayName");
        device.put("operatingSystem", s.operatingSystem());
        device.put("browser", s.browser());
        device.putNull("isCompliant");
        device.putNull("isManaged");
        device.putNull("trustType");
        ObjectNode location = node.putObject("location");
        SignInPlace place = s.place();
        location.put("city", place == null ? null : place.city());
        location.put("state", place == null ? null : place.state());
        location.put("countryOrRegion", place == null ? null : place.countryOrRegion());
        ObjectNode geo = location.putObject("geoCoordinates");
        if (place != null && place.latitude() != null) {
            geo.putNull("altitude");
            geo.put("latitude", place.latitude());
            geo.put("longitude", place.longitude());
        }
        node.putArray("appliedConditionalAccessPolicies");
        if (beta) {
            node.set("authenticationDetails", authenticationDetails(s));
        }
        return node;
    }

    /** The steps of the sign-in: the password, then the second factor when one was asked for. */
    private static ArrayNode authenticationDetails(SignInRecord s) {
        ArrayNode steps = Json.array();
        boolean passwordFailed = s.errorCode() == 50126 || s.errorCode() == 50053 || s.errorCode() == 50055;
        ObjectNode password = steps.addObject();
        password.put("authenticationStepDateTime", Json.date(s.createdDateTime()));
        password.put("authenticationMethod", "Password");
        password.put("authenticationMethodDetail", "Password in the cloud");
        password.put("succeeded", !passwordFailed);
        password.put("authenticationStepResultDetail", passwordFailed
                ? "Invalid username or password or Invalid on-premise username or password." : "Correct password");
        password.put("authenticationStepRequirement", "Primary authentication");
        if (s.mfaMethod() != null) {
            ObjectNode second = steps.addObject();
            second.put("authenticationStepDateTime", Json.date(s.createdDateTime()));
            second.put("authenticationMethod", s.mfaMethod());
            second.putNull("authenticationMethodDetail");
            second.put("succeeded", s.errorCode() == 0);
            second.put("authenticationStepResultDetail", s.errorCode() == 0 ? "MFA successfully completed"
                    : s.additionalDetails());
            second.put("authenticationStepRequirement", "Primary authentication");
        }
        return steps;
    }

    private static boolean legacy(String clientAppUsed) {
        return clientAppUsed != null && !clientAppUsed.equals("Browser")
                && !clientAppUsed.equals("Mobile Apps and Desktop clients");
    }

    private static String correlation(String id) {
        return java.util.UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    static ObjectNode riskyUser(User user, RiskyUser r) {
        ObjectNode node = Json.object();
        node.put("@odata.type", "#microsoft.graph.riskyUser");
        node.put("id", r.userId());
        node.put("isDeleted", user == null);
        node.put("isProcessing", false);
        Json.putDate(node, "riskLastUpdatedDateTime", r.lastUpdated());
        node.put("riskLevel", r.riskLevel());
        node.put("riskState", r.riskState());
        node.put("riskDetail", r.riskDetail());
        node.put("userDisplayName", user == null ? null : user.displayName());
        node.put("userPrincipalName", user == null ? null : user.userPrincipalName());
        return node;
    }

    static ObjectNode riskDetection(User user, RiskDetection d, Premium premium) {
        ObjectNode node = Json.object();
        node.put("@odata.type", "#microsoft.graph.riskDetection");
        node.put("id", d.id());
        node.put("requestId", d.id());
        node.put("correlationId", correlation(d.id()));
        // Without P2, premium detections are reported as "generic" (Identity Protection risk detection types).
        node.put("riskEventType", premium.atLeast(Premium.P2) || !premiumDetection(d.riskEventType()) ? d.riskEventType()
                : "generic");
        node.put("riskState", d.riskState());
        node.put("riskLevel", d.riskLevel());
        node.put("riskDetail", d.riskDetail());
        node.put("source", "IdentityProtection");
        node.put("detectionTimingType", d.detectionTimingType());
        node.put("activity", d.activity());
        node.put("tokenIssuerType", "AzureAD");
        node.put("ipAddress", d.ipAddress());
        ObjectNode location = node.putObject("location");
        SignInPlace place = d.place();
        location.put("city", place == null ? null : place.city());
        location.put("state", place == null ? null : place.state());
        location.put("countryOrRegion", place == null ? null : place.countryOrRegion());
        if (place == null || place.latitude() == null) {
            location.putNull("geoCoordinates");
        } else {
            ObjectNode geo = location.putObject("geoCoordinates");
            geo.putNull("altitude");
            geo.put("latitude", place.latitude());
            geo.put("longitude", place.longitude());
        }
        Json.putDate(node, "activityDateTime", d.activityDateTime());
        Json.putDate(node, "detectedDateTime", d.detectedDateTime());
        Json.putDate(node, "lastUpdatedDateTime", d.detectedDateTime());
        node.put("userId", d.userId());
        node.put("userDisplayName", user == null ? null : user.displayName());
        node.put("userPrincipalName", user == null ? null : user.userPrincipalName());
        node.put("additionalInfo", "[{\"Key\":\"userAgent\",\"Value\":\"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\"}]");
        return node;
    }

    /** Detections Microsoft lists as non-premium keep their type without P2; the rest show as generic. */
    private static boolean premiumDetection(String type) {
        return !java.util.Set.of("anonymizedIPAddress", "adminConfirmedUserCompromised", "leakedCredentials",
                "investigationsThreatIntelligence", "generic").contains(type);
    }

    static ObjectNode policy(ConditionalAccessPolicy p) {
        ObjectNode node = Json.object();
        node.put("id", p.id());
        node.put("displayName", p.displayName());
        Json.putDate(node, "createdDateTime", p.createdDateTime());
        node.putNull("modifiedDateTime");
        node.put("state", p.state());
        node.putNull("sessionControls");
        ObjectNode conditions = node.putObject("conditions");
        conditions.putArray("signInRiskLevels");
        ArrayNode clientApps = conditions.putArray("clientAppTypes");
        p.clientAppTypes().forEach(clientApps::add);
        conditions.putNull("platforms");
        conditions.putNull("locations");
        ObjectNode apps = conditions.putObject("applications");
        strings(apps.putArray("includeApplications"), p.includeApplications());
        strings(apps.putArray("excludeApplications"), p.excludeApplications());
        apps.putArray("includeUserActions");
        ObjectNode users = conditions.putObject("users");
        strings(users.putArray("includeUsers"), p.includeUsers());
        strings(users.putArray("excludeUsers"), p.excludeUsers());
        strings(users.putArray("includeGroups"), p.includeGroups());
        strings(users.putArray("excludeGroups"), p.excludeGroups());
        strings(users.putArray("includeRoles"), p.includeRoles());
        strings(users.putArray("excludeRoles"), p.excludeRoles());
        ObjectNode grant = node.putObject("grantControls");
        grant.put("operator", p.operator());
        strings(grant.putArray("builtInControls"), p.builtInControls());
        grant.putArray("customAuthenticationFactors");
        grant.putArray("termsOfUse");
        return node;
    }

    private static void strings(ArrayNode array, java.util.List<String> values) {
        values.forEach(array::add);
    }

    static ObjectNode securityDefaults(boolean enabled) {
        ObjectNode node = Json.object();
        node.put("description", "Security defaults is a set of basic identity security mechanisms recommended by Microsoft."
                + " When enabled, these recommendations will be automatically enforced in your organization. Administrators"
                + " and users will be better protected from common identity related attacks.");
        node.put("displayName", "Security Defaults");
        node.put("id", "00000000-0000-0000-0000-000000000005");
        node.put("isEnabled", enabled);
        return node;
    }

    static ObjectNode roleAssignment(RoleAssignment a) {
        ObjectNode node = Json.object();
        node.put("id", a.id());
        node.put("principalId", a.principalId());
        node.put("directoryScopeId", "/");
        node.put("roleDefinitionId", a.roleTemplateId());
        return node;
    }

    static ObjectNode directoryRole(String id, String name, String templateId) {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.putNull("deletedDateTime");
        node.put("description", DirectoryRoleTemplates.description(name));
        node.put("displayName", name);
        node.put("roleTemplateId", templateId);
        return node;
    }
}
