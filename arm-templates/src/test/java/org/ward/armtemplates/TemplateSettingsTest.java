package org.ward.armtemplates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The containers' environment variables and the templates' outputs name settings Ward's jar really has, under Spring
 * Boot's relaxed binding (WARD_GRAPH_TENANT_ID is ward.graph.tenant-id): a renamed or removed property breaks the build,
 * not the deployment.
 */
class TemplateSettingsTest {

    /**
     * Variables read by something other than Spring's binder, and by what. The APPLICATIONINSIGHTS_ ones are
     * Microsoft's Application Insights Java agent's documented variables
     * (https://learn.microsoft.com/azure/azure-monitor/app/java-standalone-config), not properties of Ward: the
     * image's gate attaches the agent only when the connection string is set (image/, ApplicationInsightsGate).
     */
    static final Map<String, String> NOT_SPRING_SETTINGS = Map.of(
            "AZURE_CLIENT_ID", "azure-identity's DefaultAzureCredential, to pick Ward's user-assigned identity",
            "APPLICATIONINSIGHTS_CONNECTION_STRING",
            "the Application Insights Java agent's connection string; its presence attaches the agent in the image",
            "APPLICATIONINSIGHTS_ROLE_NAME",
            "the Application Insights Java agent's cloud role name, which tells the service from the scan job");

    /** Outputs that tell the administrator about the deployment rather than carry a Ward setting. */
    static final List<String> INFORMATIONAL_OUTPUTS = List.of("webhookUrl", "managedIdentityName",
            "managedIdentityPrincipalId", "keyVaultName", "storageAccountName", "databaseServerName", "serviceAppName",
            "scanJobName");

    private static final WardSettings SETTINGS = WardSettings.fromClasspath();

    @Test
    void readsWardsSettingsFromItsConfigurationRecords() {
        assertThat(SETTINGS.ward()).contains("ward.graph.tenant-id", "ward.graph.managed-identity-client-id",
                "ward.graph.resilience.max-retries", "ward.graph.trust.ca-certificate", "ward.policy.pack",
                "ward.data-dir");
        assertThat(SETTINGS.settingFor("WARD_GRAPH_TENANT_ID")).contains("ward.graph.tenant-id");
        assertThat(SETTINGS.settingFor("SPRING_DATASOURCE_URL")).contains("spring.datasource.url");
    }

    @Test
    void everyContainerVariableIsAWardSetting() {
        for (ArmTemplate template : ArmTemplate.all()) {
            assertThat(unknownVariables(template)).as(template.name()).isEmpty();
        }
    }

    @Test
    void everyOutputIsAWardSettingOrInformational() {
        for (ArmTemplate template : ArmTemplate.all()) {
            assertThat(unknownOutputs(template)).as(template.name()).isEmpty();
        }
    }

    @Test
    void theApplicationInsightsConnectionStringReachesTheAppsOnlyAsASecretReference() {
        ArmTemplate template = ArmTemplate.main();
        String text = template.root().toString();
        // One declaration, in the environment both apps share, by secret reference and never as a value.
        assertThat(text.split("APPLICATIONINSIGHTS_CONNECTION_STRING", -1)).hasSize(2);
        JsonNode declared = null;
        for (JsonNode variable : template.variables().get("wardEnvironment")) {
            if (variable.path("name").asString("").equals("APPLICATIONINSIGHTS_CONNECTION_STRING")) {
                declared = variable;
            }
        }
        assertThat(declared).isNotNull();
        assertThat(declared.has("value")).isFalse();
        assertThat(declared.path("secretRef").asString()).isEqualTo("appinsights-connection-string");
        for (String type : List.of("Microsoft.App/containerApps", "Microsoft.App/jobs")) {
            JsonNode app = TemplatesMatchMicrosoftSchemasTest.resource((ObjectNode) template.root(), type);
            assertThat(app.path("properties").path("template").path("containers").get(0).path("env").asString())
                    .as(type).contains("variables('wardEnvironment')");
            assertThat(app.path("properties").path("configuration").path("secrets").asString()).as(type)
                    .contains("createObject('name', 'appinsights-connection-string', 'value', "
                            + "reference(variables('insightsId'), '2020-02-02').ConnectionString)");
        }
        assertThat(template.outputs().toString()).doesNotContainIgnoringCase("ConnectionString");
    }

