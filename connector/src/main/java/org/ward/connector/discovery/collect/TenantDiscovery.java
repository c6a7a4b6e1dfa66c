package org.ward.connector.discovery.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.Discovery;
import org.ward.connector.discovery.DiscoveryJournal;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.graph.BatchOutcome;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphBatch;
import org.ward.connector.graph.GraphErrors;
import org.ward.rules.facts.Location;

import com.microsoft.graph.models.BaseCollectionPaginationCountResponse;
import com.microsoft.graph.models.Channel;
import com.microsoft.graph.models.ChannelCollectionResponse;
import com.microsoft.graph.models.ChannelMembershipType;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryObjectCollectionResponse;
import com.microsoft.graph.models.Drive;
import com.microsoft.graph.models.DriveCollectionResponse;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.Site;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.KiotaJsonSerialization;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The discovery collector: finds every SharePoint site (including self-provisioned ones), every Microsoft 365
 * group's site and its sensitivity label, every team's private and shared channel sites, and every user's
 * OneDrive, with the drives each holds. Calls Graph only through the SDK; a refusal for lack of permission
 * becomes a coverage gap rather than a silent omission.
 */
@Component
public class TenantDiscovery {

    private static final String[] SITE_FIELDS = {"id", "name", "displayName", "webUrl", "createdDateTime",
        "isPersonalSite", "siteCollection", "createdBy"};
    private static final String[] DRIVE_FIELDS = {"id", "name", "driveType", "webUrl"};

    private final GraphServiceClient graph;
    private final GraphErrors errors;
    private final ParallelCalls parallel;
    private final GraphBatch batch;

    public TenantDiscovery(GraphServiceClient graph, GraphErrors errors, ParallelCalls parallel, GraphBatch batch) {
        this.graph = graph;
        this.errors = errors;
        this.parallel = parallel;
        this.batch = batch;
    }

    /** Discovers everything, reading it all. */
    public Discovery discover() {
        return discover(DiscoveryJournal.NONE);
    }

