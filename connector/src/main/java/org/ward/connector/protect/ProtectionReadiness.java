package org.ward.connector.protect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.CredentialType;
import org.ward.connector.graph.GraphCloud;
import org.ward.connector.graph.GraphConnectionCheck;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.graph.PermissionCatalogue;
import org.ward.connector.graph.RequiredPermission;

/**
 * Whether Ward may (settings) and can (token, cloud, billing) apply labels, and what each permission enables. A scan
 * needs none of it: without these, scanning keeps working and {@code ward protect} says what is missing.
 */
@Component
public class ProtectionReadiness {

    /** SensitivityLabels.Read.All's catalogue entry is the scan's (capability "labels"); protect uses it too. */
    private static final String CATALOGUE = "SensitivityLabels.Read.All";

    private final ProtectionSettings settings;
    private final GraphSettings graph;
    private final GraphConnectionCheck connection;

    public ProtectionReadiness(ProtectionSettings settings, GraphSettings graph, GraphConnectionCheck connection) {
        this.settings = settings;
        this.graph = graph;
        this.connection = connection;
    }

    public boolean enabled() {
        return settings.applyAllowed();
    }

    public static String notEnabled() {
        return "Protection is not enabled, so Ward changed nothing: set ward.protection.enabled=true in Ward's settings"
                + " (and grant the app " + write().permission() + ") to let ward protect --apply put labels on files.";
    }

    static RequiredPermission write() {
        return entry("protect", "Files.ReadWrite.All");
    }

    static RequiredPermission records() {
        return entry("protect", "Sites.FullControl.All");
    }

    private static RequiredPermission entry(String capability, String permission) {
        return PermissionCatalogue.all().stream().filter(p -> p.capability().equals(capability)
                && p.permission().equals(permission)).findFirst().orElseThrow();
    }

    /** The application permissions the token carries (signs in to find out). */
    public Set<String> granted() {
        return new HashSet<>(connection.grantedPermissions().roles());
    }

    /** Why Graph would refuse every label write, in one sentence; empty when the token can write labels. */
    public Optional<String> missingWrite(Set<String> granted) {
        RequiredPermission need = write();
        if (need.satisfied(granted)) {
            return Optional.empty();
        }
        return Optional.of("The app lacks " + need.permission() + " (or " + String.join(", ", need.satisfiedBy())
                + "), which applying labels needs on top of scanning: grant it with admin consent to app " + graph.clientId()
                + " to let ward protect --apply label files. Scanning works without it.");
    }

    /** Why assignSensitivityLabel cannot work here whatever the token says; empty when it may. */
    public Optional<String> sensitivityUnavailable() {
        GraphCloud cloud = graph.graphCloud();
        if (cloud == GraphCloud.USGOV || cloud == GraphCloud.DOD || cloud == GraphCloud.CHINA) {
            return Optional.of("assignSensitivityLabel is available in Microsoft's global cloud only, not in "
                    + cloud.settingValue() + " (driveitem-assignsensitivitylabel, national cloud availability).");
        }
        if (graph.credentialType() == CredentialType.MANAGED_IDENTITY) {
            return Optional.of("assignSensitivityLabel is a metered API, and Microsoft's metered APIs do not accept managed"
                    + " identities: sign Ward in with a certificate or a client secret to apply sensitivity labels.");
        }
        return Optional.empty();
    }

    /** What each protect permission enables, for ward check-connection: one line each. */
    public List<String> describe(Set<String> granted) {
        List<String> lines = new ArrayList<>();
        lines.add(enabled() ? "Protection: enabled (ward.protection.enabled=true)" + (settings.inScans()
                ? ", also during scans" : "") : "Protection: off (ward.protection.enabled=false), so ward protect only shows"
                        + " what it would do.");
        boolean write = write().satisfied(granted);
        lines.add(line(write, "retention labels", write ? "ward protect can apply the pack's retention label to recordings"
                + " (" + write().permission() + " or broader)." : "needs " + write().permission() + " (or "
                + write().satisfiedBy().get(0) + ") to apply the pack's retention label to recordings."));
        boolean records = records().satisfied(granted);
        lines.add(line(records, "record labels", records ? "Sites.FullControl.All lets Ward apply a retention label that"
                + " declares items records. Ward still never changes or removes a label that makes an item a record."
                : "applying a retention label that declares items records needs Sites.FullControl.All; other retention"
                        + " labels do not. Ward never changes or removes a record's label either way."));
        Optional<String> unavailable = sensitivityUnavailable();
        lines.add(line(write && unavailable.isEmpty(), "sensitivity labels", unavailable.orElse(write
                ? "ward protect can call assignSensitivityLabel for Office and PDF files beside recordings. It is metered:"
                        + " the app must also be linked to an Azure subscription (a Microsoft.GraphServices/accounts"
                        + " resource), which no token shows; Graph answers 402 paymentRequired until it is. Ward paces it"
                        + " under " + settings.sensitivityLabels().budget() + " of the tenant's "
                        + settings.sensitivityLabels().tenantCap() + " calls per " + settings.sensitivityLabels().capWindow()
                        + "."
                : "needs " + write().permission() + ", and metered billing, to call assignSensitivityLabel.")));
        boolean catalogue = entry("labels", CATALOGUE).satisfied(granted);
        lines.add(line(catalogue, "label ids", catalogue ? CATALOGUE + " lets Ward find each label's id by name."
                : "without " + CATALOGUE + ", give each label's id in the pack's labels.sensitivityOrder, or Ward cannot"
                        + " name the labels it reads nor ask for the ones it applies."));
        lines.add("  never   container labels: no application permission lets an app set a team's or site's sensitivity"
                + " label (Graph takes it only from a signed-in administrator); ward protect lists them for a person.");
        return lines;
    }

    private static String line(boolean ok, String what, String sentence) {
        return "  " + (ok ? "ok     " : "absent ") + " " + what + ": " + sentence;
    }
}
