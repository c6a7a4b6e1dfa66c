package org.ward.connector.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.discovery.collect.TenantDiscovery;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.facts.LocationKind;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorMain;
import org.ward.simulator.fixture.TenantGenerator;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Latency;

import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * Discovery reads each site's libraries, each user's OneDrive and each group's site, owners and channels as JSON
 * batches of up to twenty: a tenant of many sites and users costs a handful of round trips, and discovery finds
 * every library and OneDrive Graph holds.
 */
class BatchedDiscoveryTests {

    @TempDir
    Path dataDir;

    @Test
    void readsSitesUsersAndGroupsInBatchesAndFindsEveryDrive() {
        TenantGenerator generated = new TenantGenerator(60, 1, 11);
        try (Simulator simulator = Simulator.builder().latency(Latency.OFF)
                .tenant((clock, authority) -> generated.generate(clock, "batched-discovery-secret",
                        SimulatorMain.FULL_PERMISSIONS)).start();
                ConfigurableApplicationContext ward = ScanHarness.start(ScanHarness.h2(simulator, dataDir))) {
            var tenant = simulator.tenant();
            Set<String> graphDrives = tenant.read(() -> tenant.drives().stream().map(d -> d.id).collect(Collectors.toSet()));
            long sites = tenant.read(() -> tenant.sites().stream().filter(s -> !s.personal).count());
            long members = tenant.read(() -> tenant.users().stream().filter(u -> !u.guest()).count());
            long withOneDrive = tenant.read(() -> tenant.users().stream().filter(u -> !u.guest() && u.driveId() != null).count());
            long groups = tenant.read(() -> (long) tenant.groups().size());
            simulator.requestLog().clear();

            Discovery discovery = ward.getBean(TenantDiscovery.class).discover();

            List<RequestLogEntry> log = simulator.requestLog().entries();
            List<RequestLogEntry> sent = log.stream().filter(e -> !e.inBatch()).toList();
            assertThat(sent).as("round trips").filteredOn(e -> e.path().equals("/$batch")).isNotEmpty();
            assertThat(sent.size()).as("round trips for %s sites, %s users and %s groups", sites, members, groups)
                    .isLessThan((int) (sites + members + groups) / 5);
            assertThat(log).as("every per-site and per-user read went inside a batch")
                    .filteredOn(e -> e.path().matches("/(sites/[^/]+/drives|users/[^/]+/drive)"))
                    .hasSize((int) (sites + members)).allMatch(RequestLogEntry::inBatch);
            assertThat(discovery.drives()).extracting(DiscoveredDrive::driveId).containsExactlyInAnyOrderElementsOf(graphDrives);
            assertThat(discovery.count(LocationKind.ONEDRIVE)).isEqualTo(withOneDrive);
            assertThat(discovery.locations()).hasSize((int) (sites + withOneDrive));
            assertThat(discovery.gaps()).isEmpty();
        }
    }

    @Test
    void asksForSharedChannelsByNameInsideTheBatch() {
        try (Simulator simulator = Simulator.builder().tenant(Simulator.TenantSource.demo()).latency(Latency.OFF).start();
                ConfigurableApplicationContext ward = ScanHarness.start(ScanHarness.h2(simulator, dataDir))) {
            Map<String, String> journal = new ConcurrentHashMap<>();
            simulator.requestLog().clear();

            Discovery discovery = ward.getBean(TenantDiscovery.class).discover(keptIn(journal));

            // Without Prefer: include-unknown-enum-members on the batched channel reads, Graph calls a shared channel
            // unknownFutureValue.
            List<String> groups = journal.entrySet().stream().filter(e -> e.getKey().startsWith("group:"))
                    .map(Map.Entry::getValue).toList();
            assertThat(groups).isNotEmpty().noneMatch(body -> body.contains("unknownFutureValue"))
                    .anyMatch(body -> body.matches("(?s).*membershipType\\\\?\":\\\\?\"shared.*"));
            assertThat(discovery.locations()).filteredOn(l -> l.kind() == LocationKind.CHANNEL_SITE)
                    .extracting(l -> l.channelName()).contains("Northvale Placement", "PCN Managers");
            assertThat(simulator.requestLog().entries()).filteredOn(e -> e.path().endsWith("/filesFolder"))
                    .isNotEmpty().allMatch(RequestLogEntry::inBatch);
            assertThat(discovery.gaps()).isEmpty();
        }
    }

