package org.ward.connector.alerts;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.ward.rules.Catalogues;
import org.ward.rules.policy.Severity;

/**
 * {@code ward.alerts.*}: where alerts go. Off by default. Checked as a whole at start, so a route naming a channel
 * that does not exist, a webhook without its secret or a quiet-hours typo stops Ward with one sentence naming the
 * setting (docs/alerts.md lists every setting).
 *
 * @param enabled {@code true} to raise and deliver alerts
 * @param timeZone the zone quiet hours and the digest's hour are read in
 * @param channels the channels by name
 * @param routes which findings go to which channels
 * @param delivery retries and timeouts
 * @param digest the daily digest
 * @param owners owner notices, reminders and escalation
 */
@ConfigurationProperties("ward.alerts")
public record AlertSettings(@DefaultValue("false") String enabled, @DefaultValue("Europe/London") String timeZone,
        Map<String, Channel> channels, List<Route> routes, @DefaultValue Delivery delivery, @DefaultValue Digest digest,
        @DefaultValue Owners owners) {

    public AlertSettings {
        String on = enabled == null ? "" : enabled.trim().toLowerCase(Locale.ROOT);
        if (!on.equals("true") && !on.equals("false")) {
            throw new InvalidAlertSettingException("ward.alerts.enabled is '" + enabled + "': set it to true to send"
                    + " alerts, or false (the default).");
        }
        enabled = on;
        try {
            ZoneId.of(timeZone.trim());
        } catch (RuntimeException e) {
            throw new InvalidAlertSettingException("ward.alerts.time-zone is '" + timeZone + "': give a zone id such as"
                    + " Europe/London or UTC.");
        }
        channels = channels == null ? Map.of() : new LinkedHashMap<>(channels);
        routes = routes == null ? List.of() : List.copyOf(routes);
        channels.forEach((name, channel) -> channel.validate("ward.alerts.channels." + name));
        for (int i = 0; i < routes.size(); i++) {
            routes.get(i).validate("ward.alerts.routes[" + i + "]", channels.keySet());
        }
        digest.validate(channels.keySet());
        owners.validate(channels);
        if (on.equals("true") && channels.isEmpty()) {
            throw new InvalidAlertSettingException("ward.alerts.enabled is true but ward.alerts.channels names no"
                    + " channel: add one (mail, teams, teams-activity, syslog, logs-ingestion, json-lines or webhook)"
                    + " or turn alerts off.");
        }
    }

    public boolean on() {
        return enabled.equals("true");
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone.trim());
    }

    /**
     * What works today but will not for long, or cannot work with the token Ward holds: a Teams channel on a retired
     * Office 365 connector or an old Workflows URL, a teams-activity channel without TeamsActivity.Send. One sentence
     * each; {@code ward check-connection} prints them and the service logs them at start.
     *
     * @param granted the application permissions Ward's token carries, or null when unknown
     */
    public List<String> warnings(Set<String> granted) {
        List<String> warnings = new java.util.ArrayList<>();
        channels.forEach((name, channel) -> {
            String prefix = "ward.alerts.channels." + name;
            if (channel.kind() == ChannelType.TEAMS) {
                Channel.retiredTeamsUrl(prefix + ".url", channel.url()).ifPresent(warnings::add);
            }
            if (channel.kind() == ChannelType.TEAMS_ACTIVITY && granted != null
                    && !granted.contains("TeamsActivity.Send")) {
                warnings.add(prefix + " notifies people in Teams, but Ward's token lacks TeamsActivity.Send: an"
                        + " administrator must grant it (with admin consent) or Graph refuses every notification.");
            }
        });
        return warnings;
    }

    /**
     * One channel. Which fields apply depends on its type: mail (mailbox, to), teams (url), teams-activity
     * (teams-app-id, to), logs-ingestion (url, dcr-immutable-id, stream, scope), syslog (host, port, ca-certificate),
     * json-lines (file or url), webhook (url, secret). Every channel takes quiet hours and a cap.
     *
     * @param type mail, teams, teams-activity, syslog, logs-ingestion, json-lines or webhook
     * @param mailbox mail: the mailbox Ward sends from (the one RBAC for Applications lets it use)
     * @param to mail, teams-activity: the recipients (owner notices go to each owner instead)
     * @param url teams, webhook, json-lines, logs-ingestion: the HTTPS endpoint
     * @param file json-lines: the file lines are appended to
     * @param secret webhook: the HMAC-SHA256 key (at least 32 characters)
     * @param host syslog: the forwarder's host
     * @param port syslog: its TLS port (6514 by default, RFC 5425)
     * @param caCertificate a PEM file of the CA that signed the receiver's certificate, besides the JVM's own
     * @param quietHours "22:00-07:00": alerts raised then wait until it ends (critical ones too unless
     *     {@code quiet-hours-spare-critical} is true)
     * @param quietHoursSpareCritical whether critical alerts go out during quiet hours
     * @param maxPerHour the most alerts the channel sends per hour; the rest wait for the next hour
     * @param teamsAppId teams-activity: the id in the manifest of the Teams app whose webApplicationInfo names Ward's
     *     Entra app (installed for each recipient); a notification without a link of its own opens this app
     * @param dcrImmutableId logs-ingestion: the data collection rule's immutable id ({@code dcr-…})
     * @param stream logs-ingestion: the rule's input stream ({@code Custom-WardAlerts_CL})
     * @param scope logs-ingestion: the token scope (https://monitor.azure.com/.default; a sovereign cloud's own)
     */
    public record Channel(String type, String mailbox, List<String> to, String url, String file, String secret, String host,
            Integer port, String caCertificate, String quietHours, @DefaultValue("true") boolean quietHoursSpareCritical,
            @DefaultValue("120") int maxPerHour, String teamsAppId, String dcrImmutableId, String stream,
            @DefaultValue("https://monitor.azure.com/.default") String scope) {

        public Channel {
            to = to == null ? List.of() : List.copyOf(to);
        }

        public ChannelType kind() {
            return ChannelType.valueOf(type.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        void validate(String prefix) {
            ChannelType kind = ChannelType.parse(type, prefix + ".type");
            switch (kind) {
                case MAIL -> {
                    required(mailbox, prefix + ".mailbox", "the mailbox Ward sends from, e.g. ward-alerts@trust.nhs.uk");
                }
                case TEAMS -> https(url, prefix + ".url", "the URL of the channel's Workflows webhook");
                case LOGS_INGESTION -> {
                    https(url, prefix + ".url", "the data collection endpoint's (or rule's) logs ingestion URL, e.g."
                            + " https://ward-dce.uksouth-1.ingest.monitor.azure.com");
                    required(dcrImmutableId, prefix + ".dcr-immutable-id", "the data collection rule's immutable id"
                            + " (dcr-…, on the rule's JSON view)");
                    required(stream, prefix + ".stream", "the rule's input stream, e.g. Custom-WardAlerts_CL");
                }
                case TEAMS_ACTIVITY -> required(teamsAppId, prefix + ".teams-app-id", "the id in the manifest of the"
                        + " Teams app that names Ward's Entra app in webApplicationInfo (docs/alerts.md, Teams activity"
                        + " feed)");
                case WEBHOOK -> {
                    https(url, prefix + ".url", "the receiver's HTTPS URL");
                    if (secret == null || secret.length() < 32) {
                        throw new InvalidAlertSettingException(prefix + ".secret must hold the HMAC key shared with the"
                                + " receiver, at least 32 characters (e.g. openssl rand -hex 32).");
                    }
                }
                case SYSLOG -> {
                    required(host, prefix + ".host", "the syslog forwarder's host name");
                    if (port != null && (port < 1 || port > 65535)) {
                        throw new InvalidAlertSettingException(prefix + ".port is " + port + ": give a TCP port (6514 is"
                                + " syslog over TLS).");
                    }
                }
                case JSON_LINES -> {
                    if ((file == null || file.isBlank()) == (url == null || url.isBlank())) {
                        throw new InvalidAlertSettingException(prefix + " needs exactly one of file (a path lines are"
                                + " appended to) and url (an HTTPS endpoint lines are posted to).");
                    }
                    if (url != null && !url.isBlank()) {
                        https(url, prefix + ".url", "the endpoint lines are posted to");
                    }
                }
                default -> throw new IllegalStateException(kind.name());
            }
            if (quietHours != null && !quietHours.isBlank()) {
                QuietHours.parse(quietHours, prefix + ".quiet-hours");
            }
            if (maxPerHour < 1) {
                throw new InvalidAlertSettingException(prefix + ".max-per-hour is " + maxPerHour + ": give at least 1.");
            }
        }

        /**
         * A Teams URL Microsoft retires: an Office 365 connector's incoming webhook (webhook.office.com,
         * outlook.office.com; connectors in Teams are retired, devblogs.microsoft.com/microsoft365dev/retirement-of-
         * office-365-connectors-within-microsoft-teams), or a Workflows trigger still on logic.azure.com (Microsoft
         * moved Workflows triggers to *.environment.api.powerplatform.com and the old URLs stop working).
         */
        static java.util.Optional<String> retiredTeamsUrl(String setting, String url) {
            String host;
            try {
                host = URI.create(url.trim()).getHost();
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
            host = host == null ? "" : host.toLowerCase(Locale.ROOT);
            if (host.equals("webhook.office.com") || host.endsWith(".webhook.office.com") || host.equals("outlook.office.com")
                    || host.equals("outlook.office365.com")) {
                return java.util.Optional.of(setting + " is an Office 365 connector (incoming webhook) URL on " + host
                        + ", and Microsoft retires Office 365 connectors in Teams: in the channel choose Workflows, \"Send"
                        + " webhook alerts to a channel\", and put the new URL here.");
            }
            if (host.endsWith(".logic.azure.com")) {
                return java.util.Optional.of(setting + " is a Workflows URL on " + host + ", which Microsoft replaces with"
                        + " one on environment.api.powerplatform.com; the old URL stops working: open the flow in Teams"
                        + " (Workflows, Manage), copy the trigger's new URL and put it here.");
            }
            return java.util.Optional.empty();
        }

        /** The TLS port, 6514 (RFC 5425) unless set. */
        public int tlsPort() {
            return port == null ? 6514 : port;
        }

        public QuietHours quiet() {
            return quietHours == null || quietHours.isBlank() ? null : QuietHours.parse(quietHours, "quiet-hours");
        }

        private static void required(String value, String setting, String what) {
            if (value == null || value.isBlank()) {
                throw new InvalidAlertSettingException(setting + " is missing: give " + what + ".");
            }
        }

        private static void https(String value, String setting, String what) {
            required(value, setting, what);
            URI uri;
            try {
                uri = URI.create(value.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidAlertSettingException(setting + " is not a URL: give " + what + ".");
            }
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidAlertSettingException(setting + " must be an https:// URL (" + what + "): alerts never"
                        + " travel in clear.");
            }
        }
    }

    /**
     * A route: findings at or above a severity, optionally only of some types or on some sites, go to channels.
     *
     * @param channels the channel names
     * @param minSeverity critical, high, medium, low or info (default high)
     * @param types finding types (ANONYMOUS_LINK, ...); empty for all
     * @param sites site ids or site web URLs; empty for all
     */
    public record Route(List<String> channels, @DefaultValue("high") String minSeverity, List<String> types,
            List<String> sites) {

        public Route {
            channels = channels == null ? List.of() : List.copyOf(channels);
            types = types == null ? List.of() : List.copyOf(types);
            sites = sites == null ? List.of() : List.copyOf(sites);
        }

        void validate(String prefix, Set<String> known) {
            if (channels.isEmpty()) {
                throw new InvalidAlertSettingException(prefix + ".channels is empty: name the channels this route sends"
                        + " to.");
            }
            unknownChannels(channels, known, prefix + ".channels");
            severity(minSeverity, prefix + ".min-severity");
            for (String type : types) {
                try {
                    Catalogues.valueOf(type.trim());
                } catch (RuntimeException e) {
                    throw new InvalidAlertSettingException(prefix + ".types names '" + type + "', which is not a finding"
                            + " type: see docs/checks.md for the list (e.g. ANONYMOUS_LINK).");
                }
            }
        }

        public Severity threshold() {
            return severity(minSeverity, "min-severity");
        }
    }

    /**
     * Retries: the n-th retry waits {@code firstRetry × 2^(n-1)}, at most {@code maxRetry}; after {@code maxAttempts}
     * the alert is marked failed and reported.
     */
    public record Delivery(@DefaultValue("8") int maxAttempts, @DefaultValue("1m") Duration firstRetry,
            @DefaultValue("1h") Duration maxRetry, @DefaultValue("10s") Duration timeout) {

        public Delivery {
            if (maxAttempts < 1) {
                throw new InvalidAlertSettingException("ward.alerts.delivery.max-attempts is " + maxAttempts
                        + ": give at least 1.");
            }
            if (firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0) {
                throw new InvalidAlertSettingException("ward.alerts.delivery.first-retry must be positive and no longer"
                        + " than ward.alerts.delivery.max-retry.");
            }
        }

        /** When attempt {@code attempts} (1 = the first) failed, how long until the next. */
        public Duration backoff(int attempts) {
            Duration wait = firstRetry;
            for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    /**
     * The daily digest per compliance recipient: new, resolved, oldest open and open by site.
     *
     * @param channels the channels that get it (empty: no digest)
     * @param at the local time after which the day's digest goes (the first round after it sends it)
     */
    public record Digest(List<String> channels, @DefaultValue("07:00") String at) {

        public Digest {
            channels = channels == null ? List.of() : List.copyOf(channels);
        }

        void validate(Set<String> known) {
            unknownChannels(channels, known, "ward.alerts.digest.channels");
            time();
        }

        public LocalTime time() {
            try {
                return LocalTime.parse(at.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidAlertSettingException("ward.alerts.digest.at is '" + at + "': give a time such as 07:00.");
            }
        }
    }

    /**
     * Owner notices.
     *
     * @param channel the channel owners are reached through: mail (its mailbox sends) or teams-activity (Teams' activity
     *     feed); its own recipients are not used
     * @param remindEvery how long after a notice a reminder follows while findings stay open
     * @param escalateAfter how long a finding may stay open after the owner was first told before the compliance team
     *     hears of it
     * @param escalateTo the channels escalations go to
     * @param portalUrl the owner portal's address, when there is one
     */
    public record Owners(String channel, @DefaultValue("7d") Duration remindEvery,
            @DefaultValue("14d") Duration escalateAfter, List<String> escalateTo, String portalUrl) {

        public Owners {
            escalateTo = escalateTo == null ? List.of() : List.copyOf(escalateTo);
        }

        public boolean on() {
            return channel != null && !channel.isBlank();
        }

        void validate(Map<String, Channel> channels) {
            if (!on()) {
                return;
            }
            Channel named = channels.get(channel.trim());
            ChannelType kind = named == null ? null : ChannelType.parse(named.type(), "type");
            if (kind != ChannelType.MAIL && kind != ChannelType.TEAMS_ACTIVITY) {
                throw new InvalidAlertSettingException("ward.alerts.owners.channel is '" + channel + "': name a channel"
                        + " of type mail (owners are written to by e-mail) or teams-activity (owners are notified in"
                        + " Teams' activity feed).");
            }
            unknownChannels(escalateTo, channels.keySet(), "ward.alerts.owners.escalate-to");
            if (remindEvery.isNegative() || remindEvery.isZero()) {
                throw new InvalidAlertSettingException("ward.alerts.owners.remind-every must be positive, e.g. 7d.");
            }
        }
    }

    static Severity severity(String text, String setting) {
        try {
            return Severity.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidAlertSettingException(setting + " is '" + text + "': set it to critical, high, medium, low or"
                    + " info.");
        }
    }

    private static void unknownChannels(List<String> names, Set<String> known, String setting) {
        List<String> unknown = names.stream().filter(n -> !known.contains(n.trim())).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidAlertSettingException(setting + " names " + String.join(", ", unknown) + ", which "
                    + (unknown.size() == 1 ? "is" : "are") + " not under ward.alerts.channels (known: "
                    + (known.isEmpty() ? "none" : known.stream().sorted().collect(Collectors.joining(", "))) + ").");
        }
    }
}
