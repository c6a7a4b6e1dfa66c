package org.ward.connector.remediate.collect;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.remediate.LinkRequest;
import org.ward.connector.remediate.PermissionSnapshot;

import com.microsoft.graph.drives.item.items.item.DriveItemItemRequestBuilder;
import com.microsoft.graph.drives.item.items.item.createlink.CreateLinkPostRequestBody;
import com.microsoft.graph.models.DriveRecipient;
import com.microsoft.graph.models.Identity;
import com.microsoft.graph.models.Permission;
import com.microsoft.graph.models.SharePointIdentitySet;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * The Graph calls remediation makes on one item's permissions: read one, delete one, create a link. Failures
 * arrive as {@link GraphAccessException}s with Graph's status and code; deciding what they mean is the caller's job.
 */
@Component
public class ItemPermissions {

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public ItemPermissions(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /** The permission as it reaches the item now; empty when Graph no longer has it (or the item). */
    public Optional<PermissionSnapshot> read(String driveId, String itemId, String permissionId) {
        try {
            return Optional.of(snapshot(errors.call(() -> item(driveId, itemId).permissions().byPermissionId(permissionId)
                    .get())));
        } catch (GraphAccessException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public void delete(String driveId, String itemId, String permissionId) {
        errors.call(() -> {
            item(driveId, itemId).permissions().byPermissionId(permissionId).delete();
            return null;
        });
    }

    /** Creates a sharing link and returns it (without its URL). */
    public PermissionSnapshot createLink(String driveId, String itemId, LinkRequest link) {
        CreateLinkPostRequestBody body = new CreateLinkPostRequestBody();
        body.setType(link.type());
        body.setScope(link.scope());
        body.setExpirationDateTime(link.expiresAt().atOffset(ZoneOffset.UTC));
        if (!link.recipients().isEmpty()) {
            List<DriveRecipient> recipients = new ArrayList<>();
            for (String email : link.recipients()) {
                DriveRecipient recipient = new DriveRecipient();
                recipient.setEmail(email);
                recipients.add(recipient);
            }
            body.setRecipients(recipients);
        }
        return snapshot(errors.call(() -> item(driveId, itemId).createLink().post(body)));
    }

    private DriveItemItemRequestBuilder item(String driveId, String itemId) {
        return graph.drives().byDriveId(driveId).items().byDriveItemId(itemId);
    }

    static PermissionSnapshot snapshot(Permission p) {
        String scope = p.getLink() == null ? null : p.getLink().getScope();
        String type = p.getLink() == null ? null : p.getLink().getType();
        List<String> recipients = new ArrayList<>();
        if (p.getGrantedToIdentitiesV2() != null) {
            for (SharePointIdentitySet set : p.getGrantedToIdentitiesV2()) {
                String email = set.getUser() == null ? null : email(set.getUser());
                if (email != null) {
                    recipients.add(email);
                }
            }
        }
        return new PermissionSnapshot(p.getId(), p.getRoles(), scope, type,
                p.getExpirationDateTime() == null ? null : p.getExpirationDateTime().toInstant(),
                p.getLink() == null ? grantee(p.getGrantedToV2()) : null, recipients,
                p.getInheritedFrom() == null ? null : p.getInheritedFrom().getId(),
                p.getInheritedFrom() == null ? null : p.getInheritedFrom().getPath());
    }

    private static String grantee(SharePointIdentitySet to) {
        if (to == null) {
            return null;
        }
        if (to.getUser() != null) {
            return "user " + named(to.getUser());
        }
        if (to.getGroup() != null) {
            return "group " + named(to.getGroup());
        }
        if (to.getSiteGroup() != null) {
            return "siteGroup " + named(to.getSiteGroup());
        }
        if (to.getSiteUser() != null) {
            return "siteUser " + named(to.getSiteUser());
        }
        return to.getApplication() == null ? null : "application " + named(to.getApplication());
    }

    private static String named(Identity identity) {
        String email = email(identity);
        String name = identity.getDisplayName() != null ? identity.getDisplayName() : identity.getId();
        return email == null ? name : name + " <" + email + ">";
    }

    /** Graph puts a SharePoint identity's e-mail in a field the v1.0 model does not declare. */
    private static String email(Identity identity) {
        Object value = identity.getAdditionalData().get("email");
        return value == null ? null : value.toString();
    }
}
