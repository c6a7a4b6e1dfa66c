package org.ward.simulator;

import java.util.stream.Stream;

import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Group;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.tenant.Site;

import com.microsoft.graph.drives.item.items.item.delta.DeltaGetResponse;
import com.microsoft.graph.models.DriveCollectionResponse;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.DriveItemCollectionResponse;
import com.microsoft.graph.models.SiteCollectionResponse;
import com.microsoft.graph.sites.getallsites.GetAllSitesGetResponse;

/** Sites, drives, driveItems, children, a channel's files folder and delta against the SDK and the examples. */
class SharePointShapeTests extends DocumentedShapeTests {

    private GraphHttp graph;
    private Group clinical;
    private String channelId;
    private Site adaSite;
    private Drive adaDrive;
    private Drive library;
    private String changesLink;

    @Override
    protected void prepare() {
        graph = SmallClinic.reader(simulator);
        clinical = SmallClinic.group(simulator, "Clinical Recordings");
        channelId = SmallClinic.channel(simulator, clinical, "General").id();
        adaSite = SmallClinic.site(simulator, "ada_lovelace_smallclinic_nhs_uk");
        adaDrive = SmallClinic.oneDrive(simulator, SmallClinic.ADA);
        // Ada's root then holds a folder and two files, so a page of two children has a folder, a file and a nextLink.
        simulator.changes().addFile(adaDrive.id, adaDrive.rootId, NewFile.named("Notes.docx", "notes"));
        simulator.changes().addFile(adaDrive.id, adaDrive.rootId, NewFile.named("Rota.xlsx", "rota"));
        // A round of changes on the team library: a new folder, a new file in it, a deleted file.
        library = SmallClinic.library(simulator, "ClinicalRecordings");
        changesLink = graph.get("/drives/" + library.id + "/root/delta?token=latest").json().path("@odata.deltaLink").asString();
        Item folder = simulator.changes().addFolder(library.id, library.rootId, "Letters", null, null);
        simulator.changes().addFile(library.id, folder.id, NewFile.named("Letter.docx", "letter"));
        simulator.changes().delete(library.id, SmallClinic.item(simulator, library, "Consent 999 000 0018.pdf").id);
    }

    @Override
    protected Stream<Shape> shapes() {
        String itemsNotHere = "the example's OneDrive folder carries a cTag; OneDrive for Business and SharePoint send"
                + " none for folders (driveitem-delta notes, Ward's reference §4)";
        return Stream.of(
                Shape.of("GET /sites/{id}", "site-get.json", com.microsoft.graph.models.Site::createFromDiscriminatorValue,
                        () -> graph.get("/sites/" + adaSite.id)),
                Shape.of("GET /groups/{id}/sites/root", "site-get.json",
                        com.microsoft.graph.models.Site::createFromDiscriminatorValue,
                        () -> graph.get("/groups/" + clinical.id + "/sites/root")),
                Shape.of("GET /sites/getAllSites?$top=3", "site-getallsites.json",
                        GetAllSitesGetResponse::createFromDiscriminatorValue, () -> graph.get("/sites/getAllSites?$top=3"))
                        .omits("value[].siteCollection.hostName", "the example misspells the siteCollection property"
                                + " hostname (site-list.json and the model spell it hostname)"),
                Shape.of("GET /sites?search=clinic", "site-search.json", SiteCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/sites?search=clinic")),
                Shape.of("GET /sites/{id}/drives", "drive-list.json", DriveCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/sites/" + adaSite.id + "/drives")),
                Shape.of("GET /drives/{id}", "drive-get.json", com.microsoft.graph.models.Drive::createFromDiscriminatorValue,
                        () -> graph.get("/drives/" + adaDrive.id)),
                Shape.of("GET /users/{upn}/drive", "drive-get.json",
                        com.microsoft.graph.models.Drive::createFromDiscriminatorValue,
                        () -> graph.get("/users/" + SmallClinic.ADA + "/drive")),
                Shape.of("GET /groups/{id}/drive", "drive-get.json",
                        com.microsoft.graph.models.Drive::createFromDiscriminatorValue,
                        () -> graph.get("/groups/" + clinical.id + "/drive"))
                        .omitsAll("a group's library is owned by the group: owner.group, not owner.user", "owner.user",
                                "owner.user.id", "owner.user.displayName"),
                Shape.of("GET /users/{upn}/drive/root", "driveitem-get.json", DriveItem::createFromDiscriminatorValue,
                        () -> graph.get("/users/" + SmallClinic.ADA + "/drive/root"))
                        .omits("cTag", itemsNotHere),
                Shape.of("GET /drives/{id}/items/{id}/children?$top=2", "driveitem-list-children.json",
                        DriveItemCollectionResponse::createFromDiscriminatorValue,
                        () -> graph.get("/drives/" + adaDrive.id + "/items/" + adaDrive.rootId + "/children?$top=2")),
                Shape.of("GET /teams/{id}/channels/{id}/filesFolder", "channel-get-filesfolder.json",
                        DriveItem::createFromDiscriminatorValue,
                        () -> graph.get("/teams/" + clinical.id + "/channels/" + channelId + "/filesFolder")),
                Shape.of("GET /drives/{id}/root/delta?$top=3 (first page)", "driveitem-delta.json",
                        DeltaGetResponse::createFromDiscriminatorValue,
                        () -> graph.get("/drives/" + adaDrive.id + "/root/delta?$top=3"))
                        .omits("value[].deleted", "a first enumeration lists what exists; deletions come in later"
                                + " rounds (driveitem-delta.2.json)"),
                Shape.of("GET deltaLink (last page of a round)", "driveitem-delta.2.json",
                        DeltaGetResponse::createFromDiscriminatorValue, () -> graph.get(changesLink)),
                Shape.of("GET /drives/{id}/root/delta?token=latest", "driveitem-delta.3.json",
                        DeltaGetResponse::createFromDiscriminatorValue,
                        () -> graph.get("/drives/" + adaDrive.id + "/root/delta?token=latest")));
    }
}
