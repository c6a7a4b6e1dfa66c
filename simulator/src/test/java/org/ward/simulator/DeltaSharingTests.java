package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.tenant.SharingPermission;
import org.ward.simulator.tenant.Site;

/**
 * The sharing preferences of delta: {@code Prefer: hierarchicalsharing} and {@code deltashowsharingchanges} (with
 * its two companions) need Sites.FullControl.All, and mark items whose sharing changed.
 */
class DeltaSharingTests {

    static final String[] SHOW_SHARING_CHANGES = {"Prefer", "deltashowremovedasdeleted, deltatraversepermissiongaps,"
            + " deltashowsharingchanges"};
    static final String[] HIERARCHICAL = {"Prefer", "hierarchicalsharing"};
    /** What a scanner sends (Microsoft's scan guidance): all four preferences in one header. */
    static final String[] SCANNER = {"Prefer", "deltashowremovedasdeleted, deltatraversepermissiongaps,"
            + " deltashowsharingchanges, hierarchicalsharing"};

    static Simulator simulator;
    static GraphHttp reader;
    static GraphHttp fullControl;
    static Site intranet;
    static int libraries;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        reader = SmallClinic.reader(simulator);
        fullControl = SmallClinic.fullControl(simulator);
        intranet = SmallClinic.site(simulator, "Intranet");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** A new library: folder "Recordings" with a.mp4 and b.mp4. */
    static Drive library() {
        Drive drive = simulator.changes().createDrive(intranet.id, "Shared library " + ++libraries, "documentLibrary",
                null, null, null, intranet.webUrl + "/Shared" + libraries);
        Item recordings = simulator.changes().addFolder(drive.id, drive.rootId, "Recordings", null, null);
        simulator.changes().addFile(drive.id, recordings.id, NewFile.named("a.mp4", "a"));
        simulator.changes().addFile(drive.id, recordings.id, NewFile.named("b.mp4", "b"));
        return drive;
    }

    static String delta(Drive drive) {
        return "/drives/" + drive.id + "/root/delta";
    }

    @Test
    void refusesHierarchicalSharingWithoutSitesFullControl() {
        Reply reply = reader.get(delta(library()), HIERARCHICAL);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("accessDenied");
    }

    @Test
    void refusesSharingChangesWithoutSitesFullControl() {
        Reply reply = reader.get(delta(library()), SHOW_SHARING_CHANGES);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("accessDenied");
    }

    @Test
    void refusesSharingChangesWithoutTheirTwoCompanionPreferences() {
        Reply reply = fullControl.get(delta(library()), "Prefer", "deltashowsharingchanges");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("invalidRequest");
    }

    @Test
    void marksAnItemThatWasSharedAndNotOneThatWasRenamed() {
        Drive drive = library();
        String link = DeltaRound.follow(fullControl, delta(drive), SHOW_SHARING_CHANGES).deltaLink();
        Item a = SmallClinic.item(simulator, drive, "a.mp4");
        Item b = SmallClinic.item(simulator, drive, "b.mp4");
        simulator.changes().createLink(drive.id, a.id, "view", "anonymous", null, false, List.of());
        simulator.changes().rename(drive.id, b.id, "b renamed.mp4");

        DeltaRound next = DeltaRound.follow(fullControl, link, SHOW_SHARING_CHANGES);

        assertThat(next.item(a.id).path("@microsoft.graph.sharedChanged").asString()).isEqualTo("True");
        assertThat(next.item(a.id).path("shared").path("scope").asString()).isEqualTo("anonymous");
        assertThat(next.item(b.id).has("@microsoft.graph.sharedChanged")).isFalse();
    }

    @Test
    void marksAnItemWhoseOnlyLinkWasRemoved() {
        Drive drive = library();
        Item a = SmallClinic.item(simulator, drive, "a.mp4");
        SharingPermission shared = simulator.changes().createLink(drive.id, a.id, "view", "anonymous", null, false, List.of());
        String link = DeltaRound.follow(fullControl, delta(drive), SHOW_SHARING_CHANGES).deltaLink();
        simulator.changes().removePermission(drive.id, a.id, shared.id());

        DeltaRound next = DeltaRound.follow(fullControl, link, SHOW_SHARING_CHANGES);

        assertThat(next.item(a.id).path("@microsoft.graph.sharedChanged").asString()).isEqualTo("True");
        assertThat(next.item(a.id).has("shared")).isFalse();
    }

    @Test
    void sendsNoSharingAnnotationWithoutThePreference() {
        Drive drive = library();
        String link = DeltaRound.follow(fullControl, delta(drive)).deltaLink();
        Item a = SmallClinic.item(simulator, drive, "a.mp4");
        simulator.changes().createLink(drive.id, a.id, "view", "organization", null, false, List.of());

        DeltaRound next = DeltaRound.follow(fullControl, link);

        assertThat(next.item(a.id).has("@microsoft.graph.sharedChanged")).isFalse();
        assertThat(next.item(a.id).path("shared").path("scope").asString()).isEqualTo("organization");
    }

    @Test
    void reportsSharingOnlyAtTheRootOfAPermissionHierarchyWithHierarchicalSharing() {
        Drive drive = library();
        Item recordings = SmallClinic.item(simulator, drive, "Recordings");
        Item a = SmallClinic.item(simulator, drive, "a.mp4");
        simulator.changes().createLink(drive.id, recordings.id, "view", "organization", null, false, List.of());

        DeltaRound plain = DeltaRound.follow(fullControl, delta(drive));
        DeltaRound hierarchical = DeltaRound.follow(fullControl, delta(drive), HIERARCHICAL);

        assertThat(plain.item(a.id).path("shared").path("scope").asString()).as("inherited sharing").isEqualTo("organization");
        assertThat(hierarchical.item(a.id).has("shared")).isFalse();
        assertThat(hierarchical.item(recordings.id).path("shared").path("scope").asString()).isEqualTo("organization");
    }

