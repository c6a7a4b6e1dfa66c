package org.ward.connector.alerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * JSON lines for a SIEM: one {@link AlertPayload} object per line, appended to a file (which a log shipper such as
 * the Azure Monitor Agent picks up) or posted to an HTTPS endpoint as {@code application/x-ndjson}.
 */
final class JsonLinesChannel implements AlertChannel {

    private final String name;
    private final Path file;
    private final HttpsPost post;

    JsonLinesChannel(String name, Path file, HttpsPost post) {
        this.name = name;
        this.file = file;
        this.post = post;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelType type() {
        return ChannelType.JSON_LINES;
    }

    @Override
    public String destination() {
        return file != null ? file.toString() : post.shown();
    }

    @Override
    public void send(Alert alert) {
        String line = AlertPayload.json(alert) + "\n";
        if (post != null) {
            post.post("application/x-ndjson", line, Map.of(WebhookChannel.EVENT_ID, alert.eventId()));
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new ChannelFailure("Ward cannot append to " + file + " (" + e.getMessage() + ").", e);
        }
    }
}