    @Test
    void aTeamWhoseChannelsAreRefusedIsTheSameGapAsAPlainReadAndIsNotRemembered() {
        try (Simulator simulator = ScanHarness.clinic()) {
            var tenant = simulator.tenant();
            tenant.write(() -> tenant.addApp(new AppRegistration("3f0c2a8e-0000-4000-8000-00000000c4a1", "Ward without channels",
                    "3f0c2a8e-0000-4000-8000-00000000c4a2", List.of("no-channels-secret"), List.of(),
                    Set.of("Sites.Read.All", "Files.Read.All", "User.Read.All", "GroupMember.Read.All"))));
            String team = tenant.read(() -> tenant.groups().stream().filter(g -> g.team != null).findFirst().orElseThrow().id);
            Map<String, Object> settings = new LinkedHashMap<>(ScanHarness.h2(simulator, dataDir));
            settings.put("ward.graph.client-id", "3f0c2a8e-0000-4000-8000-00000000c4a1");
            settings.put("ward.graph.client-secret", "no-channels-secret");
            try (ConfigurableApplicationContext ward = ScanHarness.start(settings)) {
                GraphErrors errors = ward.getBean(GraphErrors.class);
                GraphServiceClient graph = ward.getBean(GraphServiceClient.class);
                GraphAccessException plain = catchThrowableOfType(GraphAccessException.class,
                        () -> errors.call(() -> graph.teams().byTeamId(team).channels().get()));
                Map<String, String> journal = new ConcurrentHashMap<>();

                Discovery discovery = ward.getBean(TenantDiscovery.class).discover(keptIn(journal));

                String name = tenant.read(() -> tenant.group(team).displayName);
                assertThat(discovery.gaps()).containsExactly("Not discovered: channels of team " + name + ". " + plain.getMessage());
                assertThat(journal).doesNotContainKey("group:" + team).containsKey("sites");
            }
        }
    }

    @Test
    void findsEveryOwnerOfAGroupWhoseOwnersSpanMoreThanOnePage() {
        try (Simulator simulator = ScanHarness.clinic()) {
            var tenant = simulator.tenant();
            String groupId = tenant.read(() -> tenant.groups().stream().filter(g -> g.siteId != null).findFirst()
                    .orElseThrow().id);
            // 150 owners: more than Graph's default page of 100, so the batched read answers a first page and a nextLink.
            // (Entra itself allows 100 owners a group; the simulator's tenant model does not enforce that.)
            tenant.write(() -> {
                for (int i = 0; i < 150; i++) {
                    User owner = new User(UUID.nameUUIDFromBytes(("owner" + i).getBytes(StandardCharsets.UTF_8)).toString(),
                            "owner" + i + "@smallclinic.nhs.uk", "Owner " + i, "Owner", String.valueOf(i),
                            "owner" + i + "@smallclinic.nhs.uk", null, null, "Member", true, tenant.now(), null);
                    tenant.putUser(owner);
                    tenant.group(groupId).ownerIds.add(owner.id());
                }
            });
            List<String> owners = tenant.read(() -> tenant.group(groupId).ownerIds.stream()
                    .map(id -> tenant.user(id).userPrincipalName()).toList());
            assertThat(owners).hasSizeGreaterThan(100);
            try (ConfigurableApplicationContext ward = ScanHarness.start(ScanHarness.h2(simulator, dataDir))) {
                simulator.requestLog().clear();

                Discovery discovery = ward.getBean(TenantDiscovery.class).discover();

                assertThat(discovery.locations()).filteredOn(l -> l.kind() == LocationKind.GROUP_SITE
                        && groupId.equals(l.groupId())).singleElement()
                        .satisfies(l -> assertThat(l.owners()).containsExactlyInAnyOrderElementsOf(owners));
                assertThat(simulator.requestLog().entries()).as("the second page, read plainly after the batch")
                        .filteredOn(e -> e.path().equals("/groups/" + groupId + "/owners") && !e.inBatch())
                        .singleElement().satisfies(e -> assertThat(e.query()).contains("skiptoken="));
                assertThat(discovery.gaps()).isEmpty();
            }
        }
    }

    /** A journal of a first attempt: it recalls nothing and keeps every unit it is given in the map. */
    private static DiscoveryJournal keptIn(Map<String, String> journal) {
        return new DiscoveryJournal() {
            @Override
            public Optional<String> recall(String unit) {
                return Optional.empty();
            }

            @Override
            public void remember(String unit, String body) {
                journal.put(unit, body);
            }
        };
    }
}
