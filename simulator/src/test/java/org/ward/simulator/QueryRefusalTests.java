package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Group;

import tools.jackson.databind.JsonNode;

/**
 * The simulator refuses what Graph refuses: query options naming properties Graph's model does not have, directory
 * filters Entra does not support (or supports only as advanced queries), a page larger than a directory collection
 * serves, {@code /me} without a signed-in user, and URLs that do not decode. Each answer is Graph's JSON error body.
 */
class QueryRefusalTests {

    static Simulator simulator;
    static GraphHttp graph;
    static Drive adaDrive;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        graph = SmallClinic.reader(simulator);
        adaDrive = SmallClinic.oneDrive(simulator, SmallClinic.ADA);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static String filter(String expression) {
        return "$filter=" + GraphHttp.encode(expression);
    }

    static void assertRefused(Reply reply, int status, String code, String message) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asString()).isEqualTo(code);
        assertThat(error.path("message").asString()).isEqualTo(message);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void refusesSelectOfAPropertyTheTypeDoesNotHave() {
        assertRefused(graph.get("/users?$select=displayName,shoeSize"), 400, "BadRequest",
                "Parsing OData Select and Expand failed: Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.");
    }

    @Test
    void refusesSelectOfAPropertyFromAnotherResource() {
        assertRefused(graph.get("/drives/" + adaDrive.id + "/root/children?$select=name,userPrincipalName"), 400, "BadRequest",
                "Parsing OData Select and Expand failed: Could not find a property named 'userPrincipalName' on type"
                        + " 'microsoft.graph.driveItem'.");
    }

    @Test
    void matchesSelectedPropertiesWithoutRegardToCase() {
        Reply reply = graph.get("/users?$select=DisplayName");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void letsSelectNameAPropertyOfTheUsersInADirectoryObjectCollection() {
        Group clinical = SmallClinic.group(simulator, "Clinical Recordings");

        Reply members = graph.get("/groups/" + clinical.id + "/members?$select=id,userPrincipalName,userType");

        assertThat(members.status()).as(members.text()).isEqualTo(200);
    }

    @Test
    void refusesExpandOfAnUnknownNavigationProperty() {
        assertRefused(graph.get("/drives/" + adaDrive.id + "/root?$expand=attachments"), 400, "BadRequest",
                "Parsing OData Select and Expand failed: Could not find a property named 'attachments' on type"
                        + " 'microsoft.graph.driveItem'.");
    }

    @Test
    void refusesExpandOfAPrimitiveProperty() {
        assertRefused(graph.get("/drives/" + adaDrive.id + "/root?$expand=name"), 400, "BadRequest",
                "Parsing OData Select and Expand failed: Property 'name' on type 'microsoft.graph.driveItem' is not a"
                        + " navigation property or complex property. Only navigation properties can be expanded.");
    }

    @Test
    void checksOptionsNestedInAnExpansion() {
        String item = "/drives/" + adaDrive.id + "/root";

        assertThat(graph.get(item + "?$expand=" + GraphHttp.encode("listItem($expand=fields)")).status()).isEqualTo(200);
        assertRefused(graph.get(item + "?$expand=" + GraphHttp.encode("listItem($expand=columns2)")), 400, "BadRequest",
                "Parsing OData Select and Expand failed: Could not find a property named 'columns2' on type"
                        + " 'microsoft.graph.listItem'.");
    }

    @Test
    void refusesAFilterOnAPropertyTheTypeDoesNotHave() {
        assertRefused(graph.get("/sites/getAllSites?" + filter("shoeSize eq 9")), 400, "BadRequest",
                "Invalid filter clause: Could not find a property named 'shoeSize' on type 'microsoft.graph.site'.");
    }

    @Test
    void followsComplexTypesThroughAFilterPath() {
        assertThat(graph.get("/sites?" + filter("siteCollection/root ne null")).status()).isEqualTo(200);
        assertRefused(graph.get("/sites?" + filter("siteCollection/shoeSize ne null")), 400, "BadRequest",
                "Invalid filter clause: Could not find a property named 'shoeSize' on type 'microsoft.graph.siteCollection'.");
    }

    @Test
    void typesALambdaVariableByTheCollectionItRangesOver() {
        assertThat(graph.get("/groups?" + filter("groupTypes/any(c:c eq 'Unified')")).status()).isEqualTo(200);
        assertRefused(graph.get("/groups?" + filter("assignedLabels/any(l:l/labelName eq 'x')")), 400, "BadRequest",
                "Invalid filter clause: Could not find a property named 'labelName' on type 'microsoft.graph.assignedLabel'.");
    }

    @Test
    void refusesADirectoryFilterOnAPropertyEntraDoesNotIndex() {
        assertRefused(graph.get("/users?" + filter("jobTitle eq 'Nurse' and isManagementRestricted eq true")), 400,
                "Request_UnsupportedQuery",
                "Unsupported or invalid query filter clause specified for property 'isManagementRestricted' of resource 'User'.");
    }

    @Test
    void refusesAPropertyIndexedOnlyForAdvancedQueriesWithoutTheAdvancedParameters() {
        String officeLocation = "/users?" + filter("officeLocation eq 'Norwich'");

        assertRefused(graph.get(officeLocation), 400, "Request_UnsupportedQuery",
                "Unsupported or invalid query filter clause specified for property 'officeLocation' of resource 'User'.");
        assertThat(graph.get(officeLocation + "&$count=true", "ConsistencyLevel", "eventual").status()).isEqualTo(200);
    }

    @Test
    void refusesNegationWithoutTheAdvancedParameters() {
        String notGuests = "/users?" + filter("userType ne 'Guest'");

        assertRefused(graph.get(notGuests), 400, "Request_UnsupportedQuery", "Operator 'ne' is not supported because the"
                + " required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual"
                + " header. Refer to https://aka.ms/graph-docs/advanced-queries for more information");
        Reply advanced = graph.get(notGuests + "&$count=true", "ConsistencyLevel", "eventual");
        assertThat(advanced.status()).isEqualTo(200);
        assertThat(DirectoryTests.names(advanced)).containsExactly("Ada Lovelace", "Ben Okri", "Cara Nodrive");
    }

    @Test
    void refusesEndsWithOutsideAdvancedQueries() {
        assertRefused(graph.get("/users?" + filter("endswith(mail,'@northvale.nhs.uk')")), 400, "Request_UnsupportedQuery",
                "Operator 'endsWith' is not supported because the required parameters might be missing. Try adding"
                        + " $count=true query parameter and ConsistencyLevel:eventual header. Refer to"
                        + " https://aka.ms/graph-docs/advanced-queries for more information");
    }

    @Test
    void refusesARangeFilterOnAGroupsCreationTime() {
        assertRefused(graph.get("/groups?" + filter("createdDateTime ge 2021-11-01T00:00:00Z") + "&$count=true",
                "ConsistencyLevel", "eventual"), 400, "Request_UnsupportedQuery",
                "Unsupported or invalid query filter clause specified for property 'createdDateTime' of resource 'Group'.");
    }

    @Test
    void refusesADirectoryPageLargerThan999() {
        assertRefused(graph.get("/users?$top=1000"), 400, "Request_UnsupportedQuery",
                "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.");
        assertThat(graph.get("/users?$top=999").status()).isEqualTo(200);
    }

    @Test
    void servesItsLargestPageWhereGraphCapsInsteadOfRefusing() {
        Reply children = graph.get("/drives/" + adaDrive.id + "/root/children?$top=5000");

        assertThat(children.status()).isEqualTo(200);
    }

    @Test
    void answersMeWithoutASignedInUserWithGraphsOwnError() {
        assertRefused(graph.get("/me"), 400, "BadRequest", "/me request is only valid with delegated authentication flow.");
        assertRefused(graph.get("/me/drive/root/children"), 400, "BadRequest",
                "/me request is only valid with delegated authentication flow.");
    }

    @Test
    void answersAMalformedPercentEncodingInTheQueryWithAJson400() {
        RawHttps reply = RawHttps.get(simulator, "/v1.0/users?$filter=displayName%20eq%20'50%ZZ'", graph.token());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body()).contains("\"code\":\"BadRequest\"").contains("'%ZZ' is not a percent-encoded character");
    }

    @Test
    void answersAMalformedPercentEncodingInThePathWithAJson400() {
        RawHttps reply = RawHttps.get(simulator, "/v1.0/users/ada%ZZlovelace", graph.token());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body()).startsWith("{\"error\":{\"code\":\"BadRequest\"").contains("not followed by two hexadecimal digits");
    }

    @Test
    void answersAMalformedInnerBatchUrlWithItsOwn400() {
        Reply batch = graph.post("/$batch", "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users?$top=1\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/users/ada%ZZ\"}]}");

        assertThat(batch.status()).isEqualTo(200);
        JsonNode responses = batch.json().path("responses");
        assertThat(responses.valueStream().filter(r -> r.path("id").asString().equals("1")).findFirst().orElseThrow()
                .path("status").asInt()).isEqualTo(200);
        JsonNode second = responses.valueStream().filter(r -> r.path("id").asString().equals("2")).findFirst().orElseThrow();
        assertThat(second.path("status").asInt()).isEqualTo(400);
        assertThat(second.path("body").path("error").path("code").asString()).isEqualTo("BadRequest");
    }
}