    /**
     * Discovers everything, reading only what the journal does not already hold from an earlier attempt of the same
     * scan, and keeping each unit in it as soon as it is read. The per-group, per-site and per-user reads go as JSON
     * batches, the batches side by side: a tenant of hundreds of sites costs a few round trips, not hundreds.
     */
    public Discovery discover(DiscoveryJournal journal) {
        List<String> gaps = new ArrayList<>();
        // The three lists are independent: the groups and users are read while the sites are.
        CompletableFuture<List<Group>> groupsRead = parallel.ahead(() -> remembered(journal, "groups", this::unifiedGroups,
                Group::createFromDiscriminatorValue));
        CompletableFuture<List<User>> usersRead = parallel.ahead(() -> remembered(journal, "users", this::users,
                User::createFromDiscriminatorValue));
        List<Site> sites;
        List<Group> groups;
        List<User> users;
        try {
            sites = remembered(journal, "sites", this::allSites, Site::createFromDiscriminatorValue);
            groups = optional(() -> ParallelCalls.answer(groupsRead), gaps, "Microsoft 365 groups and teams").orElse(List.of());
            users = optional(() -> ParallelCalls.answer(usersRead), gaps, "users and their OneDrives").orElse(List.of());
        } catch (RuntimeException failure) {
            // Nothing keeps reading behind a failed discovery's back.
            CompletableFuture.allOf(groupsRead, usersRead).exceptionally(ignored -> null).join();
            throw failure;
        }
        List<Site> sharePointSites = sites.stream().filter(s -> !Boolean.TRUE.equals(s.getIsPersonalSite())).toList();
        List<User> members = users.stream().filter(u -> !"Guest".equalsIgnoreCase(u.getUserType())).toList();

        Map<String, GroupFacts> groupFacts = new ConcurrentHashMap<>();
        Map<String, List<Drive>> siteDrives = new ConcurrentHashMap<>();
        Map<String, Drive> oneDrives = new ConcurrentHashMap<>();
        List<Group> unreadGroups = new ArrayList<>();
        for (Group group : groups) {
            journal.recall(groupUnit(group)).ifPresentOrElse(known -> groupFacts.put(group.getId(), GroupFacts.decode(known)),
                    () -> unreadGroups.add(group));
        }
        List<Site> unreadSites = new ArrayList<>();
        for (Site site : sharePointSites) {
            journal.recall(drivesUnit(site)).ifPresentOrElse(known -> siteDrives.put(site.getId(), parse(() ->
                    KiotaJsonSerialization.deserializeCollection(known, Drive::createFromDiscriminatorValue))),
                    () -> unreadSites.add(site));
        }
        List<User> unreadUsers = new ArrayList<>();
        for (User user : members) {
            journal.recall(oneDriveUnit(user)).ifPresentOrElse(known -> {
                if (!known.equals(NO_ONEDRIVE)) {
                    oneDrives.put(user.getId(), parse(() -> KiotaJsonSerialization.deserialize(known,
                            Drive::createFromDiscriminatorValue)));
                }
            }, () -> unreadUsers.add(user));
        }
        // Groups first, then sites, then users: when several fail, the first in that order is the one reported.
        List<Runnable> batches = new ArrayList<>();
        chunks(unreadGroups, GROUPS_PER_BATCH).forEach(chunk -> batches.add(() -> readGroups(journal, chunk, groupFacts, gaps)));
        chunks(unreadSites, GraphBatch.MAX_REQUESTS_PER_BATCH).forEach(chunk -> batches.add(() -> readDrives(journal, chunk,
                siteDrives)));
        chunks(unreadUsers, GraphBatch.MAX_REQUESTS_PER_BATCH).forEach(chunk -> batches.add(() -> readOneDrives(journal,
                chunk, oneDrives)));
        parallel.forEach(batches, Runnable::run);

        Map<String, String> upnById = new LinkedHashMap<>();
        users.forEach(u -> upnById.put(u.getId(), u.getUserPrincipalName()));
        LocationCatalogue catalogue = new LocationCatalogue(groups, groupFacts, upnById);
        List<Location> locations = new ArrayList<>();
        List<DiscoveredDrive> drives = new ArrayList<>();
        for (Site site : sharePointSites) {
            List<Drive> siteLibraries = siteDrives.getOrDefault(site.getId(), List.of());
            Location location = catalogue.locate(site, siteLibraries);
            locations.add(location);
            siteLibraries.forEach(d -> drives.add(new DiscoveredDrive(d.getId(), d.getName(), site.getId(),
                    d.getDriveType(), d.getWebUrl())));
        }
        for (User user : members) {
            Drive drive = oneDrives.get(user.getId());
            if (drive != null) {
                Site personal = personalSite(sites, drive);
                Location location = catalogue.oneDrive(user, drive, personal);
                locations.add(location);
                drives.add(new DiscoveredDrive(drive.getId(), drive.getName(), location.siteId(), drive.getDriveType(),
                        drive.getWebUrl()));
            }
        }
        locations.sort(Comparator.comparing(Location::webUrl, Comparator.nullsLast(Comparator.naturalOrder())));
        int channels = groupFacts.values().stream().mapToInt(f -> f.channels().size()).sum();
        int teams = (int) groups.stream().filter(LocationCatalogue::isTeam).count();
        return new Discovery(locations, drives, users.size(), teams, channels, gaps);
    }

    private List<Site> allSites() {
        List<Site> sites = new ArrayList<>();
        var page = errors.call(() -> graph.sites().getAllSites().get(rc -> {
            rc.queryParameters.select = SITE_FIELDS;
        }));
        while (page != null) {
            sites.addAll(page.getValue());
            String next = page.getOdataNextLink();
            page = next == null ? null : errors.call(() -> graph.sites().getAllSites().withUrl(next).get());
        }
        return sites;
    }

    private List<Group> unifiedGroups() {
        List<Group> groups = new ArrayList<>();
        var page = errors.call(() -> graph.groups().get(rc -> {
            rc.queryParameters.select = new String[] {"id", "displayName", "mail", "mailNickname", "groupTypes",
                "resourceProvisioningOptions", "assignedLabels", "visibility"};
            rc.queryParameters.top = 999;
        }));
        while (page != null) {
            page.getValue().stream().filter(g -> g.getGroupTypes() != null && g.getGroupTypes().contains("Unified"))
                    .forEach(groups::add);
            String next = page.getOdataNextLink();
            page = next == null ? null : errors.call(() -> graph.groups().withUrl(next).get());
        }
        return groups;
    }

    private List<User> users() {
        List<User> users = new ArrayList<>();
        var page = errors.call(() -> graph.users().get(rc -> {
            rc.queryParameters.select = new String[] {"id", "userPrincipalName", "displayName", "mail", "userType",
                "accountEnabled"};
            rc.queryParameters.top = 999;
        }));
        while (page != null) {
            users.addAll(page.getValue());
            String next = page.getOdataNextLink();
            page = next == null ? null : errors.call(() -> graph.users().withUrl(next).get());
        }
        return users;
    }

