package org.ward.armtemplates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Every template and parameter file validates against Microsoft's published ARM schemas, resolved offline. */
class TemplatesMatchMicrosoftSchemasTest {

    private final ArmSchemas schemas = ArmSchemas.get();

    @Test
    void everyTemplateIsAValidDeploymentTemplate() {
        for (ArmTemplate template : ArmTemplate.all()) {
            assertThat(schemas.validateTemplate(template)).as(template.name()).isEmpty();
        }
    }

    @Test
    void everyResourceMatchesTheSchemaOfItsTypeAndApiVersion() {
        for (ArmTemplate template : ArmTemplate.all()) {
            assertThat(schemas.validateResources(template)).as(template.name()).isEmpty();
        }
    }

    @Test
    void everyParameterFileIsAValidDeploymentParameterFile() throws IOException {
        List<Path> files = parameterFiles();
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(schemas.validateParameterFile(ArmTemplate.JSON.readTree(file.toFile()))).as(file.toString())
                    .isEmpty();
        }
    }

    @Test
    void rejectsAValueOutsideTheEnumeration() {
        ArmTemplate broken = ArmTemplate.main().broken("ingress transport misspelt",
                root -> ingress(root).put("transport", "htttp"));

        assertThat(schemas.validateResources(broken))
                .anyMatch(problem -> problem.contains("/configuration/ingress/transport"));
        assertThat(schemas.validateTemplate(broken)).isNotEmpty();
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        ArmTemplate broken = ArmTemplate.main().broken("target port as text",
                root -> ingress(root).put("targetPort", "eight thousand and eighty"));

        assertThat(schemas.validateResources(broken))
                .anyMatch(problem -> problem.contains("/configuration/ingress/targetPort"));
    }

    @Test
    void rejectsAResourceMissingARequiredProperty() {
        ArmTemplate broken = ArmTemplate.main().broken("scan job without a timeout",
                root -> ((ObjectNode) resource(root, "Microsoft.App/jobs").path("properties").path("configuration"))
                        .remove("replicaTimeout"));

        assertThat(schemas.validateResources(broken)).anyMatch(problem -> problem.contains("replicaTimeout"));
    }

    @Test
    void rejectsAValueTheServiceNoLongerAccepts() {
        // 2025-08-01 dropped "Disabled" from PostgreSQL's high-availability modes: leaving the block out is how to say it.
        ArmTemplate broken = ArmTemplate.main().broken("high availability 'Disabled'",
                root -> ((ObjectNode) resource(root, "Microsoft.DBforPostgreSQL/flexibleServers").path("properties"))
                        .putObject("highAvailability").put("mode", "Disabled"));

        assertThat(schemas.validateResources(broken))
                .anyMatch(problem -> problem.contains("/properties/highAvailability/mode"));
    }

    @Test
    void rejectsAnApiVersionWhoseSchemaIsNotKept() {
        ArmTemplate broken = ArmTemplate.main().broken("Container Apps on an apiVersion without a kept schema",
                root -> ((ObjectNode) resource(root, "Microsoft.App/containerApps")).put("apiVersion", "2024-03-01"));

        assertThat(schemas.validateResources(broken))
                .anyMatch(problem -> problem.contains("no schema is kept for Microsoft.App/containerApps apiVersion 2024-03-01"));
        assertThat(schemas.validateTemplate(broken)).isNotEmpty();
    }

    @Test
    void rejectsAPartOfAResourceWhoseSchemaDefinitionIsNotKept() {
        ArmTemplate broken = ArmTemplate.main().broken("Dapr on the service, whose definition the extract leaves out",
                root -> ((ObjectNode) resource(root, "Microsoft.App/containerApps").path("properties").path("configuration"))
                        .putObject("dapr").put("enabled", true));

        assertThat(schemas.validateResources(broken))
                .anyMatch(problem -> problem.contains("/configuration/dapr") && problem.contains("#/definitions/Dapr is not kept"));
    }

    @Test
    void rejectsAMisspeltTemplateSection() {
        ArmTemplate broken = ArmTemplate.main().broken("'output' for 'outputs'",
                root -> root.set("output", root.remove("outputs")));

        assertThat(schemas.validateTemplate(broken)).anyMatch(problem -> problem.contains("output"));
    }

    @Test
    void rejectsAParameterGivenBothAsValueAndAsKeyVaultReference() throws IOException {
        JsonNode file = ArmTemplate.JSON.readTree(parameterFiles().get(0).toFile());
        ((ObjectNode) file.path("parameters").path("installationKey")).put("value", "not-a-secret-in-a-file");

        assertThat(schemas.validateParameterFile(file)).isNotEmpty();
    }

    @Test
    void keepsASchemaForEveryTypeAndApiVersionTheTemplatesDeploy() {
        for (ArmTemplate template : ArmTemplate.all()) {
            template.resources().values().forEach(resource -> assertThat(schemas.resourceSchemas())
                    .containsKey((resource.path("type").asString("") + "@" + resource.path("apiVersion").asString(""))
                            .toLowerCase(java.util.Locale.ROOT)));
        }
    }

    static ObjectNode resource(ObjectNode root, String type) {
        for (JsonNode resource : (ArrayNode) root.path("resources")) {
            if (resource.path("type").asString("").equals(type)) {
                return (ObjectNode) resource;
            }
        }
        throw new IllegalArgumentException("no " + type + " in the template");
    }

    private static ObjectNode ingress(ObjectNode root) {
        return (ObjectNode) resource(root, "Microsoft.App/containerApps").path("properties").path("configuration")
                .path("ingress");
    }

    static List<Path> parameterFiles() throws IOException {
        try (Stream<Path> files = Files.list(ArmTemplate.directory())) {
            return files.filter(file -> file.getFileName().toString().contains(".parameters.")).sorted().toList();
        }
    }
}
