package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.labels.NationalCloud;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.tenant.Site;
import org.ward.simulator.tenant.SharePointGuid;

import tools.jackson.databind.JsonNode;

/**
 * {@code /sites/{id}/lists/{id}/items/delta} (Microsoft's listitem-delta): a document library's items as list items,
 * paged, with tokens, 410 resync, deletions, {@code fields} with internal names and the retention-label columns, and
 * the refusals. Each test works on a library of its own on the Intranet site.
 */
class ListItemDeltaTests {

    static final String FIELDS = "fields($select=_ComplianceTag,ConsentRecorded,Consent_x0020_Reference)";

    static TestClock clock = TestClock.atNow();
    static Simulator simulator;
    static GraphHttp graph;
    static Site intranet;
    static int libraries;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start(Simulator.builder().clock(clock));
        graph = SmallClinic.reader(simulator);
        intranet = SmallClinic.site(simulator, "Intranet");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** A new library holding a folder "Recordings" with a.mp4 (labelled, with columns) and b.mp4, and c.docx. */
    static Drive library() {
        Drive drive = simulator.changes().createDrive(intranet.id, "Lists " + ++libraries, "documentLibrary", null, null,
                clock.instant(), intranet.webUrl + "/Lists" + libraries);
        Item recordings = simulator.changes().addFolder(drive.id, drive.rootId, "Recordings", null, null);
        Item a = simulator.changes().addFile(drive.id, recordings.id, NewFile.named("a.mp4", "a")
                .withColumns(Map.of("ConsentRecorded", "Yes", "Consent Reference", "CF-1")));
        simulator.changes().setRetentionLabel(drive.id, a.id, "Clinical Recording - 8 Years", null, "retain");
        simulator.changes().addFile(drive.id, recordings.id, NewFile.named("b.mp4", "b"));
        simulator.changes().addFile(drive.id, drive.rootId, NewFile.named("c.docx", "c"));
        return drive;
    }

    static String delta(Drive drive) {
        return "/sites/" + intranet.id + "/lists/" + SharePointGuid.listIdOf(drive) + "/items/delta";
    }

    static Item item(Drive drive, String name) {
        return SmallClinic.item(simulator, drive, name);
    }

    static JsonNode byId(DeltaRound round, Item item) {
        return round.item(String.valueOf(item.listItemId()));
    }

    @Test
    void enumeratesTheLibrarysItemsAsListItemsAcrossPages() {
        Drive drive = library();

        DeltaRound round = DeltaRound.follow(graph, delta(drive) + "?$top=2");

        assertThat(round.pages()).isEqualTo(2);
        assertThat(round.ids()).hasSize(4).doesNotHaveDuplicates();
        assertThat(round.deltaLink()).startsWith(simulator.info().graphBaseUrl() + delta(drive) + "?token=");
        JsonNode a = byId(round, item(drive, "a.mp4"));
        assertThat(a.path("contentType").path("name").asString()).isEqualTo("Document");
        assertThat(a.path("parentReference").path("siteId").asString()).isEqualTo(intranet.id);
        assertThat(a.has("fields")).as("fields only when expanded").isFalse();
    }

    @Test
    void theListItemIdIsTheDriveItemsSharepointIdsListItemId() {
        Drive drive = library();
        Item a = item(drive, "a.mp4");

        JsonNode ids = graph.get("/drives/" + drive.id + "/items/" + a.id + "?$select=id,sharepointIds").json()
                .path("sharepointIds");

        assertThat(ids.path("listItemId").asString()).isEqualTo(String.valueOf(a.listItemId()));
        assertThat(ids.path("listId").asString()).isEqualTo(SharePointGuid.listIdOf(drive));
        assertThat(byId(DeltaRound.follow(graph, delta(drive)), a).path("id").asString()).isEqualTo(ids.path("listItemId").asString());
    }

    @Test
    void selectedFieldsCarryTheRetentionLabelAndColumnsByInternalName() {
        Drive drive = library();

        DeltaRound round = DeltaRound.follow(graph, delta(drive) + "?$select=id,deleted&$expand=" + GraphHttp.encode(FIELDS));

        JsonNode a = byId(round, item(drive, "a.mp4")).path("fields");
        assertThat(a.path("_ComplianceTag").asString()).isEqualTo("Clinical Recording - 8 Years");
        assertThat(a.path("ConsentRecorded").asString()).isEqualTo("Yes");
        assertThat(a.path("Consent_x0020_Reference").asString()).isEqualTo("CF-1");
        assertThat(a.has("FileLeafRef")).as("only what was selected").isFalse();
        JsonNode b = byId(round, item(drive, "b.mp4")).path("fields");
        assertThat(b.path("_ComplianceTag").asString()).isEmpty();
        assertThat(b.has("ConsentRecorded")).as("a column without a value is left out").isFalse();
        assertThat(byId(round, item(drive, "b.mp4")).has("eTag")).as("$select applies to the list item").isFalse();
    }

