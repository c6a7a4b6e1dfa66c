package org.ward.simulator.identity;

import java.util.stream.Stream;

import org.ward.simulator.DocumentedShapeTests;
import org.ward.simulator.GraphHttp;
import org.ward.simulator.Shape;
import org.ward.simulator.Simulator;

import com.microsoft.graph.models.ConditionalAccessPolicyCollectionResponse;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.DirectoryRoleCollectionResponse;
import com.microsoft.graph.models.IdentitySecurityDefaultsEnforcementPolicy;
import com.microsoft.graph.models.RiskDetectionCollectionResponse;
import com.microsoft.graph.models.RiskyUserCollectionResponse;
import com.microsoft.graph.models.SignInCollectionResponse;
import com.microsoft.graph.models.UnifiedRoleAssignmentCollectionResponse;
import com.microsoft.graph.models.UserRegistrationDetailsCollectionResponse;

/**
 * The identity endpoints against the SDK models and Microsoft's examples: registration details, v1.0 sign-ins, risky
 * users, risk detections, conditional-access policies, security defaults, role assignments and directory roles.
 */
class IdentityShapeTests extends DocumentedShapeTests {

    private GraphHttp graph;
    private String benId;

    @Override
    protected Simulator start() {
        return IdentityClinic.start();
    }

    @Override
    protected void prepare() {
        graph = IdentityClinic.ward(simulator);
        benId = IdentityClinic.user(simulator, IdentityClinic.BEN).id();
    }

    @Override
    protected Stream<Shape> shapes() {
        String globalAdmin = "62e90394-69f5-4237-9190-012177145e10";
        return Stream.of(
                Shape.of("GET /reports/authenticationMethods/userRegistrationDetails",
                        "authenticationmethodsroot-list-userregistrationdetails.json",
                        UserRegistrationDetailsCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/reports/authenticationMethods/userRegistrationDetails")),
                Shape.of("GET /auditLogs/signIns?$top=1", "signin-list.json",
                        SignInCollectionResponse::createFromDiscriminatorValue, () -> graph.get("/auditLogs/signIns?$top=1"))
                        .omitsAll("the simulator does not evaluate conditional-access policies per sign-in, so none is"
                                + " listed as applied", "value[].appliedConditionalAccessPolicies[].displayName",
                                "value[].appliedConditionalAccessPolicies[].enforcedGrantControls",
                                "value[].appliedConditionalAccessPolicies[].enforcedSessionControls",
                                "value[].appliedConditionalAccessPolicies[].id",
                                "value[].appliedConditionalAccessPolicies[].result"),
                Shape.of("GET /identityProtection/riskyUsers", "riskyuser-list.json",
                        RiskyUserCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/identityProtection/riskyUsers")),
                Shape.of("GET /identityProtection/riskDetections", "riskdetection-list.json",
                        RiskDetectionCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/identityProtection/riskDetections")),
                Shape.of("GET /identity/conditionalAccess/policies", "conditionalaccessroot-list-policies.json",
                        ConditionalAccessPolicyCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/identity/conditionalAccess/policies")),
                Shape.of("GET /policies/identitySecurityDefaultsEnforcementPolicy",
                        "identitysecuritydefaultsenforcementpolicy-get.json",
                        IdentitySecurityDefaultsEnforcementPolicy::createFromDiscriminatorValue,
                        () -> graph.get("/policies/identitySecurityDefaultsEnforcementPolicy")),
                Shape.of("GET /roleManagement/directory/roleAssignments?$filter=roleDefinitionId eq ...&$expand=principal",
                        "rbacapplication-list-roleassignments.json",
                        UnifiedRoleAssignmentCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/roleManagement/directory/roleAssignments?$filter="
                                + GraphHttp.encode("roleDefinitionId eq '" + globalAdmin + "'") + "&$expand=principal"))
                        .omits("value[].resourceScope", "deprecated, and not a property of the v1.0 unifiedRoleAssignment"
                                + " model")
                        .omitsAll("the simulator's users carry no Exchange addresses", "value[].principal.imAddresses",
                                "value[].principal.mailNickname"),
                Shape.of("GET /roleManagement/directory/roleAssignments?$filter=principalId eq ...",
                        "rbacapplication-list-roleassignments.2.json",
                        UnifiedRoleAssignmentCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/roleManagement/directory/roleAssignments?$filter="
                                + GraphHttp.encode("principalId eq '" + benId + "'")))
                        .omits("value[].resourceScope", "deprecated, and not a property of the v1.0 unifiedRoleAssignment"
                                + " model"),
                Shape.of("GET /directoryRoles", "directoryrole-list.json",
                        DirectoryRoleCollectionResponse::createFromDiscriminatorValue, () -> graph.get("/directoryRoles")),
                Shape.of("GET /directoryRoles/roleTemplateId={id}/members", "directoryrole-list-members.json",
                        DirectoryObjectCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/directoryRoles/roleTemplateId=" + globalAdmin + "/members")));
    }
}
