package org.ward.simulator.tenant;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * An application registered in the tenant, with the credentials it may present and the application permissions
 * an administrator consented to.
 *
 * @param clientId the application (client) id
 * @param displayName the app's name
 * @param servicePrincipalId the object id of its service principal in this tenant
 * @param secrets client secret values it may use
 * @param certificates certificates whose private keys may sign its client assertions
 * @param permissions the application permissions granted (the token's roles)
 * @param meteredBilling whether the app is linked to an Azure subscription for Graph's metered APIs
 *        (a {@code Microsoft.GraphServices/accounts} resource), which assignSensitivityLabel needs
 * @param exchange what Exchange Online grants or restricts for the app's mail access
 */
public record AppRegistration(String clientId, String displayName, String servicePrincipalId, List<String> secrets,
        List<X509Certificate> certificates, Set<String> permissions, boolean meteredBilling, ExchangeAccess exchange) {

    /** An app without metered billing or Exchange settings of its own. */
    public AppRegistration(String clientId, String displayName, String servicePrincipalId, List<String> secrets,
            List<X509Certificate> certificates, Set<String> permissions) {
        this(clientId, displayName, servicePrincipalId, secrets, certificates, permissions, false, ExchangeAccess.NONE);
    }
}
