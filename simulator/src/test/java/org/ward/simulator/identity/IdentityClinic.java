package org.ward.simulator.identity;

import org.ward.simulator.GraphHttp;
import org.ward.simulator.Simulator;
import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Latency;

/** The test tenant {@code identity-clinic.yaml}: starting it, its three apps, and its people by UPN. */
final class IdentityClinic {

    static final String FIXTURE = "/tenants/identity-clinic.yaml";
    static final String ADA = "ada.lovelace@identityclinic.nhs.uk";
    static final String BEN = "ben.okri@identityclinic.nhs.uk";
    static final String CARA = "cara.jones@identityclinic.nhs.uk";

    private IdentityClinic() {
    }

    /** Latency off, throttling off: most tests are about shapes and licences, not budgets. */
    static Simulator start() {
        return start(Simulator.builder().throttling(false));
    }

    static Simulator start(Simulator.Builder builder) {
        return builder.tenant(Simulator.TenantSource.resource(FIXTURE)).latency(Latency.OFF).start();
    }

    /** "Ward identity": every permission the identity checks use. */
    static GraphHttp ward(Simulator simulator) {
        return app(simulator, "Ward identity", "identity-secret");
    }

    /** "Ward audit log only": AuditLog.Read.All without Directory.Read.All. */
    static GraphHttp auditLogOnly(Simulator simulator) {
        return app(simulator, "Ward audit log only", "audit-only-secret");
    }

    /** "Ward without identity": directory reads only. */
    static GraphHttp withoutIdentity(Simulator simulator) {
        return app(simulator, "Ward without identity", "no-identity-secret");
    }

    /** "Another security tool": a second app of the tenant that reads risk detections. */
    static GraphHttp anotherTool(Simulator simulator) {
        return app(simulator, "Another security tool", "another-tool-secret");
    }

    private static GraphHttp app(Simulator simulator, String name, String secret) {
        String clientId = simulator.tenant().read(() -> simulator.tenant().apps().stream()
                .filter(a -> a.displayName().equals(name)).map(AppRegistration::clientId).findFirst().orElseThrow());
        return GraphHttp.signIn(simulator, clientId, secret);
    }

    static User user(Simulator simulator, String upn) {
        return simulator.tenant().read(() -> simulator.tenant().user(upn));
    }

    static void licence(Simulator simulator, Premium premium) {
        simulator.tenant().write(() -> simulator.tenant().identity().setPremium(premium));
    }
}
