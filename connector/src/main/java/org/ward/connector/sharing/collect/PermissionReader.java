package org.ward.connector.sharing.collect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.BatchOutcome;
import org.ward.connector.graph.GraphBatch;
import org.ward.connector.graph.GraphErrors;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.sharing.AccessGrant;

import com.microsoft.graph.models.Identity;
import com.microsoft.graph.models.IdentitySet;
import com.microsoft.graph.models.Permission;
import com.microsoft.graph.models.PermissionCollectionResponse;
import com.microsoft.graph.models.SharePointIdentitySet;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;

/**
 * The permissions collector: reads the effective permissions of many items, twenty to a {@code $batch}, and maps
 * them into {@link AccessGrant}s. Each permission read costs Microsoft's 5 resource units, so callers ask only for
 * items whose sharing may have changed.
 */
@Component
public class PermissionReader {

    private final GraphServiceClient graph;
    private final GraphBatch batch;
    private final GraphErrors errors;

    public PermissionReader(GraphServiceClient graph, GraphBatch batch, GraphErrors errors) {
        this.graph = graph;
        this.batch = batch;
        this.errors = errors;
    }

    /**
     * What one {@code $batch} of permission reads gave.
     *
     * @param grants each item's grants; an item Graph no longer has (404) maps to an empty list
     * @param unreadable items whose answer could not be read (a malformed value), with why: they are not evaluated,
     *     the rest of the batch is
     */
    public record Read(Map<ItemKey, List<AccessGrant>> grants, Map<ItemKey, String> unreadable) {
    }

