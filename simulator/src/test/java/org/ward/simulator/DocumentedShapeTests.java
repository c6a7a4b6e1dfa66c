package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * Fidelity of simulated responses, table-driven: every row's answer must read into the official SDK model with
 * nothing left in {@code additionalData}, and must carry every field of Microsoft's documented example except
 * those the row says it omits on purpose. Each call is made once per class and both checks read that answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DocumentedShapeTests {

    protected Simulator simulator;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    /** The rows; called after {@link #prepare()}. */
    protected abstract Stream<Shape> shapes();

    protected Simulator start() {
        return SmallClinic.start();
    }

    /** Sets up what the rows need (ids, extra items, tokens). */
    protected void prepare() {
    }

    @BeforeAll
    final void startSimulator() {
        simulator = start();
        prepare();
    }

    @AfterAll
    final void stopSimulator() {
        simulator.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsIntoTheSdkModelWithNothingLeftInAdditionalData(Shape shape) {
        Reply reply = reply(shape);

        assertThat(reply.status()).as(reply.text()).isEqualTo(shape.status());
        assertThat(SdkModels.unknownProperties(reply.text(), shape.model())).as("unknown to the SDK models").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void carriesEveryDocumentedFieldExceptThoseOmittedOnPurpose(Shape shape) {
        Set<String> missing = new TreeSet<>(JsonPaths.of(documentedExample(shape)));
        missing.removeAll(JsonPaths.of(reply(shape).json()));

        assertThat(missing).as("documented fields of %s absent from the reply", shape.docFile())
                .containsExactlyInAnyOrderElementsOf(shape.omitted().keySet());
    }

    private Reply reply(Shape shape) {
        return replies.computeIfAbsent(shape.name(), name -> shape.request().get());
    }

    private static JsonNode documentedExample(Shape shape) {
        try (InputStream in = DocumentedShapeTests.class.getResourceAsStream("/graph-docs/" + shape.docFile())) {
            JsonNode example = Reply.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return shape.docPointer().isEmpty() ? example : example.at(shape.docPointer());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
