package org.ward.connector.alerts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;

/**
 * Microsoft Sentinel through Azure Monitor's Logs Ingestion API: each alert is one record, a JSON array of one object,
 * posted to {@code {endpoint}/dataCollectionRules/{dcr}/streams/{stream}?api-version=2023-01-01} with a bearer token
 * of Ward's own app for {@code https://monitor.azure.com/.default} (azure-identity; the app needs the role Monitoring
 * Metrics Publisher on the rule). The API answers 204; a call is at most 1 MB
 * (learn.microsoft.com/azure/azure-monitor/logs/logs-ingestion-api-overview; azure-monitor/service-limits).
 */
final class LogsIngestionChannel implements AlertChannel {

    static final String API_VERSION = "2023-01-01";
    /** The Logs Ingestion API's limit per call, compressed or not. */
    static final int MAX_CALL_BYTES = 1024 * 1024;

    private final String name;
    private final HttpsPost post;
    private final TokenCredential credential;
    private final String scope;

    LogsIngestionChannel(String name, HttpsPost post, TokenCredential credential, String scope) {
        this.name = name;
        this.post = post;
        this.credential = credential;
        this.scope = scope;
    }

    static String url(String endpoint, String dcrImmutableId, String stream) {
        String base = endpoint.trim().replaceAll("/+$", "");
        return base + "/dataCollectionRules/" + dcrImmutableId.trim() + "/streams/" + stream.trim() + "?api-version="
                + API_VERSION;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelType type() {
        return ChannelType.LOGS_INGESTION;
    }

    @Override
    public String destination() {
        return post.shown();
    }

    @Override
    public void send(Alert alert) {
        String body = body(alert);
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_CALL_BYTES) {
            throw new ChannelFailure("Alert " + alert.eventId() + " is " + bytes + " bytes as a Logs Ingestion record,"
                    + " above the API's 1 MB per call.");
        }
        String token;
        try {
            token = credential.getTokenSync(new TokenRequestContext().addScopes(scope)).getToken();
        } catch (RuntimeException e) {
            throw new ChannelFailure("Ward could not get a token for " + scope + " to send to " + post.shown() + ": "
                    + e.getMessage(), e);
        }
        post.post("application/json", body, Map.of("Authorization", "Bearer " + token, "x-ms-client-request-id",
                UUID.randomUUID().toString()));
    }

    /** The record: the ward.alert/1 payload's fields and the TimeGenerated column every Log Analytics table has. */
    static String body(Alert alert) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("TimeGenerated", alert.at());
        record.putAll(AlertPayload.fields(alert));
        return AlertPayload.write(List.of(record));
    }
}
