package org.ward.connector.labels.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.connector.graph.BatchOutcome;

/**
 * extractSensitivityLabels is read with and without the {@code value} wrapper (issue 11 §4): Microsoft's page shows
 * {@code {"labels": [...]}}; some tenants answer {@code {"value": {"labels": [...]}}}.
 */
class ExtractSensitivityLabelsShapesTests {

    private static final String LABEL = "{\"sensitivityLabelId\": \"f42aa342-8706-4288-bd11-ebb85995028c\","
            + " \"assignmentMethod\": \"standard\", \"tenantId\": \"cfa38f1b-67c5-4a3a-8bd3-7b3b6f2d9f61\"}";

    @Test
    void readsTheDocumentedShape() {
        assertThat(FileSensitivityLabels.labelId(answer("{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata"
                + "#microsoft.graph.extractSensitivityLabelsResult\", \"labels\": [" + LABEL + "]}")))
                .isEqualTo("f42aa342-8706-4288-bd11-ebb85995028c");
    }

    @Test
    void readsTheShapeWrappedInValue() {
        assertThat(FileSensitivityLabels.labelId(answer("{\"value\": {\"labels\": [" + LABEL + "]}}")))
                .isEqualTo("f42aa342-8706-4288-bd11-ebb85995028c");
    }

    @Test
    void noLabelInEitherShapeIsNone() {
        assertThat(FileSensitivityLabels.labelId(answer("{\"labels\": []}"))).isNull();
        assertThat(FileSensitivityLabels.labelId(answer("{\"value\": {\"labels\": []}}"))).isNull();
    }

    private static BatchOutcome answer(String body) {
        return new BatchOutcome("1", "POST /drives/d/items/i/extractSensitivityLabels", 200,
                Map.of("Content-Type", "application/json"), body);
    }
}
