package org.ward.simulator.organization;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.PageLimit;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /organization} and {@code /organization/{id}}: the tenant's one organization object, with its display name and
 * verified domains — the initial {@code *.onmicrosoft.com} domain and every custom domain the tenant verified. Shapes
 * and permissions as Microsoft documents them: organization-list and organization-get (Application:
 * Organization.Read.All, Directory.Read.All, Organization.ReadWrite.All, Directory.ReadWrite.All) and the
 * verifiedDomain resource ({@code capabilities}, {@code isDefault}, {@code isInitial}, {@code name}, {@code type}).
 */
public final class Organization implements ResourceFamily {

    static final RouteAccess READ = RouteAccess.directory("Organization.Read.All", "Directory.Read.All",
            "Organization.ReadWrite.All", "Directory.ReadWrite.All");

    private final Tenant tenant;

    public Organization(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/organization", READ, ChargeRule.fixed(Charge.directory(1)), this::list)
                .returnsCollection("organization", PageLimit.directory()));
        routes.add(Route.of("GET", "/organization/{organizationId}", READ, ChargeRule.fixed(Charge.directory(1)), this::get)
                .returns("organization"));
    }

    private GraphResponse list(GraphCall call) {
        ObjectNode page = Json.object();
        page.put("@odata.context", call.request().serviceRoot() + "/$metadata#organization");
        page.putArray("value").add(render());
        return GraphResponse.ok(page);
    }

    private GraphResponse get(GraphCall call) {
        if (!tenant.id.equalsIgnoreCase(call.param("organizationId"))) {
            throw GraphException.directoryNotFound(call.param("organizationId"));
        }
        ObjectNode body = render();
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#organization/$entity");
        return GraphResponse.ok(body);
    }

    /** The organization as Microsoft's organization-get example writes it, with this tenant's values. */
    ObjectNode render() {
        ObjectNode org = Json.object();
        org.put("id", tenant.id);
        org.putNull("deletedDateTime");
        org.putArray("businessPhones");
        org.putNull("city");
        org.putNull("country");
        org.put("countryLetterCode", "GB");
        org.putNull("createdDateTime");
        org.put("defaultUsageLocation", "GB");
        org.put("displayName", tenant.displayName);
        org.putArray("marketingNotificationEmails");
        org.putNull("onPremisesLastSyncDateTime");
        org.putNull("onPremisesSyncEnabled");
        org.putNull("partnerTenantType");
        org.putNull("postalCode");
        org.put("preferredLanguage", "en");
        ObjectNode privacy = org.putObject("privacyProfile");
        privacy.put("contactEmail", "");
        privacy.put("statementUrl", "");
        org.putArray("securityComplianceNotificationMails");
        org.putArray("securityComplianceNotificationPhones");
        org.putNull("state");
        org.putNull("street");
        org.putArray("technicalNotificationMails").add("admin@" + tenant.initialDomain);
        org.put("tenantType", "AAD");
        ObjectNode exchange = org.putArray("assignedPlans").addObject();
        exchange.put("assignedDateTime", "2021-08-02T10:36:57Z");
        exchange.put("capabilityStatus", "Enabled");
        exchange.put("service", "exchange");
        exchange.put("servicePlanId", "113feb6c-3fe4-4440-bddc-54d774bf0318");
        ObjectNode provisioned = org.putArray("provisionedPlans").addObject();
        provisioned.put("capabilityStatus", "Enabled");
        provisioned.put("provisioningStatus", "Success");
        provisioned.put("service", "exchange");
        ArrayNode domains = org.putArray("verifiedDomains");
        domain(domains, tenant.initialDomain, true, tenant.verifiedDomains.isEmpty());
        for (int i = 0; i < tenant.verifiedDomains.size(); i++) {
            domain(domains, tenant.verifiedDomains.get(i), false, i == 0);
        }
        return org;
    }

    private static void domain(ArrayNode domains, String name, boolean initial, boolean isDefault) {
        ObjectNode domain = domains.addObject();
        domain.put("capabilities", "Email, OfficeCommunicationsOnline");
        domain.put("isDefault", isDefault);
        domain.put("isInitial", initial);
        domain.put("name", name);
        domain.put("type", "Managed");
    }
}
