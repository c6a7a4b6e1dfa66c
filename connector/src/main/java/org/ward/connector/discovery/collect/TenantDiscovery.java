package org.ward.connector.discovery.collect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.Discovery;
import org.ward.connector.discovery.DiscoveryJournal;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;
import org.ward.rules.facts.Location;

import com.microsoft.graph.models.Channel;
import com.microsoft.graph.models.ChannelMembershipType;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Drive;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.Site;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
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

    public TenantDiscovery(GraphServiceClient graph, GraphErrors errors, ParallelCalls parallel) {
        this.graph = graph;
        this.errors = errors;
        this.parallel = parallel;
    }

    /** Discovers everything, reading it all. */
    public Discovery discover() {
        return discover(DiscoveryJournal.NONE);
    }

    /**
     * Discovers everything, reading only what the journal does not already hold from an earlier attempt of the same
     * scan, and keeping each unit in it as soon as it is read.
     */
    public Discovery discover(DiscoveryJournal journal) {
        List<String> gaps = new ArrayList<>();
        List<Site> sites = remembered(journal, "sites", this::allSites, Site::createFromDiscriminatorValue);
        List<Group> groups = optional(() -> remembered(journal, "groups", this::unifiedGroups,
                Group::createFromDiscriminatorValue), gaps, "Microsoft 365 groups and teams").orElse(List.of());
        List<User> users = optional(() -> remembered(journal, "users", this::users, User::createFromDiscriminatorValue),
                gaps, "users and their OneDrives").orElse(List.of());

        Map<String, GroupFacts> groupFacts = new ConcurrentHashMap<>();
        parallel.forEach(groups, group -> groupFacts.put(group.getId(), groupFacts(journal, group, gaps)));
        Map<String, List<Drive>> siteDrives = new ConcurrentHashMap<>();
        List<Site> sharePointSites = sites.stream().filter(s -> !Boolean.TRUE.equals(s.getIsPersonalSite())).toList();
        parallel.forEach(sharePointSites, site -> siteDrives.put(site.getId(), remembered(journal, "drives:" + site.getId(),
                () -> drives(site), Drive::createFromDiscriminatorValue)));
        Map<String, Drive> oneDrives = new ConcurrentHashMap<>();
        List<User> members = users.stream().filter(u -> !"Guest".equalsIgnoreCase(u.getUserType())).toList();
        parallel.forEach(members, user -> oneDrive(journal, user).ifPresent(d -> oneDrives.put(user.getId(), d)));

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

    private GroupFacts groupFacts(Group group, List<String> gaps) {
        Site root = null;
        try {
            root = errors.call(() -> graph.groups().byGroupId(group.getId()).sites().bySiteId("root").get(rc ->
                    rc.queryParameters.select = new String[] {"id", "webUrl"}));
        } catch (GraphAccessException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        List<String> owners = new ArrayList<>();
        var page = errors.call(() -> graph.groups().byGroupId(group.getId()).owners().get());
        for (DirectoryObject owner : page.getValue()) {
            if (owner instanceof User user && user.getUserPrincipalName() != null) {
                owners.add(user.getUserPrincipalName());
            }
        }
        Map<String, String> channelDrives = new LinkedHashMap<>();
        List<Channel> channels = List.of();
        if (LocationCatalogue.isTeam(group)) {
            channels = optional(() -> errors.call(() -> graph.teams().byTeamId(group.getId()).channels().get(rc ->
                    rc.headers.add("Prefer", "include-unknown-enum-members"))).getValue(), gaps,
                    "channels of team " + group.getDisplayName()).orElse(List.of());
            for (Channel channel : channels) {
                if (channel.getMembershipType() != null && channel.getMembershipType() != ChannelMembershipType.Standard) {
                    DriveItem folder = errors.call(() -> graph.teams().byTeamId(group.getId()).channels()
                            .byChannelId(channel.getId()).filesFolder().get());
                    if (folder.getParentReference() != null) {
                        channelDrives.put(folder.getParentReference().getDriveId(), channel.getDisplayName());
                    }
                }
            }
        }
        return new GroupFacts(root == null ? null : root.getId(), owners, channels, channelDrives);
    }

    private List<Drive> drives(Site site) {
        var page = errors.call(() -> graph.sites().bySiteId(site.getId()).drives().get(rc ->
                rc.queryParameters.select = DRIVE_FIELDS));
        List<Drive> drives = new ArrayList<>(page.getValue());
        while (page.getOdataNextLink() != null) {
            String next = page.getOdataNextLink();
            page = errors.call(() -> graph.sites().bySiteId(site.getId()).drives().withUrl(next).get());
            drives.addAll(page.getValue());
        }
        return drives;
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

    private GroupFacts groupFacts(DiscoveryJournal journal, Group group, List<String> gaps) {
        String unit = "group:" + group.getId();
        Optional<String> known = journal.recall(unit);
        if (known.isPresent()) {
            return GroupFacts.decode(known.get());
        }
        List<String> own = new ArrayList<>();
        GroupFacts facts = groupFacts(group, own);
        if (own.isEmpty()) {
            journal.remember(unit, facts.encode()); // a group with a gap is read again, so its gap is said again
        }
        synchronized (gaps) {
            gaps.addAll(own);
        }
        return facts;
    }

    private Optional<Drive> oneDrive(DiscoveryJournal journal, User user) {
        String unit = "onedrive:" + user.getId();
        Optional<String> known = journal.recall(unit);
        if (known.isPresent()) {
            return known.get().equals(NO_ONEDRIVE) ? Optional.empty()
                    : Optional.of(parse(() -> KiotaJsonSerialization.deserialize(known.get(), Drive::createFromDiscriminatorValue)));
        }
        Optional<Drive> drive = oneDrive(user);
        journal.remember(unit, drive.isEmpty() ? NO_ONEDRIVE
                : parse(() -> KiotaJsonSerialization.serializeAsString(drive.get(), false)));
        return drive;
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

    /** A user's OneDrive; Graph answers 404 when it was never provisioned, which is not an error. */
    private Optional<Drive> oneDrive(User user) {
        try {
            return Optional.of(errors.call(() -> graph.users().byUserId(user.getId()).drive().get(rc ->
                    rc.queryParameters.select = DRIVE_FIELDS)));
        } catch (GraphAccessException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
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
