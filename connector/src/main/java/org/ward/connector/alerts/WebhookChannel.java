package org.ward.connector.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A generic HTTPS webhook: the alert's JSON ({@link AlertPayload}) posted with {@code X-Ward-Event-Id},
 * {@code X-Ward-Timestamp} (Unix seconds) and {@code X-Ward-Signature: sha256=HEX}, the HMAC-SHA256 of
 * {@code timestamp + "." + body} under the shared secret. A receiver recomputes it, compares in constant time, and
 * refuses a timestamp more than five minutes old (docs/alerts.md).
 */
final class WebhookChannel implements AlertChannel {

    static final String SIGNATURE = "X-Ward-Signature";
    static final String TIMESTAMP = "X-Ward-Timestamp";
    static final String EVENT_ID = "X-Ward-Event-Id";

    private final String name;
    private final HttpsPost post;
    private final byte[] secret;
    private final Clock clock;

    WebhookChannel(String name, HttpsPost post, String secret, Clock clock) {
        this.name = name;
        this.post = post;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public String destination() {
        return post.shown();
    }

    @Override
    public void send(Alert alert) {
        String body = AlertPayload.json(alert);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EVENT_ID, alert.eventId());
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, "sha256=" + sign(secret, timestamp + "." + body));
        post.post("application/json", body, headers);
    }

    /** HMAC-SHA256 of the text under the key, lower-case hex. */
    static String sign(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
