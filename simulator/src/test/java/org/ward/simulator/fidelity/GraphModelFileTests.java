package org.ward.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ward.simulator.server.GraphModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's Graph model file is exactly what the official SDK's model classes define for the types it serves.
 * After an SDK upgrade, run this test with {@code -Dward.graph-model.write=true} to rewrite the file, and read the
 * diff: a property or enum member Graph no longer has is one the simulator must stop sending.
 */
class GraphModelFileTests {

    static final Path FILE = Path.of("src/main/resources/org/ward/simulator/server/graph-model-v1.0.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theModelFileIsWhatTheSdkModelClassesDefine() throws IOException {
        JsonNode fromSdk = SdkGraphModel.of(SdkGraphModel.ROOTS);
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fromSdk) + "\n";
        if (Boolean.getBoolean("ward.graph-model.write")) {
            Files.writeString(FILE, text);
        }

        assertThat(Files.exists(FILE) ? JSON.readTree(Files.readString(FILE)) : null)
                .as("%s is not what microsoft-graph's models define; rerun with -Dward.graph-model.write=true", FILE)
                .isEqualTo(fromSdk);
    }

    @Test
    void everyTypeTheModelNamesIsInIt() {
        GraphModel model = GraphModel.v1();
        model.types().values().forEach(type -> type.properties().forEach((name, ref) -> {
            if (!ref.primitive()) {
                boolean known = model.type(ref.name()) != null || model.enumType(ref.name()) != null
                        || "entity".equals(kindOf(ref.name()));
                assertThat(known).as("%s.%s: %s", type.name(), name, ref.name()).isTrue();
            }
        }));
    }

    /** Navigation targets outside the served types are named but not described. */
    private static String kindOf(String typeName) {
        return com.microsoft.graph.models.Entity.class.isAssignableFrom(SdkGraphModel.modelClass(typeName)) ? "entity" : "complex";
    }
}
