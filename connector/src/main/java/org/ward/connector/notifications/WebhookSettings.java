package org.ward.connector.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ward.webhook.*}: where Graph reaches {@code ward serve}, and what its endpoints accept.
 *
 * @param publicUrl the https address at which Graph reaches this service (the platform terminates TLS and forwards
 *     to Ward); the endpoint paths are appended to it. Required by {@code ward serve}.
 * @param notificationPath the path of the notification endpoint ({@code notificationUrl})
 * @param lifecyclePath the path of the lifecycle endpoint ({@code lifecycleNotificationUrl}); may be the same
 * @param maxBodySize the largest request body accepted; larger ones are refused with 413 before they are read
 * @param bodyTimeout how long a request body may take to arrive; slower ones are answered 408 and the connection closed
 */
@ConfigurationProperties("ward.webhook")
public record WebhookSettings(URI publicUrl, @DefaultValue("/graph/notifications") String notificationPath,
        @DefaultValue("/graph/lifecycle") String lifecyclePath, @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("5s") Duration bodyTimeout) {

    public WebhookSettings {
        if (publicUrl != null) {
            String scheme = publicUrl.getScheme() == null ? "" : publicUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!publicUrl.isAbsolute() || publicUrl.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                    || publicUrl.getQuery() != null || publicUrl.getFragment() != null) {
                throw new InvalidServeSettingException("ward.webhook.public-url is '" + publicUrl + "': give the https"
                        + " address at which Graph reaches this service, such as https://ward.example.nhs.uk.");
            }
        }
        path("ward.webhook.notification-path", notificationPath);
        path("ward.webhook.lifecycle-path", lifecyclePath);
        if (maxBodySize.toBytes() < 1024) {
            throw new InvalidServeSettingException("ward.webhook.max-body-size is " + maxBodySize + ": Graph posts up to"
                    + " 100 notifications at once; allow at least 1KB (the default is 1MB).");
        }
        if (bodyTimeout.isNegative() || bodyTimeout.isZero() || bodyTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new InvalidServeSettingException("ward.webhook.body-timeout is " + bodyTimeout + ": give a duration"
                    + " between 1ms and 1m (Graph waits 3s for an answer; the default is 5s).");
        }
    }

    /** The URL subscriptions send notifications to. */
    public String notificationUrl() {
        return base() + notificationPath;
    }

    /** The URL subscriptions send lifecycle events to. */
    public String lifecycleUrl() {
        return base() + lifecyclePath;
    }

    private String base() {
        if (publicUrl == null) {
            throw new InvalidServeSettingException("ward.webhook.public-url is missing: set it to the https address at"
                    + " which Graph reaches this service (for example https://ward.example.nhs.uk); Graph sends change"
                    + " notifications only to https URLs it can reach.");
        }
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void path(String setting, String value) {
        if (value == null || !value.startsWith("/") || value.contains("?") || value.contains("#") || value.contains("*")
                || value.length() < 2) {
            throw new InvalidServeSettingException(setting + " is '" + value + "': give a path that starts with /, such as"
                    + " /graph/notifications.");
        }
    }
}
