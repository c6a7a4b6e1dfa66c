package org.ward.simulator.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The beta properties the simulator serves on {@code /beta}, which the v1.0 SDK cannot know. Each is copied from
 * Microsoft's beta reference: signIn from api-reference/beta/resources/signin.md and authenticationDetail from
 * api-reference/beta/resources/authenticationdetail.md (learn.microsoft.com/graph/api/resources/signin?view=graph-rest-beta).
 * Beta's signIn has {@code riskEventTypes_v2} and no longer {@code riskEventTypes}.
 */
final class BetaModel {

    private BetaModel() {
    }

    static GraphModel extend(GraphModel v1) {
        Map<String, String> signIn = new LinkedHashMap<>();
        signIn.put("authenticationDetails", "Collection(authenticationDetail)");
        signIn.put("authenticationMethodsUsed", "Collection(String)");
        signIn.put("authenticationProtocol", "protocolType");
        signIn.put("authenticationRequirement", "String");
        signIn.put("crossTenantAccessType", "Flags(signInAccessType)");
        signIn.put("flaggedForReview", "Boolean");
        signIn.put("homeTenantName", "String");
        signIn.put("isTenantRestricted", "Boolean");
        signIn.put("originalRequestId", "String");
        signIn.put("processingTimeInMilliseconds", "Int32");
        signIn.put("signInEventTypes", "Collection(String)");
        signIn.put("signInIdentifier", "String");
        signIn.put("tokenIssuerName", "String");
        signIn.put("tokenIssuerType", "tokenIssuerType");
        signIn.put("uniqueTokenIdentifier", "String");
        signIn.put("userType", "signInUserType");
        Map<String, String> step = new LinkedHashMap<>();
        step.put("authenticationMethod", "String");
        step.put("authenticationMethodDetail", "String");
        step.put("authenticationStepDateTime", "DateTimeOffset");
        step.put("authenticationStepRequirement", "String");
        step.put("authenticationStepResultDetail", "String");
        step.put("succeeded", "Boolean");
        Map<String, GraphModel.EnumType> enums = new LinkedHashMap<>();
        enums.put("protocolType", new GraphModel.EnumType("protocolType", List.of("none", "oAuth2", "ropc", "wsFederation",
                "saml20", "deviceCode", "unknownFutureValue", "authenticationTransfer", "nativeAuth")));
        enums.put("signInAccessType", new GraphModel.EnumType("signInAccessType", List.of("none", "b2bCollaboration",
                "b2bDirectConnect", "microsoftSupport", "serviceProvider", "unknownFutureValue", "passthrough")));
        return v1.with(Map.of("signIn", signIn),
                Map.of("authenticationDetail", GraphModel.complex("authenticationDetail", step)),
                enums, Map.of("signIn", List.of("riskEventTypes")));
    }
}
