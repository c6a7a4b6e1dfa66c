package org.ward.connector.alerts;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ward.connector.alerts.collect.GraphActivityFeed;

import com.azure.core.credential.TokenCredential;
import org.ward.connector.alerts.collect.GraphMail;

/** The configured channels by name, each its adapter. */
public final class AlertChannels {

    private final Map<String, AlertChannel> channels;

    AlertChannels(Map<String, AlertChannel> channels) {
        this.channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    }

    static AlertChannels of(AlertSettings settings, GraphMail mail, GraphActivityFeed feed, TokenCredential credential,
            Clock clock, String version) {
        Map<String, AlertChannel> built = new LinkedHashMap<>();
        settings.channels().forEach((name, c) -> built.put(name, channel(name, c, settings, mail, feed, credential, clock,
                version)));
        return new AlertChannels(built);
    }

    private static AlertChannel channel(String name, AlertSettings.Channel c, AlertSettings settings, GraphMail mail,
            GraphActivityFeed feed, TokenCredential credential, Clock clock, String version) {
        String prefix = "ward.alerts.channels." + name;
        var timeout = settings.delivery().timeout();
        return switch (c.kind()) {
            case MAIL -> new MailChannel(name, c.mailbox(), c.to(), mail);
            case LOGS_INGESTION -> new LogsIngestionChannel(name, new HttpsPost(LogsIngestionChannel.url(c.url(),
                    c.dcrImmutableId(), c.stream()), ChannelTrust.context(c.caCertificate(), prefix + ".ca-certificate"),
                    timeout), credential, c.scope().trim());
            case TEAMS_ACTIVITY -> new TeamsActivityChannel(name, c.teamsAppId().trim(), c.to(), feed);
            case TEAMS -> new TeamsChannel(name, new HttpsPost(c.url(), ChannelTrust.context(c.caCertificate(),
                    prefix + ".ca-certificate"), timeout));
            case WEBHOOK -> new WebhookChannel(name, new HttpsPost(c.url(), ChannelTrust.context(c.caCertificate(),
                    prefix + ".ca-certificate"), timeout), c.secret(), clock);
            case JSON_LINES -> c.file() != null && !c.file().isBlank()
                    ? new JsonLinesChannel(name, Path.of(c.file().trim()), null)
                    : new JsonLinesChannel(name, null, new HttpsPost(c.url(), ChannelTrust.context(c.caCertificate(),
                            prefix + ".ca-certificate"), timeout));
            case SYSLOG -> new SyslogChannel(name, c.host().trim(), c.tlsPort(), ChannelTrust.context(c.caCertificate(),
                    prefix + ".ca-certificate"), timeout, version);
        };
    }

    public AlertChannel get(String name) {
        return channels.get(name);
    }

    public Map<String, AlertChannel> all() {
        return channels;
    }
}
