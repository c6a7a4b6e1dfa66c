package org.ward.simulator;

import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Group;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.Site;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Latency;

/**
 * The test tenant {@code small-clinic.yaml}: starting a simulator on it, its three apps, and lookups of the
 * things tests address by name.
 */
final class SmallClinic {

    static final String FIXTURE = "/tenants/small-clinic.yaml";
    static final String READER = "Ward test";
    static final String READER_SECRET = "test-secret-value";
    static final String FULL_CONTROL = "Ward full control";
    static final String FULL_CONTROL_SECRET = "full-control-secret";
    static final String NO_PERMISSIONS = "Ward no permissions";
    static final String NO_PERMISSIONS_SECRET = "no-permissions-secret";
    static final String FILES = "Ward files";
    static final String MAIL_SCOPED = "Ward mail scoped";
    static final String MAIL_POLICY = "Ward mail policy";
    static final String ADA = "ada.lovelace@smallclinic.nhs.uk";
    static final String BEN = "ben.okri@smallclinic.nhs.uk";

    private SmallClinic() {
    }

    /** Latency off, throttling at Microsoft's defaults, the real clock. */
    static Simulator start() {
        return start(Simulator.builder());
    }

    static Simulator start(Simulator.Builder builder) {
        return builder.tenant(Simulator.TenantSource.resource(FIXTURE)).latency(Latency.OFF).start();
    }

    static String clientId(Simulator simulator, String appName) {
        return simulator.tenant().read(() -> simulator.tenant().apps().stream()
                .filter(a -> a.displayName().equals(appName)).map(AppRegistration::clientId).findFirst().orElseThrow());
    }

    /**
     * "Ward test": Sites.Read.All, Files.Read.All, User.Read.All, Group.Read.All, Team.ReadBasic.All,
     * Channel.ReadBasic.All, Organization.Read.All.
     */
    static GraphHttp reader(Simulator simulator) {
        return GraphHttp.signIn(simulator, clientId(simulator, READER), READER_SECRET);
    }

    /**
     * "Ward full control": Sites.FullControl.All, Files.ReadWrite.All, User.Read.All, Group.Read.All,
     * Group.ReadWrite.All, SensitivityLabels.Read.All, Mail.Send (unscoped), TeamsActivity.Send; linked for metered billing.
     */
    static GraphHttp fullControl(Simulator simulator) {
        return GraphHttp.signIn(simulator, clientId(simulator, FULL_CONTROL), FULL_CONTROL_SECRET);
    }

    /** "Ward files": Files.ReadWrite.All only, no billing link. */
    static GraphHttp files(Simulator simulator) {
        return GraphHttp.signIn(simulator, clientId(simulator, FILES), "files-secret");
    }

    /** "Ward mail scoped": no Mail.Send consent; RBAC for Applications lets it send as Ben only. */
    static GraphHttp mailScoped(Simulator simulator) {
        return GraphHttp.signIn(simulator, clientId(simulator, MAIL_SCOPED), "mail-scoped-secret");
    }

    /** "Ward mail policy": Mail.Send consent, restricted to Ben by an Application Access Policy. */
    static GraphHttp mailPolicy(Simulator simulator) {
        return GraphHttp.signIn(simulator, clientId(simulator, MAIL_POLICY), "mail-policy-secret");
    }

    /** "Ward no permissions": a token with no roles at all. */
    static GraphHttp noPermissions(Simulator simulator) {
        return GraphHttp.signIn(simulator, clientId(simulator, NO_PERMISSIONS), NO_PERMISSIONS_SECRET);
    }

    static User user(Simulator simulator, String upnOrMail) {
        return simulator.tenant().read(() -> {
            User byUpn = simulator.tenant().user(upnOrMail);
            return byUpn != null ? byUpn : simulator.tenant().users().stream()
                    .filter(u -> upnOrMail.equalsIgnoreCase(u.mail())).findFirst().orElseThrow();
        });
    }

    static Drive oneDrive(Simulator simulator, String upn) {
        return simulator.tenant().read(() -> simulator.tenant().drive(simulator.tenant().user(upn).driveId()));
    }

    static Group group(Simulator simulator, String displayName) {
        return simulator.tenant().read(() -> simulator.tenant().groups().stream()
                .filter(g -> g.displayName.equals(displayName)).findFirst().orElseThrow());
    }

    static Site site(Simulator simulator, String name) {
        return simulator.tenant().read(() -> simulator.tenant().sites().stream()
                .filter(s -> s.name.equals(name)).findFirst().orElseThrow());
    }

    /** The first drive of a site by its URL name ("Intranet", "ClinicalRecordings"). */
    static Drive library(Simulator simulator, String siteName) {
        Site site = site(simulator, siteName);
        return simulator.tenant().read(() -> simulator.tenant().drive(site.driveIds.get(0)));
    }

    static Item item(Simulator simulator, Drive drive, String name) {
        return simulator.tenant().read(() -> drive.allItems().stream()
                .filter(i -> name.equals(i.name) && !i.deleted).findFirst().orElseThrow());
    }

    static Group.Channel channel(Simulator simulator, Group group, String name) {
        return simulator.tenant().read(() -> group.team.channels.stream()
                .filter(c -> c.displayName().equals(name)).findFirst().orElseThrow());
    }
}
