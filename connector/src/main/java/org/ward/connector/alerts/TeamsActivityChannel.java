package org.ward.connector.alerts;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.ward.connector.alerts.collect.GraphActivityFeed;
import org.ward.connector.graph.GraphAccessException;

/**
 * A person's Teams activity feed through Graph sendActivityNotification: the alert's title as the notification's line,
 * its worst item (or why it matters) as the preview, and a link to the owner portal when there is one, else to Ward's
 * Teams app. A notification is short by Teams' design (150 characters of preview): owner notices there tell how much is
 * open and the worst of it, and the link leads to the rest.
 */
final class TeamsActivityChannel implements AlertChannel {

    private final String name;
    private final String teamsAppId;
    private final List<String> to;
    private final GraphActivityFeed feed;

    TeamsActivityChannel(String name, String teamsAppId, List<String> to, GraphActivityFeed feed) {
        this.name = name;
        this.teamsAppId = teamsAppId;
        this.to = List.copyOf(to);
        this.feed = feed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelType type() {
        return ChannelType.TEAMS_ACTIVITY;
    }

    @Override
    public String destination() {
        return "Teams activity feed → " + (to.isEmpty() ? "each owner" : String.join(", ", to));
    }

    @Override
    public void send(Alert alert) {
        List<String> recipients = alert.to().isEmpty() ? to : alert.to();
        if (recipients.isEmpty()) {
            throw new ChannelFailure("Channel " + name + " has no recipient for " + alert.eventId() + ": set its to list.");
        }
        // The actor (the Teams app, "Ward") leads the line Teams shows, so the text is what happened.
        String line = alert.kind().heading() + ": " + alert.title();
        String preview = preview(alert);
        String link = alert.link() != null && alert.link().startsWith("https://") ? alert.link()
                : "https://teams.microsoft.com/l/app/" + teamsAppId;
        long chain = chainId(alert.eventId());
        for (String recipient : recipients) {
            try {
                feed.notify(recipient, line, preview, "Ward", link, chain);
            } catch (GraphActivityFeed.TeamsAppMissing e) {
                throw new RecipientFailure("Teams refused to notify " + recipient + " (403): Ward's Teams app ("
                        + teamsAppId + ") is not installed for them; install it for them (Teams admin center, app"
                        + " setup policies) or reach owners by e-mail.", e);
            } catch (GraphAccessException e) {
                throw new ChannelFailure("Graph refused to notify " + recipient + " in Teams (" + e.status() + " "
                        + e.code() + "): " + e.getMessage(), e);
            }
        }
    }

    static String preview(Alert alert) {
        String text = !alert.lines().isEmpty() ? alert.lines().get(0)
                : alert.summary() != null ? alert.summary() : alert.title();
        int more = alert.lines().size() - 1;
        String suffix = more > 0 ? " (+" + more + " more)" : "";
        int room = GraphActivityFeed.PREVIEW_LIMIT - suffix.length();
        return (text.length() > room ? text.substring(0, room - 1) + "…" : text) + suffix;
    }

    /** A positive 63-bit number from the event id: the same alert, the same chain. */
    static long chainId(String eventId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