    /**
     * Reads the permissions of up to twenty items in one {@code $batch}.
     *
     * @param tenantDomains the organisation's own domains, for a first guess at guests (the sharing stage judges them)
     */
    public Read read(List<ItemKey> items, List<String> tenantDomains) {
        Map<String, RequestInformation> requests = new LinkedHashMap<>();
        Map<String, ItemKey> byId = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ItemKey key = items.get(i);
            String id = String.valueOf(i + 1);
            requests.put(id, graph.drives().byDriveId(key.driveId()).items().byDriveItemId(key.itemId()).permissions()
                    .toGetRequestInformation());
            byId.put(id, key);
        }
        Map<ItemKey, List<AccessGrant>> result = new LinkedHashMap<>();
        Map<ItemKey, String> unreadable = new LinkedHashMap<>();
        for (Map.Entry<String, BatchOutcome> outcome : batch.send(requests).entrySet()) {
            ItemKey key = byId.get(outcome.getKey());
            BatchOutcome answer = outcome.getValue();
            if (answer.status() == 404) {
                result.put(key, List.of());
                continue;
            }
            if (!answer.isSuccess()) {
                throw errors.translate(answer);
            }
            try {
                result.put(key, grants(answer, tenantDomains));
            } catch (RuntimeException malformed) {
                // One item's answer Graph garbled loses that item, not the nineteen beside it.
                unreadable.put(key, malformed.getClass().getSimpleName() + ": " + malformed.getMessage());
            }
        }
        return new Read(result, unreadable);
    }

    /** One item's permissions answer as grants; throws when a value in it cannot be read. */
    static List<AccessGrant> grants(BatchOutcome answer, List<String> tenantDomains) {
        PermissionCollectionResponse page = answer.read(PermissionCollectionResponse::createFromDiscriminatorValue);
        List<AccessGrant> grants = new ArrayList<>();
        for (Permission permission : page.getValue() == null ? List.<Permission>of() : page.getValue()) {
            grants.add(grant(permission, tenantDomains));
        }
        return grants;
    }

    static AccessGrant grant(Permission p, List<String> tenantDomains) {
        List<String> roles = p.getRoles() == null ? List.of() : p.getRoles();
        Instant expires = p.getExpirationDateTime() == null ? null : p.getExpirationDateTime().toInstant();
        String inherited = p.getInheritedFrom() == null ? null : inheritedFrom(p.getInheritedFrom());
        if (p.getLink() != null) {
            List<String> recipients = new ArrayList<>();
            List<? extends IdentitySet> sets = p.getGrantedToIdentitiesV2() != null && !p.getGrantedToIdentitiesV2().isEmpty()
                    ? p.getGrantedToIdentitiesV2() : p.getGrantedToIdentities();
            if (sets != null) {
                for (IdentitySet set : sets) {
                    String who = email(set);
                    if (who != null) {
                        recipients.add(who);
                    }
                }
            }
            boolean guestRecipient = recipients.stream().anyMatch(r -> AccessGrant.isGuest(r, null, tenantDomains));
            return new AccessGrant(p.getId(), roles, AccessGrant.Kind.LINK, null, null, null, null, guestRecipient,
                    p.getLink().getScope(), p.getLink().getType(), expires, p.getHasPassword(), inherited, recipients);
        }
        SharePointIdentitySet to = p.getGrantedToV2() != null ? p.getGrantedToV2() : legacy(p.getGrantedTo());
        if (to == null) {
            return new AccessGrant(p.getId(), roles, AccessGrant.Kind.APPLICATION, null, null, null, null, false, null, null,
                    expires, null, inherited, List.of());
        }
        String login = to.getSiteUser() != null ? to.getSiteUser().getLoginName() : null;
        if (to.getUser() != null) {
            String email = email(to);
            if (email == null && p.getInvitation() != null) {
                email = p.getInvitation().getEmail();
            }
            return new AccessGrant(p.getId(), roles, AccessGrant.Kind.USER, to.getUser().getId(), to.getUser().getDisplayName(),
                    login, email, AccessGrant.isGuest(email, login, tenantDomains), null, null, expires, null, inherited, List.of());
        }
        if (to.getGroup() != null) {
            return new AccessGrant(p.getId(), roles, AccessGrant.Kind.GROUP, to.getGroup().getId(), to.getGroup().getDisplayName(),
                    null, additional(to.getGroup(), "email"), false, null, null, expires, null, inherited, List.of());
        }
        if (to.getSiteGroup() != null) {
            return new AccessGrant(p.getId(), roles, AccessGrant.Kind.SITE_GROUP, to.getSiteGroup().getId(),
                    to.getSiteGroup().getDisplayName(), to.getSiteGroup().getLoginName(), null, false, null, null, expires, null,
                    inherited, List.of());
        }
        if (to.getSiteUser() != null) {
            return new AccessGrant(p.getId(), roles, AccessGrant.Kind.SITE_USER, login, to.getSiteUser().getDisplayName(),
                    login, null, AccessGrant.isGuest(null, login, tenantDomains), null, null, expires, null, inherited, List.of());
        }
        return new AccessGrant(p.getId(), roles, AccessGrant.Kind.APPLICATION, null, null, null, null, false, null, null,
                expires, null, inherited, List.of());
    }

    /**
     * Where an inherited permission is set. Permissions from the library root are the site's own and are named
     * {@link AccessGrant#ROOT}, which also addresses the root in Graph calls.
     */
    private static String inheritedFrom(com.microsoft.graph.models.ItemReference from) {
        String path = from.getPath();
        return path != null && (path.endsWith("/root:") || path.endsWith("/root")) ? AccessGrant.ROOT : from.getId();
    }

    /**
     * A grant that carries only the legacy {@code grantedTo} (an identitySet of user, application, device), as
     * OneDrive and older SharePoint answers still do (permission resource: "grantedTo … deprecated … use grantedToV2"),
     * read as the SharePoint identity set it stands for; null when there is none.
     */
    private static SharePointIdentitySet legacy(IdentitySet old) {
        if (old == null || old.getUser() == null && old.getApplication() == null && old.getDevice() == null) {
            return null;
        }
        SharePointIdentitySet set = new SharePointIdentitySet();
        set.setUser(old.getUser());
        set.setApplication(old.getApplication());
        set.setDevice(old.getDevice());
        return set;
    }

    /** The e-mail Graph gives for an identity (it is in the user's, not in the v1.0 model). */
    private static String email(IdentitySet set) {
        if (set.getUser() != null) {
            String email = additional(set.getUser(), "email");
            if (email != null) {
                return email;
            }
        }
        if (set instanceof SharePointIdentitySet sharePoint && sharePoint.getSiteUser() != null) {
            String email = additional(sharePoint.getSiteUser(), "email");
            if (email != null) {
                return email;
            }
            String login = sharePoint.getSiteUser().getLoginName();
            if (login != null && login.contains("|")) {
                return login.substring(login.lastIndexOf('|') + 1);
            }
        }
        return null;
    }

    private static String additional(Identity identity, String field) {
        Object value = identity.getAdditionalData().get(field);
        return value == null ? null : value.toString();
    }
}