    @Test
    void defaultFieldsIncludeTheRetentionLabelColumns() {
        Drive drive = library();

        DeltaRound round = DeltaRound.follow(graph, delta(drive) + "?$expand=fields");

        JsonNode fields = byId(round, item(drive, "b.mp4")).path("fields");
        assertThat(fields.path("FileLeafRef").asString()).isEqualTo("b.mp4");
        assertThat(fields.has("_ComplianceTag")).isTrue();
        assertThat(fields.has("_ComplianceFlags")).isTrue();
        assertThat(fields.has("_ComplianceTagWrittenTime")).isTrue();
        assertThat(fields.has("_ComplianceTagUserId")).isTrue();
    }

    @Test
    void aDeltaLinkReportsChangesAndDeletionsButNotSharing() {
        Drive drive = library();
        DeltaRound first = DeltaRound.follow(graph, delta(drive));
        Item b = item(drive, "b.mp4");
        Item c = item(drive, "c.docx");
        simulator.changes().setColumns(drive.id, b.id, Map.of("ConsentRecorded", "No"));
        simulator.changes().delete(drive.id, c.id);
        simulator.changes().createLink(drive.id, item(drive, "a.mp4").id, "view", "organization", null, false, null);

        DeltaRound second = DeltaRound.follow(graph, first.deltaLink());

        assertThat(second.ids()).containsExactly(String.valueOf(b.listItemId()), String.valueOf(c.listItemId()));
        assertThat(byId(second, c).path("deleted").path("state").asString()).isEqualTo("deleted");
    }

    @Test
    void aChangeWrittenWithoutANewVersionReachesListItemDeltaOnly() {
        Drive drive = library();
        String driveLink = DeltaRound.follow(graph, "/drives/" + drive.id + "/root/delta").deltaLink();
        String listLink = DeltaRound.follow(graph, delta(drive)).deltaLink();
        Item b = item(drive, "b.mp4");

        simulator.changes().updateFieldsWithoutNewVersion(drive.id, b.id, Map.of("ConsentRecorded", "Yes"));

        assertThat(DeltaRound.follow(graph, driveLink).ids()).isEmpty();
        assertThat(DeltaRound.follow(graph, listLink).ids()).containsExactly(String.valueOf(b.listItemId()));
    }

    @Test
    void tokenLatestAnswersNoItemsAndALink() {
        Drive drive = library();

        Reply reply = graph.get(delta(drive) + "?token=latest");

        assertThat(reply.json().path("value")).isEmpty();
        assertThat(reply.json().path("@odata.deltaLink").asString()).contains("token=");
    }

    @Test
    void anInvalidatedTokenAnswers410WithAFreshStart() {
        Drive drive = library();
        String link = DeltaRound.follow(graph, delta(drive)).deltaLink();
        simulator.changes().invalidateDeltaTokens(drive.id);

        Reply reply = graph.get(link);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("resyncChangesApplyDifferences");
        assertThat(reply.header("Location")).endsWith(delta(drive));
    }

    @Test
    void costsTwoUnitsWithoutATokenAndOneWithOne() {
        Drive drive = library();
        simulator.requestLog().clear();

        DeltaRound.follow(graph, delta(drive) + "?$top=2");

        assertThat(simulator.requestLog().entries()).extracting(e -> e.resourceUnits()).containsExactly(2, 1);
    }

    @Test
    void refusesExpansionsOtherThanFields() {
        Drive drive = library();

        Reply reply = graph.get(delta(drive) + "?$expand=driveItem");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("badArgument");
    }

    @Test
    void refusesAnAppWithFilesPermissionsOnly() {
        Drive drive = library();

        Reply reply = SmallClinic.files(simulator).get(delta(drive));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("accessDenied");
    }

    @Test
    void anUnknownListIsNotFound() {
        Reply reply = graph.get("/sites/" + intranet.id + "/lists/00000000-0000-0000-0000-000000000000/items/delta");

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void nationalCloudsDoNotServeListItemDelta() {
        try (Simulator usGov = SmallClinic.start(Simulator.builder().cloud(NationalCloud.US_GOV_L4))) {
            Site site = SmallClinic.site(usGov, "Intranet");
            Drive drive = usGov.tenant().read(() -> usGov.tenant().drive(site.driveIds.get(0)));

            Reply reply = SmallClinic.reader(usGov).get("/sites/" + site.id + "/lists/" + SharePointGuid.listIdOf(drive)
                    + "/items/delta");

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json().path("error").path("message").asString())
                    .isEqualTo("Resource not found for the segment 'delta'.");
        }
    }
}
