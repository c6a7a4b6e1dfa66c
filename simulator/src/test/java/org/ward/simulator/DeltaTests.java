package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.tenant.Site;

/**
 * {@code /drives/{id}/root/delta}: enumeration and paging, change rounds, {@code token=latest}, timestamp tokens,
 * 410 resync. Each test works on a library of its own on the Intranet site, so tests do not see each other.
 */
class DeltaTests {

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

    /** A new library holding a folder "Recordings" with a.mp4 and b.mp4, and c.docx at the root. */
    static Drive library() {
        Drive drive = simulator.changes().createDrive(intranet.id, "Library " + ++libraries, "documentLibrary", null, null,
                clock.instant(), intranet.webUrl + "/Library" + libraries);
        Item recordings = simulator.changes().addFolder(drive.id, drive.rootId, "Recordings", null, null);
        simulator.changes().addFile(drive.id, recordings.id, NewFile.named("a.mp4", "a"));
        simulator.changes().addFile(drive.id, recordings.id, NewFile.named("b.mp4", "b"));
        simulator.changes().addFile(drive.id, drive.rootId, NewFile.named("c.docx", "c"));
        return drive;
    }

    static String delta(Drive drive) {
        return "/drives/" + drive.id + "/root/delta";
    }

    static Item item(Drive drive, String name) {
        return SmallClinic.item(simulator, drive, name);
    }

