package org.ward.connector.alerts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft Teams through a Workflows webhook ("Send webhook alerts to a channel"), the successor of Office 365
 * connectors: a {@code message} whose one attachment is an Adaptive Card 1.4 with the finding, why it matters and the
 * owner's next step. Workflows answers 202 once the flow is triggered (not when the card is posted), accepts at most
 * 28 KB per message and 4 requests a second per webhook: longer cards are cut with "N more", and posts are spaced
 * at least 250 ms apart (learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook).
 */
final class TeamsChannel implements AlertChannel {

    static final int MAX_BYTES = 28 * 1024;
    private static final long SPACING_NANOS = 250_000_000L;

    private final String name;
    private final HttpsPost post;
    private long lastPost;

    TeamsChannel(String name, HttpsPost post) {
        this.name = name;
        this.post = post;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TEAMS;
    }

    @Override
    public String destination() {
        return post.shown();
    }

    @Override
    public synchronized void send(Alert alert) {
        String body = message(alert);
        long wait = lastPost + SPACING_NANOS - System.nanoTime();
        if (lastPost != 0 && wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChannelFailure(post.shown() + ": interrupted while pacing posts.", e);
            }
        }
        try {
            post.post("application/json", body, Map.of());
        } finally {
            lastPost = System.nanoTime();
        }
    }

    /** The Workflows message, at most 28 KB: lines past what fits are summed up as "N more". */
    static String message(Alert alert) {
        List<String> lines = new ArrayList<>(alert.lines());
        int dropped = 0;
        while (true) {
            String body = AlertPayload.write(envelope(card(alert, lines, dropped)));
            if (body.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES || lines.isEmpty()) {
                return body;
            }
            int cut = Math.max(1, lines.size() / 4);
            lines = new ArrayList<>(lines.subList(0, lines.size() - cut));
            dropped += cut;
        }
    }

    private static Map<String, Object> envelope(Map<String, Object> card) {
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("contentUrl", null);
        attachment.put("content", card);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("attachments", List.of(attachment));
        return message;
    }

    private static Map<String, Object> card(Alert alert, List<String> lines, int dropped) {
        List<Object> body = new ArrayList<>();
        body.add(text(alert.kind().heading() + (alert.severity() == null ? "" : " · "
                + alert.severity().toUpperCase(Locale.ROOT)), "Small", null, attention(alert.severity())));
        body.add(text(alert.title(), "Medium", "Bolder", null));
        if (alert.summary() != null) {
            body.add(text(alert.summary(), null, null, null));
        }
        List<Object> facts = new ArrayList<>();
        alert.facts().forEach((title, value) -> {
            if (value != null) {
                facts.add(Map.of("title", title, "value", value));
            }
        });
        facts.add(Map.of("title", "Event id", "value", alert.eventId()));
        body.add(Map.of("type", "FactSet", "facts", facts));
        for (String line : lines) {
            body.add(text("• " + line, null, null, null));
        }
        if (dropped > 0) {
            body.add(text(dropped + " more findings: see the report or the digest e-mail.", null, null, null));
        }
        if (alert.nextStep() != null) {
            body.add(text("Next step: " + alert.nextStep(), null, "Bolder", null));
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        card.put("body", body);
        if (alert.link() != null) {
            card.put("actions", List.of(Map.of("type", "Action.OpenUrl", "title", "Open", "url", alert.link())));
        }
        return card;
    }

    private static Map<String, Object> text(String text, String size, String weight, String color) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        if (size != null) {
            block.put("size", size);
        }
        if (weight != null) {
            block.put("weight", weight);
        }
        if (color != null) {
            block.put("color", color);
        }
        return block;
    }

    private static String attention(String severity) {
        return severity == null ? null : switch (severity) {
            case "critical", "high" -> "Attention";
            case "medium" -> "Warning";
            default -> "Default";
        };
    }
}
