package org.ward.connector.alerts;

import java.util.List;

import org.ward.connector.alerts.collect.GraphMail;
import org.ward.connector.graph.GraphAccessException;

/**
 * E-mail through Graph sendMail from the configured mailbox: an HTML message (the alert's title, why it matters, its
 * facts, the lines of a digest or notice, and the next step), escaped, with the event id in a custom header.
 */
final class MailChannel implements AlertChannel {

    private final String name;
    private final String mailbox;
    private final List<String> to;
    private final GraphMail mail;

    MailChannel(String name, String mailbox, List<String> to, GraphMail mail) {
        this.name = name;
        this.mailbox = mailbox.trim();
        this.to = List.copyOf(to);
        this.mail = mail;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelType type() {
        return ChannelType.MAIL;
    }

    @Override
    public String destination() {
        return mailbox + " → " + (to.isEmpty() ? "each owner" : String.join(", ", to));
    }

    @Override
    public void send(Alert alert) {
        List<String> recipients = alert.to().isEmpty() ? to : alert.to();
        if (recipients.isEmpty()) {
            throw new ChannelFailure("Channel " + name + " has no recipient for " + alert.eventId() + ": set its to list.");
        }
        try {
            mail.send(mailbox, recipients, alert.subject(), html(alert), alert.eventId());
        } catch (GraphAccessException e) {
            throw new ChannelFailure("Graph refused to send as " + mailbox + " (" + e.status() + " " + e.code() + "): "
                    + e.getMessage(), e);
        }
    }

    static String html(Alert alert) {
        StringBuilder html = new StringBuilder("<html><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
        html.append("<p style=\"color:#666\">").append(escape(alert.kind().heading()))
                .append(alert.severity() == null ? "" : " · " + escape(alert.severity())).append("</p>");
        html.append("<h2>").append(escape(alert.title())).append("</h2>");
        if (alert.summary() != null) {
            html.append("<p>").append(escape(alert.summary())).append("</p>");
        }
        if (!alert.facts().isEmpty()) {
            html.append("<table>");
            alert.facts().forEach((k, v) -> {
                if (v != null) {
                    html.append("<tr><th align=\"left\">").append(escape(k)).append("</th><td>").append(escape(v))
                            .append("</td></tr>");
                }
            });
            html.append("</table>");
        }
        if (!alert.lines().isEmpty()) {
            html.append("<ol>");
            alert.lines().forEach(line -> html.append("<li>").append(escape(line)).append("</li>"));
            html.append("</ol>");
        }
        if (alert.nextStep() != null) {
            html.append("<p><strong>Next step:</strong> ").append(escape(alert.nextStep())).append("</p>");
        }
        if (alert.link() != null) {
            html.append("<p><a href=\"").append(escape(alert.link())).append("\">Open in Ward</a></p>");
        }
        html.append("<p style=\"color:#666;font-size:small\">Event ").append(escape(alert.eventId()))
                .append(" · sent by Ward</p></body></html>");
        return html.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
