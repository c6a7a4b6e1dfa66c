package org.ward.connector.identity.collect;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.sharing.AccessStore;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.identity.Reach;
import org.ward.rules.identity.ReachIndex;
import org.ward.rules.policy.LocationRegistry;
import org.ward.rules.policy.PolicyPack;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * Works out who reaches patient data from Ward's own record of a scan: owners of the places that hold recordings
 * (approved ones marked), members of the groups behind such places (read from Graph), users whose OneDrive holds
 * recordings, and people named on recordings' permissions directly or through a group (the sharing step's record,
 * empty until it has run). It reads those records through their owners' stores.
 */
@Component
public class ReachCollector {

    private final ItemStore items;
    private final AccessStore access;
    private final LocationStore locations;
    private final GraphServiceClient graph;
    private final GraphErrors errors;
    private final PolicyPack policy;

    public ReachCollector(ItemStore items, AccessStore access, LocationStore locations, GraphServiceClient graph,
            GraphErrors errors, PolicyPack policy) {
        this.items = items;
        this.access = access;
        this.locations = locations;
        this.graph = graph;
        this.errors = errors;
        this.policy = policy;
    }

    /**
     * @param scanId the scan whose record to read (the running scan, or the last completed one); null when there is none
     */
    public ReachIndex reach(Long scanId) {
        if (scanId == null) {
            return ReachIndex.UNKNOWN;
        }
        Map<String, Long> recordings = new HashMap<>();
        Map<String, String> sites = locations.siteByDrive();
        items.recordingsByDrive().forEach((drive, count) -> {
            String site = sites.get(drive);
            if (site != null) {
                recordings.merge(site, count, Long::sum);
            }
        });
        Map<String, Reach> reach = new HashMap<>();
        List<Location> places = locations.locations(scanId);
        LocationRegistry registry = policy.locations();
        for (Location place : places) {
            long held = recordings.getOrDefault(place.siteId(), 0L);
            if (held == 0) {
                continue;
            }
            if (place.kind() == LocationKind.ONEDRIVE) {
                add(reach, null, place.ownerUpn(), Reach.oneDrive((int) held));
                continue;
            }
            String label = place.displayName() + (approved(place, places, registry) ? " (approved)" : "");
            for (String owner : place.owners()) {
                add(reach, null, owner, Reach.owner(label));
            }
            if (place.groupId() != null) {
                members(place.groupId(), label, reach);
            }
        }
        boolean accessRecorded = access.anyRecorded();
        if (accessRecorded) {
            named(reach);
        }
        return new ReachIndex(reach, true, accessRecorded);
    }

    /** A channel site counts as approved when its team's site is (the channel belongs to the team). */
    private static boolean approved(Location place, List<Location> all, LocationRegistry registry) {
        if (!registry.matching(place.webUrl(), null).isEmpty()) {
            return true;
        }
        return place.kind() == LocationKind.CHANNEL_SITE && place.groupId() != null && all.stream()
                .anyMatch(l -> l.kind() == LocationKind.GROUP_SITE && place.groupId().equals(l.groupId())
                        && !registry.matching(l.webUrl(), null).isEmpty());
    }

    private void members(String groupId, String label, Map<String, Reach> reach) {
        try {
            var page = errors.call(() -> graph.groups().byGroupId(groupId).members().get(rc ->
                    rc.queryParameters.select = new String[] {"id", "userPrincipalName", "userType"}));
            while (page != null) {
                for (DirectoryObject member : page.getValue()) {
                    if (member instanceof User user) {
                        add(reach, user.getId(), user.getUserPrincipalName(), Reach.member(label,
                                "Guest".equalsIgnoreCase(user.getUserType())));
                    }
                }
                String next = page.getOdataNextLink();
                page = next == null ? null : errors.call(() -> graph.groups().byGroupId(groupId).members().withUrl(next).get());
            }
        } catch (GraphAccessException e) {
            // Membership unreadable: owners still count, and the finding says only ownership and membership Ward saw.
        }
    }

    /**
     * People named on recordings' own permissions (shared with them, or with a group they are in), not those who reach
     * them only through the site's inherited permissions: membership already counts as that.
     */
    private void named(Map<String, Reach> reach) {
        for (AccessStore.Named n : access.namedOn(new HashSet<>(items.recordingKeys()))) {
            add(reach, n.userId(), n.upn(), Reach.named(n.recordings(), n.throughGroup(), n.guest()));
        }
    }

    /** Files reach under the UPN when known, else the object id, never both, so nothing is counted twice. */
    private static void add(Map<String, Reach> reach, String userId, String upn, Reach more) {
        String key = upn != null && !upn.isBlank() ? upn.toLowerCase(Locale.ROOT) : userId;
        if (key != null && !key.isBlank()) {
            reach.merge(key, more, Reach::merge);
        }
    }
}
