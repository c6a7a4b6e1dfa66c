package org.ward.connector.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of channel an alert can go through, as written in {@code ward.alerts.channels.NAME.type}. */
public enum ChannelType {
    /** E-mail through Graph sendMail from a configured mailbox. */
    MAIL,
    /** A Microsoft Teams channel through a Workflows webhook, as an Adaptive Card. */
    TEAMS,
    /** A person's activity feed in Microsoft Teams, through Graph sendActivityNotification. */
    TEAMS_ACTIVITY,
    /** A SIEM: syslog (RFC 5424) over TCP with TLS (RFC 5425), the message in CEF. */
    SYSLOG,
    /** Microsoft Sentinel (a Log Analytics table) through Azure Monitor's Logs Ingestion API. */
    LOGS_INGESTION,
    /** One JSON object per line, appended to a file or posted to an HTTPS endpoint. */
    JSON_LINES,
    /** A generic HTTPS webhook, the body signed with HMAC-SHA256. */
    WEBHOOK;

    public String settingName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ChannelType parse(String text, String setting) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ChannelType type : values()) {
            if (type.settingName().equals(wanted)) {
                return type;
            }
        }
        throw new InvalidAlertSettingException(setting + " is '" + text + "': set it to one of "
                + Arrays.stream(values()).map(ChannelType::settingName).collect(Collectors.joining(", ")) + ".");
    }
}