    @Test
    void refusesToExpandListItemsAsARealTenantDoes() {
        Drive drive = library();

        Reply reply = graph.get(delta(drive) + "?$select=id,name&$expand=" + GraphHttp.encode("listItem($expand=fields)"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("badArgument");
        assertThat(reply.json().path("error").path("message").asString())
                .isEqualTo("One of the provided arguments is not acceptable.");
    }

    @Test
    void refusesToExpandPermissionsAsARealTenantDoes() {
        Drive drive = library();

        Reply reply = graph.get(delta(drive) + "?$expand=permissions");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("notSupported");
        assertThat(reply.json().path("error").path("message").asString()).isEqualTo("Permission is not supported in this item.");
    }

    @Test
    void anItemReadAloneCarriesItsRetentionLabelAndColumns() {
        Drive drive = library();
        Item a = item(drive, "a.mp4");

        Reply reply = graph.get("/drives/" + drive.id + "/items/" + a.id + "?$select=id&$expand="
                + GraphHttp.encode("retentionLabel,listItem($expand=fields)"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("retentionLabel")).isTrue();
        assertThat(reply.json().path("listItem").path("fields").path("FileLeafRef").asString()).isEqualTo("a.mp4");
    }

    @Test
    void enumeratesEveryItemAcrossPagesOfTop() {
        Drive drive = library();

        DeltaRound round = DeltaRound.follow(graph, delta(drive) + "?$top=2");

        assertThat(round.pages()).isEqualTo(3);
        assertThat(round.names()).containsExactly("root", "Recordings", "a.mp4", "b.mp4", "c.docx");
        assertThat(round.deltaLink()).startsWith(simulator.info().graphBaseUrl() + delta(drive) + "?token=");
    }

    @Test
    void keepsTheTopOfTheFirstRequestInEveryNextLink() {
        Drive drive = library();

        Reply first = graph.get(delta(drive) + "?$top=2");

        assertThat(first.json().path("value")).hasSize(2);
        assertThat(first.json().path("@odata.nextLink").asString()).contains("$top=2");
    }

    @Test
    void finishesARoundWhoseItemsChangeBetweenPagesAndReportsTheChangesInTheNextRound() {
        Drive drive = library();
        Item c = item(drive, "c.docx");

        DeltaRound first = DeltaRound.follow(graph, delta(drive) + "?$top=1", () -> {
            simulator.changes().rename(drive.id, c.id, "c renamed.docx");
            simulator.changes().addFile(drive.id, drive.rootId, NewFile.named("d.docx", "d"));
        });
        DeltaRound next = DeltaRound.follow(graph, first.deltaLink());

        assertThat(first.names()).doesNotContain("d.docx", "c renamed.docx");
        assertThat(next.names()).containsExactly("c renamed.docx", "d.docx");
    }

    @Test
    void reportsAnAddedFileInTheNextRound() {
        Drive drive = library();
        String link = DeltaRound.follow(graph, delta(drive)).deltaLink();
        Item added = simulator.changes().addFileAt(drive.id, "/Recordings", NewFile.named("new.mp4", "new"));

        DeltaRound next = DeltaRound.follow(graph, link);

        assertThat(next.ids()).containsExactly(added.id);
        assertThat(next.item(added.id).path("parentReference").path("id").asString()).isEqualTo(item(drive, "Recordings").id);
    }

    @Test
    void reportsARenamedFileUnderItsNewName() {
        Drive drive = library();
        String link = DeltaRound.follow(graph, delta(drive)).deltaLink();
        Item a = item(drive, "a.mp4");
        simulator.changes().rename(drive.id, a.id, "consultation.mp4");

        DeltaRound next = DeltaRound.follow(graph, link);

        assertThat(next.ids()).containsExactly(a.id);
        assertThat(next.item(a.id).path("name").asString()).isEqualTo("consultation.mp4");
    }

    @Test
    void reportsAMovedFileUnderItsNewParent() {
        Drive drive = library();
        String link = DeltaRound.follow(graph, delta(drive)).deltaLink();
        Item c = item(drive, "c.docx");
        simulator.changes().move(drive.id, c.id, item(drive, "Recordings").id);

        DeltaRound next = DeltaRound.follow(graph, link);

        assertThat(next.ids()).containsExactly(c.id);
        assertThat(next.item(c.id).path("parentReference").path("id").asString()).isEqualTo(item(drive, "Recordings").id);
        assertThat(next.item(c.id).path("parentReference").has("path")).as("delta never sends parentReference.path").isFalse();
    }

    @Test
    void reportsADeletedFolderAndItsFilesWithTheDeletedFacet() {
        Drive drive = library();
        String link = DeltaRound.follow(graph, delta(drive)).deltaLink();
        Item recordings = item(drive, "Recordings");
        Item a = item(drive, "a.mp4");
        Item b = item(drive, "b.mp4");
        simulator.changes().delete(drive.id, recordings.id);

        DeltaRound next = DeltaRound.follow(graph, link);

        assertThat(next.ids()).containsExactlyInAnyOrder(recordings.id, a.id, b.id);
        assertThat(next.items()).allSatisfy(i -> assertThat(i.path("deleted").path("state").asString()).isEqualTo("deleted"));
        assertThat(next.item(recordings.id).has("folder")).isTrue();
    }

    @Test
    void answersTokenLatestWithAnEmptyPageAndADeltaLinkForLaterChanges() {
        Drive drive = library();

        Reply latest = graph.get(delta(drive) + "?token=latest");
        Item added = simulator.changes().addFile(drive.id, drive.rootId, NewFile.named("later.docx", "later"));

        assertThat(latest.json().path("value")).isEmpty();
        assertThat(latest.json().has("@odata.nextLink")).isFalse();
        assertThat(DeltaRound.follow(graph, latest.json().path("@odata.deltaLink").asString()).ids()).containsExactly(added.id);
    }

    @Test
    void answersATimestampTokenWithWhatChangedSinceThen() {
        Drive drive = library();
        clock.advance(Duration.ofMinutes(5));
        Instant since = clock.instant();
        Item b = item(drive, "b.mp4");
        simulator.changes().rename(drive.id, b.id, "b renamed.mp4");
        Item added = simulator.changes().addFile(drive.id, drive.rootId, NewFile.named("e.docx", "e"));

        DeltaRound round = DeltaRound.follow(graph, delta(drive) + "?token=" + GraphHttp.encode(since.toString()));

        assertThat(round.ids()).containsExactly(b.id, added.id);
    }

    @Test
    void answers410ResyncWithALocationThatRestartsEnumerationOnceTokensAreInvalidated() {
        Drive drive = library();
        String link = DeltaRound.follow(graph, delta(drive)).deltaLink();
        simulator.changes().invalidateDeltaTokens(drive.id);

        Reply gone = graph.get(link);

        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().path("error").path("code").asString()).isEqualTo("resyncChangesApplyDifferences");
        assertThat(DeltaRound.follow(graph, gone.header("Location")).names())
                .containsExactly("root", "Recordings", "a.mp4", "b.mp4", "c.docx");
    }

    @Test
    void answers410ToATokenAnotherSimulatorIssued() {
        Drive ada = SmallClinic.oneDrive(simulator, SmallClinic.ADA);
        String foreign;
        try (Simulator other = SmallClinic.start()) {
            foreign = DeltaRound.follow(SmallClinic.reader(other), delta(ada)).deltaLink();
        }
        String here = simulator.info().graphBaseUrl() + foreign.substring(foreign.indexOf(delta(ada)));

        Reply reply = graph.get(here);

        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("resyncChangesApplyDifferences");
    }

    @Test
    void refusesDeltaOnAFolderOtherThanTheRoot() {
        Drive drive = library();

        Reply reply = graph.get("/drives/" + drive.id + "/items/" + item(drive, "Recordings").id + "/delta");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("invalidRequest");
    }
}