    private static final int GROUPS_PER_BATCH = GraphBatch.MAX_REQUESTS_PER_BATCH / 3; // root site, owners, channels
    private static final String PREFER_ALL_CHANNEL_TYPES = "include-unknown-enum-members";

    /**
     * Reads the facts of a few groups in one batch (root site, owners, and a team's channels), then the files folders of
     * their private and shared channels in a second; each group is remembered once read, unless it has a gap, so that
     * its gap is said again when it is read again. A group that failed does not stop the others; the first failure is
     * rethrown afterwards.
     */
    private void readGroups(DiscoveryJournal journal, List<Group> chunk, Map<String, GroupFacts> out, List<String> gaps) {
        Map<String, RequestInformation> requests = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            String id = chunk.get(i).getId();
            requests.put("root" + i, graph.groups().byGroupId(id).sites().bySiteId("root").toGetRequestInformation(rc ->
                    rc.queryParameters.select = new String[] {"id", "webUrl"}));
            requests.put("owners" + i, graph.groups().byGroupId(id).owners().toGetRequestInformation());
            if (LocationCatalogue.isTeam(chunk.get(i))) {
                requests.put("channels" + i, graph.teams().byTeamId(id).channels().toGetRequestInformation(rc ->
                        rc.headers.add("Prefer", PREFER_ALL_CHANNEL_TYPES)));
            }
        }
        Map<String, BatchOutcome> answers = batch.send(requests);
        Failures failures = new Failures();
        Map<Integer, GroupFacts> firstRound = new LinkedHashMap<>();
        Map<Integer, List<String>> ownGaps = new LinkedHashMap<>();
        Map<String, RequestInformation> folders = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            Group group = chunk.get(i);
            int at = i;
            failures.attempt(() -> {
                List<String> own = new ArrayList<>();
                String rootSiteId = rootSiteId(answers.get("root" + at));
                List<String> owners = owners(group, answers.get("owners" + at));
                List<Channel> channels = channels(group, answers.get("channels" + at), own);
                firstRound.put(at, new GroupFacts(rootSiteId, owners, channels, new LinkedHashMap<>()));
                ownGaps.put(at, own);
                for (int c = 0; c < channels.size(); c++) {
                    Channel channel = channels.get(c);
                    if (channel.getMembershipType() != null && channel.getMembershipType() != ChannelMembershipType.Standard) {
                        folders.put("folder" + at + "_" + c, graph.teams().byTeamId(group.getId()).channels()
                                .byChannelId(channel.getId()).filesFolder().toGetRequestInformation());
                    }
                }
            });
        }
        Map<String, BatchOutcome> folderAnswers = folders.isEmpty() ? Map.of() : batch.send(folders);
        for (Map.Entry<Integer, GroupFacts> read : firstRound.entrySet()) {
            int at = read.getKey();
            Group group = chunk.get(at);
            failures.attempt(() -> {
                GroupFacts facts = read.getValue();
                for (int c = 0; c < facts.channels().size(); c++) {
                    BatchOutcome folder = folderAnswers.get("folder" + at + "_" + c);
                    if (folder != null) {
                        DriveItem item = success(folder).read(DriveItem::createFromDiscriminatorValue);
                        if (item.getParentReference() != null) {
                            facts.channelDrives().put(item.getParentReference().getDriveId(),
                                    facts.channels().get(c).getDisplayName());
                        }
                    }
                }
                List<String> own = ownGaps.get(at);
                if (own.isEmpty()) {
                    journal.remember(groupUnit(group), facts.encode()); // a group with a gap is read again, so its gap is said again
                }
                synchronized (gaps) {
                    gaps.addAll(own);
                }
                out.put(group.getId(), facts);
            });
        }
        failures.rethrow();
    }

    /** The group's root site, or null when it has none (404). */
    private String rootSiteId(BatchOutcome answer) {
        return answer.status() == 404 ? null : success(answer).read(Site::createFromDiscriminatorValue).getId();
    }

    /**
     * The group's owners, every page of them. List group owners (https://learn.microsoft.com/graph/api/group-list-owners)
     * pages like any directory relationship: 100 a page unless $top asks for up to 999
     * (https://learn.microsoft.com/graph/paging). Entra lets a group have 100 owners, so one page holds them today, but
     * the page size is Graph's to change and a batch answers only the first page.
     */
    private List<String> owners(Group group, BatchOutcome answer) {
        List<String> owners = new ArrayList<>();
        List<DirectoryObject> all = everyPage(
                success(answer).read(DirectoryObjectCollectionResponse::createFromDiscriminatorValue),
                DirectoryObjectCollectionResponse::getValue,
                next -> graph.groups().byGroupId(group.getId()).owners().withUrl(next).get());
        for (DirectoryObject owner : all) {
            if (owner instanceof User user && user.getUserPrincipalName() != null) {
                owners.add(user.getUserPrincipalName());
            }
        }
        return owners;
    }

    /** A team's channels; none for a group without a team; a refusal (403) becomes the group's gap. */
    private List<Channel> channels(Group group, BatchOutcome answer, List<String> gaps) {
        if (answer == null) {
            return List.of();
        }
        if (answer.status() == 403) {
            gaps.add("Not discovered: channels of team " + group.getDisplayName() + ". " + errors.translate(answer).getMessage());
            return List.of();
        }
        // List channels (https://learn.microsoft.com/graph/api/channel-list) documents no paging and no $top, but a
        // nextLink, should Graph send one, is followed rather than dropped; each page keeps the Prefer header.
        return everyPage(success(answer).read(ChannelCollectionResponse::createFromDiscriminatorValue),
                ChannelCollectionResponse::getValue,
                next -> graph.teams().byTeamId(group.getId()).channels().withUrl(next)
                        .get(rc -> rc.headers.add("Prefer", PREFER_ALL_CHANNEL_TYPES)));
    }

    /**
     * The items of a first page and of every page its {@code @odata.nextLink} leads to, each read with an ordinary SDK
     * call: a batch answers one page per request, and the rest would otherwise be lost without a word.
     */
    private <P extends BaseCollectionPaginationCountResponse, T> List<T> everyPage(P first, Function<P, List<T>> items,
            Function<String, P> following) {
        List<T> all = new ArrayList<>(valueOf(items.apply(first)));
        for (P page = first; page.getOdataNextLink() != null; ) {
            String next = page.getOdataNextLink();
            page = errors.call(() -> following.apply(next));
            all.addAll(valueOf(items.apply(page)));
        }
        return all;
    }

    /** One request per element in one batch; the answers in the elements' order. */
    private <T> List<BatchOutcome> oneBatch(List<T> chunk, Function<T, RequestInformation> request) {
        Map<String, RequestInformation> requests = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            requests.put(String.valueOf(i), request.apply(chunk.get(i)));
        }
        Map<String, BatchOutcome> answers = batch.send(requests);
        List<BatchOutcome> inOrder = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            inOrder.add(answers.get(String.valueOf(i)));
        }
        return inOrder;
    }

    /** Reads the libraries of up to twenty sites in one batch; a site with more than a page of them is paged plainly. */
    private void readDrives(DiscoveryJournal journal, List<Site> chunk, Map<String, List<Drive>> out) {
        List<BatchOutcome> answers = oneBatch(chunk, site -> graph.sites().bySiteId(site.getId()).drives()
                .toGetRequestInformation(rc -> rc.queryParameters.select = DRIVE_FIELDS));
        Failures failures = new Failures();
        for (int i = 0; i < chunk.size(); i++) {
            Site site = chunk.get(i);
            BatchOutcome answer = answers.get(i);
            failures.attempt(() -> {
                List<Drive> drives = everyPage(success(answer).read(DriveCollectionResponse::createFromDiscriminatorValue),
                        DriveCollectionResponse::getValue,
                        next -> graph.sites().bySiteId(site.getId()).drives().withUrl(next).get());
                journal.remember(drivesUnit(site), parse(() -> KiotaJsonSerialization.serializeAsString(drives, false)));
                out.put(site.getId(), drives);
            });
        }
        failures.rethrow();
    }

    /** Reads the OneDrives of up to twenty users in one batch; Graph answers 404 for one never provisioned, not an error. */
    private void readOneDrives(DiscoveryJournal journal, List<User> chunk, Map<String, Drive> out) {
        List<BatchOutcome> answers = oneBatch(chunk, user -> graph.users().byUserId(user.getId()).drive()
                .toGetRequestInformation(rc -> rc.queryParameters.select = DRIVE_FIELDS));
        Failures failures = new Failures();
        for (int i = 0; i < chunk.size(); i++) {
            User user = chunk.get(i);
            BatchOutcome answer = answers.get(i);
            failures.attempt(() -> {
                if (answer.status() == 404) {
                    journal.remember(oneDriveUnit(user), NO_ONEDRIVE);
                    return;
                }
                Drive drive = success(answer).read(Drive::createFromDiscriminatorValue);
                journal.remember(oneDriveUnit(user), parse(() -> KiotaJsonSerialization.serializeAsString(drive, false)));
                out.put(user.getId(), drive);
            });
        }
        failures.rethrow();
    }

    /** The answer when it succeeded; otherwise the sentence Graph's refusal becomes. */
    private BatchOutcome success(BatchOutcome answer) {
        if (!answer.isSuccess()) {
            throw errors.translate(answer);
        }
        return answer;
    }

    private static <T> List<T> valueOf(List<T> value) {
        return value == null ? List.of() : value;
    }

    private static String groupUnit(Group group) {
        return "group:" + group.getId();
    }

    private static String drivesUnit(Site site) {
        return "drives:" + site.getId();
    }

    private static String oneDriveUnit(User user) {
        return "onedrive:" + user.getId();
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** The first of several independent units' failures, rethrown once every unit has had its turn. */
    private static final class Failures {

        private RuntimeException first;

        void attempt(Runnable unit) {
            try {
                unit.run();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }

        void rethrow() {
            if (first != null) {
                throw first;
            }
        }
    }

    /** A list read once per scan: recalled from the journal when an earlier attempt read it. */
    private static <T extends Parsable> List<T> remembered(DiscoveryJournal journal, String unit, Supplier<List<T>> read,
            ParsableFactory<T> factory) {
        Optional<String> known = journal.recall(unit);
        if (known.isPresent()) {
            return parse(() -> KiotaJsonSerialization.deserializeCollection(known.get(), factory));
        }
        List<T> fresh = read.get();
        journal.remember(unit, parse(() -> KiotaJsonSerialization.serializeAsString(fresh, false)));
        return fresh;
    }


    private static final String NO_ONEDRIVE = "none";

    /** Kiota's JSON (de)serialisation declares IOException though it works in memory. */
    @FunctionalInterface
    private interface Io<T> {
        T get() throws IOException;
    }

    private static <T> T parse(Io<T> work) {
        try {
            return work.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static Site personalSite(List<Site> sites, Drive drive) {
        if (drive.getWebUrl() == null) {
            return null;
        }
        return sites.stream().filter(s -> Boolean.TRUE.equals(s.getIsPersonalSite()) && s.getWebUrl() != null
                && drive.getWebUrl().startsWith(s.getWebUrl())).findFirst().orElse(null);
    }

    private static <T> Optional<T> optional(java.util.function.Supplier<T> call, List<String> gaps, String what) {
        try {
            return Optional.ofNullable(call.get());
        } catch (GraphAccessException e) {
            if (e.status() == 403) {
                synchronized (gaps) {
                    gaps.add("Not discovered: " + what + ". " + e.getMessage());
                }
                return Optional.empty();
            }
            throw e;
        }
    }

    /** What discovery learnt about one group: its site, owners, channels and the drives of its channel sites. */
    record GroupFacts(String rootSiteId, List<String> owners, List<Channel> channels, Map<String, String> channelDrives) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        String encode() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rootSiteId", rootSiteId);
            out.put("owners", owners);
            out.put("channelDrives", channelDrives);
            out.put("channels", parse(() -> KiotaJsonSerialization.serializeAsString(channels, false)));
            return JSON.writeValueAsString(out);
        }

        static GroupFacts decode(String body) {
            JsonNode node = JSON.readTree(body);
            List<String> owners = new ArrayList<>();
            node.path("owners").forEach(o -> owners.add(o.asString()));
            Map<String, String> channelDrives = new LinkedHashMap<>();
            node.path("channelDrives").properties().forEach(e -> channelDrives.put(e.getKey(), e.getValue().asString()));
            List<Channel> channels = parse(() -> KiotaJsonSerialization.deserializeCollection(node.path("channels").asString(),
                    Channel::createFromDiscriminatorValue));
            return new GroupFacts(node.hasNonNull("rootSiteId") ? node.path("rootSiteId").asString() : null, owners,
                    channels, channelDrives);
        }
    }
}
