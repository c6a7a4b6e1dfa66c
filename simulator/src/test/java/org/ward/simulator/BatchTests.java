package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.tenant.Drive;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;

import tools.jackson.databind.JsonNode;

/** JSON batching: at most 20 requests, unique ids, dependsOn and 424, a status per request, Content-Type with a body. */
class BatchTests {

    static Simulator simulator;
    static GraphHttp reader;
    static GraphHttp fullControl;
    static String file;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        reader = SmallClinic.reader(simulator);
        fullControl = SmallClinic.fullControl(simulator);
        Drive intranet = SmallClinic.library(simulator, "Intranet");
        file = "/drives/" + intranet.id + "/items/" + SmallClinic.item(simulator, intranet, "Staff handbook.docx").id;
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** The inner responses ordered by id, whatever order Graph chose. */
    static List<JsonNode> byId(Reply batch) {
        List<JsonNode> responses = new ArrayList<>();
        batch.json().path("responses").forEach(responses::add);
        responses.sort(Comparator.comparing(r -> r.path("id").asString()));
        return responses;
    }

    static String gets(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/users\"}")
                .collect(Collectors.joining(",", "{\"requests\":[", "]}"));
    }

    @Test
    void answersTwentyRequests() {
        Reply batch = reader.post("/$batch", gets(20));

        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.json().path("responses")).hasSize(20);
    }

    @Test
    void refusesTwentyOneRequests() {
        Reply batch = reader.post("/$batch", gets(21));

        assertThat(batch.status()).isEqualTo(400);
        assertThat(batch.json().path("error").path("code").asString()).isEqualTo("BadRequest");
    }

    @Test
    void refusesIdsThatDifferOnlyInCase() {
        Reply batch = reader.post("/$batch", "{\"requests\":[{\"id\":\"a\",\"method\":\"GET\",\"url\":\"/users\"},"
                + "{\"id\":\"A\",\"method\":\"GET\",\"url\":\"/groups\"}]}");

        assertThat(batch.status()).isEqualTo(400);
    }

    @Test
    void refusesARequestWithABodyButNoContentType() {
        Reply batch = fullControl.post("/$batch", "{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\""
                + file + "/createLink\",\"body\":{\"type\":\"view\",\"scope\":\"organization\"}}]}");

        assertThat(batch.status()).isEqualTo(400);
    }

    @Test
    void runsARequestAfterTheOneItDependsOnWhateverTheOrderSent() {
        Reply batch = fullControl.post("/$batch", "{\"requests\":["
                + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"" + file + "/permissions\",\"dependsOn\":[\"2\"]},"
                + "{\"id\":\"2\",\"method\":\"POST\",\"url\":\"" + file + "/createLink\","
                + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"type\":\"edit\",\"scope\":\"anonymous\"}}]}");

        List<JsonNode> responses = byId(batch);
        String created = responses.get(1).path("body").path("id").asString();
        assertThat(responses.get(1).path("status").asInt()).isEqualTo(201);
        assertThat(responses.get(0).path("body").path("value")).extracting(p -> p.path("id").asString()).contains(created);
    }

    @Test
    void answers424ForEveryRequestThatDependsOnAFailedOne() {
        Reply batch = reader.post("/$batch", "{\"requests\":["
                + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/drives/b!nosuchdrive/items/root\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/users\",\"dependsOn\":[\"1\"]},"
                + "{\"id\":\"3\",\"method\":\"GET\",\"url\":\"/groups\",\"dependsOn\":[\"2\"]}]}");

        assertThat(batch.status()).isEqualTo(200);
        assertThat(byId(batch)).extracting(r -> r.path("status").asInt()).containsExactly(404, 424, 424);
    }

    @Test
    void givesEachRequestItsOwnStatusAndBody() {
        Reply batch = reader.post("/$batch", "{\"requests\":["
                + "{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users?$top=1\"},"
                + "{\"id\":\"2\",\"method\":\"GET\",\"url\":\"" + file + "/children/nope\"},"
                + "{\"id\":\"3\",\"method\":\"POST\",\"url\":\"" + file + "/createLink\","
                + "\"headers\":{\"Content-Type\":\"application/json\"},\"body\":{\"type\":\"view\"}}]}");

        List<JsonNode> responses = byId(batch);
        assertThat(batch.status()).isEqualTo(200);
        assertThat(responses).extracting(r -> r.path("status").asInt()).containsExactly(200, 400, 403);
        assertThat(responses.get(0).path("body").path("value")).hasSize(1);
        assertThat(responses.get(2).path("body").path("error").path("code").asString()).isEqualTo("accessDenied");
    }

    @Test
    void answersInTheDocumentedEnvelope() throws IOException {
        Reply batch = reader.post("/$batch", gets(2));

        assertThat(envelope(Reply.parse(example("json-batching.json")))).isEqualTo(envelope(batch.json()));
        assertThat(byId(batch).get(0).path("headers").path("Content-Type").asString()).startsWith("application/json");
    }

    @Test
    void answersABatchTheSdkReads() throws IOException {
        GraphServiceClient sdk = SdkClients.graph(simulator);
        BatchRequestContent content = new BatchRequestContent(sdk);
        String users = content.addBatchRequestStep(sdk.users().toGetRequestInformation());
        String missing = content.addBatchRequestStep(sdk.drives().byDriveId("b!nosuchdrive").toGetRequestInformation());

        BatchResponseContent response = sdk.getBatchRequestBuilder().post(content, null);

        assertThat(response.getResponsesStatusCode()).containsEntry(users, 200).containsEntry(missing, 404);
        UserCollectionResponse page = response.getResponseById(users, UserCollectionResponse::createFromDiscriminatorValue);
        assertThat(page.getValue()).isNotEmpty();
        assertThat(SdkModels.unknownProperties(new String(response.getResponseStreamById(users).readAllBytes(),
                StandardCharsets.UTF_8), UserCollectionResponse::createFromDiscriminatorValue)).isEmpty();
    }

    /** The batch envelope's paths: responses and each response's id, status, headers, body, not what is inside. */
    private static Set<String> envelope(JsonNode batch) {
        Set<String> paths = new TreeSet<>();
        for (String path : JsonPaths.of(batch)) {
            if (path.chars().filter(c -> c == '.').count() <= 1) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static String example(String file) throws IOException {
        try (InputStream in = BatchTests.class.getResourceAsStream("/graph-docs/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