    @Test
    void keepsAnEmptyFacetOnAnItemWhoseOnlyLinkWasRemovedWithHierarchicalSharing() {
        Drive drive = library();
        Item a = SmallClinic.item(simulator, drive, "a.mp4");
        SharingPermission shared = simulator.changes().createLink(drive.id, a.id, "view", "anonymous", null, false, List.of());
        String link = DeltaRound.follow(fullControl, delta(drive), SCANNER).deltaLink();
        simulator.changes().removePermission(drive.id, a.id, shared.id());

        DeltaRound next = DeltaRound.follow(fullControl, link, SCANNER);

        assertThat(next.item(a.id).path("@microsoft.graph.sharedChanged").asString()).isEqualTo("True");
        assertThat(next.item(a.id).path("shared").isObject()).as("unique, no longer shared").isTrue();
        assertThat(next.item(a.id).path("shared").size()).isZero();
    }

    @Test
    void dropsTheFacetOfAnItemWhoseUniquePermissionsWereDeleted() {
        Drive drive = library();
        Item a = SmallClinic.item(simulator, drive, "a.mp4");
        simulator.changes().createLink(drive.id, a.id, "view", "organization", null, false, List.of());
        String link = DeltaRound.follow(fullControl, delta(drive), SCANNER).deltaLink();
        simulator.changes().restoreInheritance(drive.id, a.id);

        DeltaRound next = DeltaRound.follow(fullControl, link, SCANNER);

        assertThat(next.item(a.id).path("@microsoft.graph.sharedChanged").asString()).isEqualTo("True");
        assertThat(next.item(a.id).has("shared")).as("inherits again").isFalse();
    }

    @Test
    void givesAnEmptyFacetToAFolderThatStoppedInheritingWithoutBeingShared() {
        Drive drive = library();
        Item recordings = SmallClinic.item(simulator, drive, "Recordings");
        simulator.changes().breakInheritance(drive.id, recordings.id);
        simulator.changes().restoreInheritance(drive.id, recordings.id);
        Item a = SmallClinic.item(simulator, drive, "a.mp4");
        simulator.changes().breakInheritance(drive.id, a.id);

        DeltaRound round = DeltaRound.follow(fullControl, delta(drive), SCANNER);

        assertThat(round.item(recordings.id).has("shared")).isFalse();
        assertThat(round.item(a.id).path("shared").path("scope").asString()).as("the site's roles, copied").isEqualTo("users");
    }

    @Test
    void annotatesFilesButNotFoldersWhoseSharingChanged() {
        Drive drive = library();
        String link = DeltaRound.follow(fullControl, delta(drive), SCANNER).deltaLink();
        Item recordings = SmallClinic.item(simulator, drive, "Recordings");
        Item a = SmallClinic.item(simulator, drive, "a.mp4");
        simulator.changes().createLink(drive.id, recordings.id, "view", "organization", null, false, List.of());
        simulator.changes().createLink(drive.id, a.id, "view", "organization", null, false, List.of());

        DeltaRound next = DeltaRound.follow(fullControl, link, SCANNER);

        assertThat(next.item(recordings.id).has("@microsoft.graph.sharedChanged")).as("msgraph-sdk-java#2548").isFalse();
        assertThat(next.item(recordings.id).path("shared").path("scope").asString()).isEqualTo("organization");
        assertThat(next.item(a.id).path("@microsoft.graph.sharedChanged").asString()).isEqualTo("True");
    }

    @Test
    void reportsAFolderWhoseSharingChangedButNotWhatItContains() {
        Drive drive = library();
        String link = DeltaRound.follow(fullControl, delta(drive), SCANNER).deltaLink();
        Item recordings = SmallClinic.item(simulator, drive, "Recordings");
        simulator.changes().grant(drive.id, recordings.id, SharingPermission.Kind.USER,
                SmallClinic.user(simulator, SmallClinic.BEN).id(), "Ben", List.of("read"), null);

        DeltaRound next = DeltaRound.follow(fullControl, link, SCANNER);

        assertThat(next.ids()).containsExactly(recordings.id);
    }

    @Test
    void annotatesFoldersTooWhenAskedTo() {
        try (Simulator annotating = SmallClinic.start(Simulator.builder().sharedChangedOnFolders(true))) {
            GraphHttp graph = SmallClinic.fullControl(annotating);
            Site site = SmallClinic.site(annotating, "Intranet");
            Drive drive = annotating.changes().createDrive(site.id, "Annotated", "documentLibrary", null, null, null,
                    site.webUrl + "/Annotated");
            Item folder = annotating.changes().addFolder(drive.id, drive.rootId, "Recordings", null, null);
            String link = DeltaRound.follow(graph, delta(drive), SCANNER).deltaLink();
            annotating.changes().createLink(drive.id, folder.id, "view", "organization", null, false, List.of());

            DeltaRound next = DeltaRound.follow(graph, link, SCANNER);

            assertThat(next.item(folder.id).path("@microsoft.graph.sharedChanged").asString()).isEqualTo("True");
        }
    }
}
