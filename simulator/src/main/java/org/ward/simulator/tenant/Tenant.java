package org.ward.simulator.tenant;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The simulated tenant: directory, sites, drives and items, the apps that may call it, and its label catalogues.
 * Resource families read it under the read lock; every change goes through {@link TenantChanges} under the write
 * lock, so a request never sees half a change.
 */
public final class Tenant {

    public final String id;
    public final String displayName;
    public final String initialDomain;
    public final List<String> verifiedDomains;
    public final String sharePointHost;
    public final Ids ids;
    /** Differs on every start, so delta tokens from an earlier run of the simulator are refused with 410. */
    public final String generation = UUID.randomUUID().toString().substring(0, 8);

    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private int licences;
    final Map<String, AppRegistration> apps = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, String> userIdsByUpn = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, Site> sites = new LinkedHashMap<>();
    final Map<String, Drive> drives = new LinkedHashMap<>();
    final Map<String, SensitivityLabel> sensitivityLabels = new LinkedHashMap<>();
    final List<String> retentionLabels = new ArrayList<>();
    final Map<String, RetentionLabelDefinition> retentionLabelDefinitions = new LinkedHashMap<>();
    /** Members whose Exchange mailbox does not exist (unlicensed, never provisioned); guests never have one here. */
    final Set<String> usersWithoutMailbox = new HashSet<>();
    private final IdentityData identity = new IdentityData();

    public Tenant(String id, String displayName, String initialDomain, List<String> verifiedDomains,
            String sharePointHost, int licences, Ids ids, Clock clock) {
        this.id = id;
        this.displayName = displayName;
        this.initialDomain = initialDomain;
        this.verifiedDomains = List.copyOf(verifiedDomains);
        this.sharePointHost = sharePointHost;
        this.licences = licences;
        this.ids = ids;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public int licences() {
        return licences;
    }

    /** Licence, MFA registrations, roles, conditional access, risk and sign-ins (read and change under the lock). */
    public IdentityData identity() {
        return identity;
    }

    public <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T write(Supplier<T> writer) {
        lock.writeLock().lock();
        try {
            return writer.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void write(Runnable writer) {
        write(() -> {
            writer.run();
            return null;
        });
    }

    // ---- lookups (call under a lock) ----

    public AppRegistration app(String clientId) {
        return apps.get(clientId);
    }

    public Collection<AppRegistration> apps() {
        return apps.values();
    }

    /** By object id or user principal name (case-insensitive). */
    public User user(String idOrUpn) {
        User byId = users.get(idOrUpn);
        if (byId != null) {
            return byId;
        }
        String id = userIdsByUpn.get(idOrUpn.toLowerCase(Locale.ROOT));
        return id == null ? null : users.get(id);
    }

    public Collection<User> users() {
        return users.values();
    }

    public Group group(String id) {
        return groups.get(id);
    }

    public Collection<Group> groups() {
        return groups.values();
    }

    public Site site(String id) {
        Site byId = sites.get(id);
        if (byId != null) {
            return byId;
        }
        for (Site site : sites.values()) {
            if (site.siteCollectionId.equalsIgnoreCase(id) || (site.hostname + "," + site.siteCollectionId).equalsIgnoreCase(id)) {
                return site;
            }
        }
        return null;
    }

    public Collection<Site> sites() {
        return sites.values();
    }

    public Drive drive(String id) {
        return drives.get(id);
    }

    public Collection<Drive> drives() {
        return drives.values();
    }

    public Collection<SensitivityLabel> sensitivityLabels() {
        return sensitivityLabels.values();
    }

    public SensitivityLabel sensitivityLabel(String idOrName) {
        SensitivityLabel byId = sensitivityLabels.get(idOrName);
        if (byId != null) {
            return byId;
        }
        return sensitivityLabels.values().stream().filter(l -> l.name().equalsIgnoreCase(idOrName)).findFirst().orElse(null);
    }

    public List<String> retentionLabels() {
        return List.copyOf(retentionLabels);
    }

    /** A published retention label by its exact name, or null. */
    public RetentionLabelDefinition retentionLabel(String name) {
        return retentionLabelDefinitions.get(name);
    }

    /** Whether Exchange Online has a mailbox for the user (a member with a mailbox, or a shared mailbox). */
    public boolean hasMailbox(User user) {
        return !user.guest() && !usersWithoutMailbox.contains(user.id());
    }

    /** The domains whose users are members of this tenant rather than guests. */
    public boolean ownsDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return d.equals(initialDomain.toLowerCase(Locale.ROOT))
                || verifiedDomains.stream().anyMatch(v -> v.equalsIgnoreCase(d));
    }

    // ---- creation, for loaders and the generator (call under the write lock or before serving) ----

    public void addApp(AppRegistration app) {
        apps.put(app.clientId(), app);
    }

    public void putUser(User user) {
        users.put(user.id(), user);
        userIdsByUpn.put(user.userPrincipalName().toLowerCase(Locale.ROOT), user.id());
    }

    public void addGroup(Group group) {
        groups.put(group.id, group);
    }

    public void addSite(Site site) {
        sites.put(site.id, site);
    }

    public void addDrive(Drive drive) {
        drives.put(drive.id, drive);
        Site site = sites.get(drive.siteId);
        if (site != null && !site.driveIds.contains(drive.id)) {
            site.driveIds.add(drive.id);
        }
    }

    public void addSensitivityLabel(SensitivityLabel label) {
        sensitivityLabels.put(label.id(), label);
    }

    public void addRetentionLabel(String name) {
        addRetentionLabel(RetentionLabelDefinition.retain(name));
    }

    public void addRetentionLabel(RetentionLabelDefinition label) {
        if (!retentionLabels.contains(label.name())) {
            retentionLabels.add(label.name());
        }
        retentionLabelDefinitions.put(label.name(), label);
    }

    public void setMailbox(String userId, boolean hasMailbox) {
        if (hasMailbox) {
            usersWithoutMailbox.remove(userId);
        } else {
            usersWithoutMailbox.add(userId);
        }
    }

    public void setLicences(int licences) {
        this.licences = licences;
    }
}
