package org.ward.simulator;

import java.util.stream.Stream;

import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.SharingPermission;

import com.microsoft.graph.drives.item.items.item.invite.InvitePostResponse;
import com.microsoft.graph.models.ExtractSensitivityLabelsResult;
import com.microsoft.graph.models.ItemRetentionLabel;
import com.microsoft.graph.models.Permission;
import com.microsoft.graph.models.PermissionCollectionResponse;

/** Permissions, sharing links, invitations, retention and sensitivity labels against the SDK and the examples. */
class SharingShapeTests extends DocumentedShapeTests {

    private static final String GRANTED_TO_IS_DEPRECATED = "grantedTo is deprecated in favour of grantedToV2"
            + " (the example's own @deprecated.GrantedTo says so); the simulator sends only grantedToV2";
    private static final String LINKS_CARRY_NO_APP = "the simulator does not record which application made a link";

    private GraphHttp graph;
    private String waitingRoom;
    private String handbook;
    private String guestGrant;
    private String consultation;
    private String consent;

    @Override
    protected void prepare() {
        graph = SmallClinic.fullControl(simulator);
        Drive intranet = SmallClinic.library(simulator, "Intranet");
        Item room = SmallClinic.item(simulator, intranet, "Waiting room.mp4");
        waitingRoom = "/drives/" + intranet.id + "/items/" + room.id;
        handbook = "/drives/" + intranet.id + "/items/" + SmallClinic.item(simulator, intranet, "Staff handbook.docx").id;
        guestGrant = simulator.tenant().read(() -> room.permissions.stream()
                .filter(p -> p.kind() == SharingPermission.Kind.USER).findFirst().orElseThrow().id());
        Drive clinical = SmallClinic.library(simulator, "ClinicalRecordings");
        consultation = "/drives/" + clinical.id + "/items/"
                + SmallClinic.item(simulator, clinical, "Consultation 999 000 0018.mp4").id;
        consent = "/drives/" + clinical.id + "/items/" + SmallClinic.item(simulator, clinical, "Consent 999 000 0018.pdf").id;
    }

    @Override
    protected Stream<Shape> shapes() {
        return Stream.of(
                Shape.of("GET …/permissions", "driveitem-list-permissions.json",
                        PermissionCollectionResponse::createFromDiscriminatorValue, () -> graph.get(waitingRoom + "/permissions"))
                        .omitsAll(GRANTED_TO_IS_DEPRECATED, "value[].@deprecated.GrantedTo", "value[].grantedTo",
                                "value[].grantedTo.user", "value[].grantedTo.user.id", "value[].grantedTo.user.displayName")
                        .omitsAll(LINKS_CARRY_NO_APP, "value[].link.application", "value[].link.application.id",
                                "value[].link.application.displayName"),
                Shape.of("GET …/permissions/{id}", "permission-get.json", Permission::createFromDiscriminatorValue,
                        () -> graph.get(waitingRoom + "/permissions/" + guestGrant))
                        .omitsAll(GRANTED_TO_IS_DEPRECATED, "@deprecated.GrantedTo", "grantedTo", "grantedTo.user",
                                "grantedTo.user.id", "grantedTo.user.displayName"),
                Shape.of("PATCH …/permissions/{id}", "permission-update.json", Permission::createFromDiscriminatorValue,
                        () -> graph.patch(waitingRoom + "/permissions/" + guestGrant, "{\"roles\":[\"write\"]}"))
                        .omitsAll(GRANTED_TO_IS_DEPRECATED, "@deprecated.GrantedTo", "grantedTo", "grantedTo.user",
                                "grantedTo.user.id", "grantedTo.user.displayName"),
                Shape.of("POST …/createLink (anonymous view)", "driveitem-createlink.json",
                        Permission::createFromDiscriminatorValue,
                        () -> graph.post(handbook + "/createLink", "{\"type\":\"view\",\"scope\":\"anonymous\"}"))
                        .status(201)
                        .omitsAll(LINKS_CARRY_NO_APP, "link.application", "link.application.id", "link.application.displayName"),
                Shape.of("POST …/createLink (organization edit)", "driveitem-createlink.2.json",
                        Permission::createFromDiscriminatorValue,
                        () -> graph.post(handbook + "/createLink", "{\"type\":\"edit\",\"scope\":\"organization\"}"))
                        .status(201)
                        .omitsAll(LINKS_CARRY_NO_APP, "link.application", "link.application.id", "link.application.displayName"),
                Shape.of("POST …/invite", "driveitem-invite.json", InvitePostResponse::createFromDiscriminatorValue,
                        () -> graph.post(handbook + "/invite", "{\"recipients\":[{\"email\":\"robin@contoso.example\"}],"
                                + "\"roles\":[\"write\"],\"requireSignIn\":true,\"sendInvitation\":false,"
                                + "\"expirationDateTime\":\"2030-07-15T14:00:00Z\"}"))
                        .omitsAll(GRANTED_TO_IS_DEPRECATED, "value[].@deprecated.GrantedTo", "value[].grantedTo",
                                "value[].grantedTo.user", "value[].grantedTo.user.id", "value[].grantedTo.user.displayName")
                        .omits("value[].hasPassword", "a password belongs to links (and only in OneDrive Personal);"
                                + " the simulator writes hasPassword on links only"),
                Shape.of("GET …/retentionLabel", "driveitem-getretentionlabel.json",
                        ItemRetentionLabel::createFromDiscriminatorValue, () -> graph.get(consultation + "/retentionLabel")),
                Shape.of("PATCH …/retentionLabel", "driveitem-setretentionlabel.json",
                        ItemRetentionLabel::createFromDiscriminatorValue,
                        () -> graph.patch(consent + "/retentionLabel", "{\"name\":\"Call Recording - 7 years\"}"))
                        .status(201)
                        .omitsAll("the label is applied by the calling application, not by a user", "labelAppliedBy",
                                "labelAppliedBy.user", "labelAppliedBy.user.id", "labelAppliedBy.user.displayName"),
                Shape.of("POST …/extractSensitivityLabels", "driveitem-extractsensitivitylabels.json",
                        ExtractSensitivityLabelsResult::createFromDiscriminatorValue,
                        () -> graph.post(consent + "/extractSensitivityLabels", null))
                        .comparedAt("/value", "the example wraps the result in value; an OData action returning one"
                                + " complex value answers it unwrapped, which is what the SDK reads")
                        .omits("@odata.type", "Graph annotates the wrapped example only; the unwrapped answer is"
                                + " typed by @odata.context"));
    }
}
