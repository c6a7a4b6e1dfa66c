package org.ward.connector.inventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ward.connector.inventory.DeltaPage;
import org.ward.rules.facts.ItemRecord;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11 §4: a delta page where one item has a malformed value loses that item, says so, and keeps the rest. The
 * page's shape is driveItem's as Microsoft's delta example shows it.
 */
class DriveDeltaJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String item(String id, String name, String modified, String extra) {
        return """
                {"id": "%s", "name": "%s", "parentReference": {"id": "root-id", "driveId": "d1"}, "size": 1200,
                 "createdDateTime": "2026-11-30T09:00:00Z", "lastModifiedDateTime": "%s",
                 "file": {"mimeType": "video/mp4", "hashes": {"quickXorHash": "abc="}}%s}"""
                .formatted(id, name, modified, extra);
    }

    private static DeltaPage page(String... items) {
        String json = "{\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#Collection(driveItem)\","
                + " \"@odata.deltaLink\": \"https://graph.microsoft.com/v1.0/drives/d1/root/delta?token=t1\", \"value\": ["
                + String.join(",", items) + "]}";
        try (JsonParser parser = JSON.createParser(json)) {
            return DriveDeltaJson.page(parser, "d1");
        }
    }

    @Test
    void aPageWithOneMalformedDateKeepsEveryOtherItem() {
        DeltaPage page = page(item("i1", "Consultation 1.mp4", "2026-12-01T10:00:00Z", ""),
                item("i2", "Consultation 2.mp4", "yesterday afternoon", ""),
                item("i3", "Consultation 3.mp4", "2026-12-01T11:00:00Z", ""));

        assertThat(page.items()).extracting(ItemRecord::itemId).containsExactly("i1", "i3");
        assertThat(page.unreadable()).extracting(DeltaPage.Unreadable::itemId).containsExactly("i2");
        assertThat(page.deltaLink()).endsWith("token=t1");
    }

    @Test
    void aFacetThatIsNotAnObjectLosesOnlyItsItemEvenWithNestedObjectsAfterIt() {
        DeltaPage page = page(item("i1", "a.mp4", "2026-12-01T10:00:00Z", ", \"video\": \"broken\", \"audio\": {\"duration\": 5}"),
                item("i2", "b.mp4", "2026-12-01T10:00:00Z", ", \"video\": {\"duration\": 60000}"));

        assertThat(page.items()).extracting(ItemRecord::itemId).containsExactly("i2");
        assertThat(page.unreadable()).extracting(DeltaPage.Unreadable::itemId).containsExactly("i1");
    }

    @Test
    void theReasonNamesTheFieldButNeverItsValue() {
        DeltaPage page = page(item("i1", "Mole check 943 476 5919.heic", "943 476 5919", ""));

        assertThat(page.unreadable()).singleElement().satisfies(unreadable -> {
            assertThat(unreadable.reason()).isEqualTo("its lastModifiedDateTime is not a date and time");
            assertThat(unreadable.reason()).doesNotContain("943");
        });
    }

    @Test
    void aSizeThatIsNotANumberIsNamed() {
        DeltaPage page = page(item("i1", "a.mp4", "2026-12-01T10:00:00Z", "").replace("\"size\": 1200", "\"size\": \"big\""));

        assertThat(page.unreadable()).extracting(DeltaPage.Unreadable::reason).containsExactly("its size is not a number");
    }

    @Test
    void aPageThatIsNotJsonStillFailsAsAWhole() {
        assertThatThrownBy(() -> page(item("i1", "a.mp4", "2026-12-01T10:00:00Z", "").replace("\"size\": 1200", "\"size\": 12,,")))
                .isInstanceOf(RuntimeException.class);
    }
}
