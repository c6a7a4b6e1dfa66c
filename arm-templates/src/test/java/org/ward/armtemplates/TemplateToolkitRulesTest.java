package org.ward.armtemplates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.armtemplates.TemplatesMatchMicrosoftSchemasTest.resource;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** The rules of Microsoft's ARM template test toolkit that matter, on every template, each shown to catch its fault. */
class TemplateToolkitRulesTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Test
    void everyTemplateFollowsTheToolkitRules() {
        for (ArmTemplate template : ArmTemplate.all()) {
            assertThat(TemplateToolkitRules.unusedParameters(template)).as(template.name()).isEmpty();
            assertThat(TemplateToolkitRules.unusedVariables(template)).as(template.name()).isEmpty();
            assertThat(TemplateToolkitRules.secureParametersWithDefaults(template)).as(template.name()).isEmpty();
            assertThat(TemplateToolkitRules.secretParametersNotSecure(template)).as(template.name()).isEmpty();
            assertThat(TemplateToolkitRules.secretsInOutputs(template)).as(template.name()).isEmpty();
            assertThat(TemplateToolkitRules.hardcodedLocations(template)).as(template.name()).isEmpty();
            assertThat(TemplateToolkitRules.hardcodedCloudHosts(template)).as(template.name()).isEmpty();
            assertThat(TemplateToolkitRules.staleApiVersions(template, TODAY)).as(template.name()).isEmpty();
            assertThat(TemplateToolkitRules.literalResourceIds(template)).as(template.name()).isEmpty();
        }
    }

    @Test
    void flagsAParameterNothingUses() {
        ArmTemplate broken = ArmTemplate.main().broken("unused parameter",
                root -> ((ObjectNode) root.path("parameters")).putObject("forgotten").put("type", "string"));

        assertThat(TemplateToolkitRules.unusedParameters(broken)).containsExactly("parameter 'forgotten' is never used");
    }

    @Test
    void flagsAVariableNothingUses() {
        ArmTemplate broken = ArmTemplate.main().broken("unused variable",
                root -> ((ObjectNode) root.path("variables")).put("leftover", "value"));

        assertThat(TemplateToolkitRules.unusedVariables(broken)).containsExactly("variable 'leftover' is never used");
    }

    @Test
    void flagsASecureParameterWithADefaultValue() {
        ArmTemplate broken = ArmTemplate.main().broken("secure default",
                root -> ((ObjectNode) root.path("parameters").path("installationKey")).put("defaultValue", "hunter2"));

        assertThat(TemplateToolkitRules.secureParametersWithDefaults(broken))
                .containsExactly("secure parameter 'installationKey' has a default value other than empty or newGuid()");
    }

    @Test
    void flagsAPasswordPassedAsAPlainString() {
        ArmTemplate broken = ArmTemplate.main().broken("plain password",
                root -> ((ObjectNode) root.path("parameters").path("databaseAdministratorPassword")).put("type", "string"));

        assertThat(TemplateToolkitRules.secretParametersNotSecure(broken)).singleElement().asString()
                .contains("databaseAdministratorPassword");
    }

    @Test
    void flagsAKeyPassedAsAPlainString() {
        ArmTemplate broken = ArmTemplate.main().broken("plain installation key",
                root -> ((ObjectNode) root.path("parameters").path("installationKey")).put("type", "string"));

        assertThat(TemplateToolkitRules.secretParametersNotSecure(broken)).singleElement().asString()
                .contains("installationKey");
    }

    @Test
    void flagsAnOutputThatListsKeys() {
        ArmTemplate broken = ArmTemplate.main().broken("workspace key in an output",
                root -> ((ObjectNode) root.path("outputs")).putObject("workspaceSharedKey").put("type", "string")
                        .put("value", "[listKeys(variables('workspaceId'), '2025-07-01').primarySharedKey]"));

        assertThat(TemplateToolkitRules.secretsInOutputs(broken))
                .anyMatch(problem -> problem.contains("calls a list*() function"))
                .anyMatch(problem -> problem.contains("named like a secret"));
    }

    @Test
    void flagsAnOutputThatReturnsASecureParameter() {
        ArmTemplate broken = ArmTemplate.main().broken("password in an output",
                root -> ((ObjectNode) root.path("outputs")).putObject("databaseLogin").put("type", "string")
                        .put("value", "[concat(parameters('databaseAdministratorLogin'), ':', parameters('databaseAdministratorPassword'))]"));

        assertThat(TemplateToolkitRules.secretsInOutputs(broken))
                .containsExactly("output 'databaseLogin' contains the secure parameter 'databaseAdministratorPassword'");
    }

    @Test
    void flagsAnOutputThatReturnsAConnectionString() {
        ArmTemplate broken = ArmTemplate.main().broken("connection string in an output",
                root -> ((ObjectNode) root.path("outputs")).putObject("insights").put("type", "string")
                        .put("value", "[reference(variables('insightsId'), '2020-02-02').ConnectionString]"));

        assertThat(TemplateToolkitRules.secretsInOutputs(broken))
                .containsExactly("output 'insights' reads a connection string or key");
    }

    @Test
    void flagsAHardCodedLocation() {
        ArmTemplate broken = ArmTemplate.main().broken("location literal",
                root -> resource(root, "Microsoft.KeyVault/vaults").put("location", "uksouth"));

        assertThat(TemplateToolkitRules.hardcodedLocations(broken)).singleElement().asString()
                .contains("'uksouth' is hard-coded");
    }

    @Test
    void flagsResourceGroupLocationOutsideTheLocationParameter() {
        ArmTemplate broken = ArmTemplate.main().broken("resourceGroup().location on a resource",
                root -> resource(root, "Microsoft.KeyVault/vaults").put("location", "[resourceGroup().location]"));

        assertThat(TemplateToolkitRules.hardcodedLocations(broken)).singleElement().asString()
                .contains("use the location parameter");
    }

    @Test
    void flagsAHardCodedCloudEndpoint() {
        ArmTemplate broken = ArmTemplate.main().broken("Key Vault URL written out",
                root -> ((ObjectNode) root.path("variables"))
                        .put("keyVaultUri", "[concat('https://', variables('keyVaultName'), '.vault.azure.net/')]"));

        assertThat(TemplateToolkitRules.hardcodedCloudHosts(broken)).singleElement().asString()
                .contains("hard-coded cloud host 'vault.azure.net'");
    }

    @Test
    void flagsAHardCodedGraphEndpoint() {
        ArmTemplate broken = ArmTemplate.main().broken("Graph URL in the environment",
                root -> ((ObjectNode) root.path("variables")).put("graphCloud", "https://graph.microsoft.us"));

        assertThat(TemplateToolkitRules.hardcodedCloudHosts(broken))
                .anyMatch(problem -> problem.contains("'graph.microsoft.us'"));
    }

    @Test
    void flagsAnApiVersionOlderThanTwoYearsWhenANewerOneIsKnown() {
        ArmTemplate broken = ArmTemplate.main().broken("old Key Vault apiVersion",
                root -> resource(root, "Microsoft.KeyVault/vaults").put("apiVersion", "2019-09-01"));

        assertThat(TemplateToolkitRules.staleApiVersions(broken, LocalDate.of(2026, 12, 7))).singleElement().asString()
                .contains("apiVersion 2019-09-01 of Microsoft.KeyVault/vaults is").contains("not the newest one known (2025-05-01)");
    }

    @Test
    void acceptsAnOldApiVersionThatIsStillTheNewest() {
        // Application Insights components have had no generally available apiVersion since 2020-02-02.
        assertThat(TemplateToolkitRules.staleApiVersions(ArmTemplate.main(), LocalDate.of(2026, 12, 7))).isEmpty();
    }

    @Test
    void flagsAPreviewApiVersion() {
        ArmTemplate broken = ArmTemplate.main().broken("preview apiVersion",
                root -> resource(root, "Microsoft.App/jobs").put("apiVersion", "2025-10-02-preview"));

        assertThat(TemplateToolkitRules.staleApiVersions(broken, TODAY))
                .anyMatch(problem -> problem.endsWith("Microsoft.App/jobs uses the preview apiVersion 2025-10-02-preview"));
    }

    @Test
    void flagsAReferenceThatReadsWithAnotherApiVersionThanTheTemplateDeploys() {
        ArmTemplate broken = ArmTemplate.main().broken("reference() with a stale apiVersion",
                root -> ((ObjectNode) root.path("outputs").path("managedIdentityPrincipalId"))
                        .put("value", "[reference(variables('identityId'), '2018-11-30').principalId]"));

        assertThat(TemplateToolkitRules.staleApiVersions(broken, TODAY)).singleElement().asString()
                .contains("reads Microsoft.ManagedIdentity/userAssignedIdentities with apiVersion 2018-11-30 but the template deploys it with 2024-11-30");
    }

    @Test
    void flagsALiteralResourceId() {
        ArmTemplate broken = ArmTemplate.main().broken("literal subnet id",
                root -> ((ObjectNode) root.path("variables")).put("appsSubnetId",
                        "/subscriptions/0000/resourceGroups/ward/providers/Microsoft.Network/virtualNetworks/ward-vnet/subnets/apps"));

        assertThat(TemplateToolkitRules.literalResourceIds(broken)).singleElement().asString()
                .contains("/variables/appsSubnetId");
    }
}