    @Test
    void aRenamedPropertyBreaksTheBuild() {
        ArmTemplate broken = ArmTemplate.main().broken("WARD_GRAPH_TENANT for WARD_GRAPH_TENANT_ID",
                root -> {
                    ArrayNode environment = (ArrayNode) root.path("variables").path("wardEnvironment");
                    ((ObjectNode) environment.get(3)).put("name", "WARD_GRAPH_TENANT");
                });

        assertThat(unknownVariables(broken)).hasSize(2) // the service and the scan job share the variable
                .allMatch(problem -> problem.contains("WARD_GRAPH_TENANT is no setting"));
    }

    @Test
    void anOutputNamedAfterAMissingSettingBreaksTheBuild() {
        ArmTemplate broken = ArmTemplate.main().broken("output for a setting Ward does not have",
                root -> ((ObjectNode) root.path("outputs")).set("wardGraphTenant",
                        root.path("outputs").path("wardGraphTenantId").deepCopy()));

        assertThat(unknownOutputs(broken)).containsExactly("output wardGraphTenant (WARD_GRAPH_TENANT) is no setting of"
                + " Ward or Spring Boot");
    }

    @Test
    void aVariableBuiltOutOfSightOfTheCheckBreaksTheBuild() {
        ArmTemplate broken = ArmTemplate.main().broken("env name from an expression",
                root -> ((ObjectNode) TemplatesMatchMicrosoftSchemasTest.resource(root, "Microsoft.App/jobs")
                        .path("properties").path("template").path("containers").get(0))
                        .put("env", "[createArray(createObject('name', toUpper('ward_graph_cloud'), 'value', 'global'))]"));

        try {
            WardSettings.containerEnvironment(broken);
            throw new AssertionError("an environment variable whose name is computed must be refused");
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessageContaining("createObject('name', ...) needs a literal name");
        }
    }

    @Test
    void everyParameterFileGivesKnownParametersAndSecretsOnlyFromKeyVault() throws IOException {
        ArmTemplate template = ArmTemplate.main();
        for (Path file : TemplatesMatchMicrosoftSchemasTest.parameterFiles()) {
            JsonNode parameters = ArmTemplate.JSON.readTree(file.toFile()).path("parameters");
            for (String name : parameters.propertyNames()) {
                JsonNode declared = template.parameters().get(name);
                assertThat(declared).as(file.getFileName() + ": " + name + " is a parameter of the template").isNotNull();
                JsonNode allowed = declared.path("allowedValues");
                if (allowed.isArray() && parameters.path(name).has("value")) {
                    assertThat(allowed.values()).as(file.getFileName() + ": " + name)
                            .contains(parameters.path(name).path("value"));
                }
                if (declared.path("type").asString("").equalsIgnoreCase("securestring")) {
                    assertThat(parameters.path(name).has("reference"))
                            .as(file.getFileName() + ": secret " + name + " comes from Key Vault, never as a value").isTrue();
                }
            }
            template.parameters().forEach((name, declared) -> {
                if (!declared.has("defaultValue")) {
                    assertThat(parameters.has(name)).as(file.getFileName() + " gives required " + name).isTrue();
                }
            });
        }
    }

    private static List<String> unknownVariables(ArmTemplate template) {
        List<String> unknown = new ArrayList<>();
        for (String[] variable : WardSettings.containerEnvironment(template)) {
            String name = variable[1];
            Optional<String> setting = SETTINGS.settingFor(name);
            if (setting.isEmpty() && !NOT_SPRING_SETTINGS.containsKey(name)) {
                unknown.add(variable[0] + ": " + name + " is no setting of Ward or Spring Boot (a renamed property?)");
            }
        }
        return unknown;
    }

    private static List<String> unknownOutputs(ArmTemplate template) {
        List<String> unknown = new ArrayList<>();
        for (String output : template.outputs().keySet()) {
            if (INFORMATIONAL_OUTPUTS.contains(output)) {
                continue;
            }
            String variable = WardSettings.environmentVariableOf(output);
            if (SETTINGS.settingFor(variable).isEmpty()) {
                unknown.add("output " + output + " (" + variable + ") is no setting of Ward or Spring Boot");
            }
        }
        return unknown;
    }
}
