package org.ward.connector.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.scan.ScanService;
import org.ward.connector.sharing.collect.PermissionReader;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.sharing.AccessGrant;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorMain;
import org.ward.simulator.fixture.TenantGenerator;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.SharingPermission;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.TenantChanges;
import org.ward.simulator.throttle.Latency;

/**
 * Correctness first: on a generated tenant with many uniquely-permissioned items (links, grants, inheritance broken
 * below shared folders, unique permissions removed), the access Ward derives for every item — file or folder — from
 * the permission roots delta marks is exactly what Graph lists when that item's permissions are read one by one;
 * and it stays exact after the tenant's sharing changes in every way the derivation has to notice. The scans are
 * in order: the first, a rescan of the unchanged tenant, then a rescan after changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DerivedAccessTests {

    @TempDir
    static Path dataDir;

    static Simulator simulator;
    static Map<String, Object> settings;

    @BeforeAll
    static void start() {
        TenantGenerator generator = new TenantGenerator(6, 300, 3).withUniqueShare(0.08);
        simulator = Simulator.builder().latency(Latency.OFF).throttling(false)
                .tenant((clock, authority) -> generator.generate(clock, "derived-secret", SimulatorMain.FULL_PERMISSIONS))
                .start();
        settings = new java.util.HashMap<>(ScanHarness.h2(simulator, dataDir));
        // The simulator does not throttle here; Ward's own pacing would make the item-by-item reads take minutes.
        settings.put("ward.graph.resilience.resource-units-per-minute", 1_000_000);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    @Order(1)
    void firstScanReadsEachPermissionRootAndEachLibraryOnce() {
        scan();

        long roots = tenant().read(() -> tenant().drives().stream().mapToLong(d -> d.allItems().stream()
                .filter(i -> !i.deleted && i.uniquePermissions && !i.id.equals(d.rootId)).count()).sum());
        long drives = tenant().read(() -> (long) tenant().drives().size());
        assertThat(permissionReads()).isEqualTo(roots + drives);
    }

    @Test
    @Order(2)
    void derivedAccessOfEveryItemIsWhatGraphListsForIt() {
        assertDerivedEqualsRead();
    }

    @Test
    @Order(3)
    void rescanOfTheUnchangedTenantReadsNoPermissions() {
        simulator.requestLog().clear();
        scan();

        assertThat(permissionReads()).isZero();
    }

    @Test
    @Order(4)
    void derivedAccessStaysExactAfterEveryKindOfSharingChange() {
        TenantChanges changes = simulator.changes();
        Tenant tenant = tenant();
        Drive drive = tenant.read(() -> tenant.drives().stream().filter(d -> d.driveType.equals("documentLibrary"))
                .findFirst().orElseThrow());
        List<Item> files = tenant.read(() -> drive.allItems().stream().filter(i -> !i.folder && !i.deleted)
                .sorted(Comparator.comparing(i -> i.id)).toList());
        List<Item> folders = tenant.read(() -> drive.allItems().stream().filter(i -> i.folder && !i.deleted
                && !i.id.equals(drive.rootId)).sorted(Comparator.comparing(i -> i.id)).toList());
        Item top = tenant.read(() -> folders.stream().filter(f -> drive.root().id.equals(f.parentId)).findFirst().orElseThrow());
        Item sub = tenant.read(() -> folders.stream().filter(f -> top.id.equals(f.parentId)).findFirst().orElseThrow());
        List<Item> inSub = tenant.read(() -> files.stream().filter(f -> sub.id.equals(f.parentId)).toList());
        Item other = tenant.read(() -> folders.stream().filter(f -> drive.root().id.equals(f.parentId) && f != top)
                .findFirst().orElseThrow());

        // A nested root below a folder that becomes shared: its list includes what it inherits, so it is read again.
        changes.createLink(drive.id, inSub.get(0).id, "view", "users", null, false, List.of());
        changes.grant(drive.id, sub.id, SharingPermission.Kind.USER, changes.addGuest("auditor@elsewhere.example",
                "Auditor").id(), "Auditor", List.of("read"), null);
        // Inheritance broken below the shared folder, and a file given a link of its own there.
        changes.breakInheritance(drive.id, inSub.get(1).id);
        changes.createLink(drive.id, inSub.get(2).id, "edit", "organization", null, false, List.of());
        // The last link removed (the file stays unique), and unique permissions deleted (it inherits again).
        Item linked = tenant.read(() -> files.stream().filter(f -> f.uniquePermissions && f.inheritsPermissions
                && !f.permissions.isEmpty() && f.permissions.get(0).kind() == SharingPermission.Kind.LINK)
                .findFirst().orElseThrow());
        changes.removePermission(drive.id, linked.id, tenant.read(() -> linked.permissions.get(0).id()));
        Item restored = tenant.read(() -> files.stream().filter(f -> f.uniquePermissions && f != linked && f.parentId != null
                && !f.parentId.equals(sub.id)).findFirst().orElseThrow());
        changes.restoreInheritance(drive.id, restored.id);
        // A shared file moved under the shared folder; a folder with files moved into another; the library shared.
        changes.move(drive.id, tenant.read(() -> files.stream().filter(f -> f.uniquePermissions && !f.parentId.equals(sub.id)
                && f != restored && f != linked).findFirst().orElseThrow()).id, sub.id);
        changes.createLink(drive.id, other.id, "view", "anonymous", null, false, List.of());
        changes.move(drive.id, tenant.read(() -> folders.stream().filter(f -> top.id.equals(f.parentId) && f != sub)
                .findFirst().orElseThrow()).id, other.id);
        changes.grantEveryoneExceptExternalUsers(drive.id, drive.rootId, "read");

        long rootsInTheLibrary = tenant.read(() -> drive.allItems().stream().filter(i -> !i.deleted && i.uniquePermissions)
                .count());
        simulator.requestLog().clear();
        scan();

        assertThat(permissionReads()).as("only that library: what changed, and the nested roots below it")
                .isPositive().isLessThanOrEqualTo(rootsInTheLibrary + 1);
        assertDerivedEqualsRead();
    }

    @Test
    @Order(5)
    void aRootWhoseUniquePermissionsWereDeletedTakesItsFoldersAccessAgain() {
        Tenant tenant = tenant();
        Drive drive = tenant.read(() -> tenant.drives().stream().filter(d -> d.driveType.equals("documentLibrary"))
                .skip(1).findFirst().orElseThrow());
        Item folderRoot = tenant.read(() -> drive.allItems().stream().filter(i -> i.folder && !i.deleted && i.uniquePermissions
                && !i.id.equals(drive.rootId)).findFirst().orElseThrow());
        simulator.changes().restoreInheritance(drive.id, folderRoot.id);

        scan();

        assertDerivedEqualsRead();
    }

    private static Tenant tenant() {
        return simulator.tenant();
    }

    private static void scan() {
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            context.getBean(ScanService.class).scan();
        }
    }

    private static long permissionReads() {
        return simulator.requestLog().count(e -> e.inBatch() && e.path().endsWith("/permissions"));
    }

    /** For every item Ward holds, the derived access equals Graph's list for it, read there and then. */
    private static void assertDerivedEqualsRead() {
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            ItemStore items = context.getBean(ItemStore.class);
            AccessStore access = context.getBean(AccessStore.class);
            PermissionReader reader = context.getBean(PermissionReader.class);
            PolicyPack policy = context.getBean(PolicyPack.class);
            List<String> domains = policy.tenant() == null ? List.of() : policy.tenant().domains();
            long scanId = context.getBean(ScanRuns.class).latestCompleted().orElseThrow().scanId();
            Map<String, List<String>> derived = new LinkedHashMap<>();
            Map<String, List<String>> read = new LinkedHashMap<>();
            for (DiscoveredDrive drive : context.getBean(LocationStore.class).drives(scanId)) {
                EffectiveAccess effective = EffectiveAccess.of(drive.driveId(), items, access);
                List<ItemKey> keys = new ArrayList<>();
                items.items(drive.driveId(), row -> {
                    ItemKey key = new ItemKey(drive.driveId(), row.item().itemId());
                    keys.add(key);
                    derived.put(key.toString(), describe(effective.grantsOf(row.item())));
                });
                for (int i = 0; i < keys.size(); i += 20) {
                    reader.read(keys.subList(i, Math.min(keys.size(), i + 20)), domains).grants()
                            .forEach((key, grants) -> read.put(key.toString(), describe(grants)));
                }
            }
            List<String> differences = new ArrayList<>();
            read.forEach((key, graph) -> {
                if (!java.util.Objects.equals(graph, derived.get(key))) {
                    differences.add(key + "\n  Graph:   " + graph + "\n  derived: " + derived.get(key));
                }
            });
            assertThat(derived).hasSizeGreaterThan(2_000).hasSameSizeAs(read);
            assertThat(differences).as("items whose derived access differs from Graph's list").isEmpty();
        }
    }

    /**
     * The permissions as Graph listed them. Whether a principal is a guest is left out: Ward stores it as judged against
     * the directory (GuestJudgement), where the raw read only guesses from the policy's domains.
     */
    private static List<String> describe(List<AccessGrant> grants) {
        return grants == null ? null : grants.stream().map(g -> g.toString().replaceAll(", guest=(true|false)", "")).sorted()
                .toList();
    }
}
