package org.ward.simulator;

import java.nio.file.Path;

import org.ward.simulator.server.Json;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a client needs to reach a running simulator, as printed at start and written by {@code --info-file}.
 *
 * @param graphBaseUrl e.g. https://localhost:9443/v1.0
 * @param authority the login authority host, e.g. https://localhost:9443
 * @param tenantId the tenant id
 * @param clientId the first app's client id
 * @param clientSecret its client secret
 * @param caCertificate the PEM file of the CA that signed the simulator's TLS certificate
 * @param clientCertificate a PEM file with the first app's certificate and private key, or null
 */
public record SimulatorInfo(String graphBaseUrl, String authority, String tenantId, String clientId, String clientSecret,
        Path caCertificate, Path clientCertificate) {

    public String toJson() {
        ObjectNode node = Json.object();
        node.put("graphBaseUrl", graphBaseUrl);
        node.put("authority", authority);
        node.put("tenantId", tenantId);
        node.put("clientId", clientId);
        node.put("clientSecret", clientSecret);
        node.put("caCertificate", caCertificate.toString());
        node.put("clientCertificate", clientCertificate == null ? null : clientCertificate.toString());
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    public String describe() {
        return String.join(System.lineSeparator(),
                "Graph base URL:      " + graphBaseUrl,
                "Login authority:     " + authority,
                "Tenant id:           " + tenantId,
                "Client id:           " + clientId,
                "Client secret:       " + clientSecret,
                "CA certificate:      " + caCertificate,
                "Client certificate:  " + (clientCertificate == null ? "(none)" : clientCertificate));
    }
}
