package org.ward.connector.alerts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A SIEM through syslog: RFC 5424 messages whose MSG is CEF (ArcSight Common Event Format 0), over TCP with TLS and
 * RFC 5425's octet-counting framing ({@code LENGTH SP MESSAGE}). Facility local0. The receiver is typically an rsyslog
 * or syslog-ng forwarder feeding the Azure Monitor Agent (CEF lands in Microsoft Sentinel's CommonSecurityLog); the
 * agent does not terminate TLS itself, the forwarder does (learn.microsoft.com/azure/sentinel/connect-cef-syslog-ama).
 */
final class SyslogChannel implements AlertChannel {

    private static final int LOCAL0 = 16;
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

    private final String name;
    private final String host;
    private final int port;
    private final SSLContext tls;
    private final Duration timeout;
    private final String version;
    private final String hostname;

    SyslogChannel(String name, String host, int port, SSLContext tls, Duration timeout, String version) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.timeout = timeout;
        this.version = version;
        this.hostname = localHostname();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SYSLOG;
    }

    @Override
    public String destination() {
        return "syslog+tls://" + host + ":" + port;
    }

    @Override
    public void send(Alert alert) {
        byte[] message = message(alert, hostname, version, Instant.now()).getBytes(StandardCharsets.UTF_8);
        byte[] frame = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            // Check the receiver's name against its certificate, as HTTPS does.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(frame);
            out.write(message);
            out.flush();
        } catch (IOException e) {
            throw new ChannelFailure(destination() + " could not take the message (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").", e);
        }
    }

    /** {@code <PRI>1 TIMESTAMP HOSTNAME ward - MSGID - CEF:0|Ward|Ward|version|TYPE|title|severity|extensions}. */
    static String message(Alert alert, String hostname, String version, Instant sentAt) {
        int severity = switch (alert.severity() == null ? "info" : alert.severity()) {
            case "critical" -> 2;
            case "high" -> 3;
            case "medium" -> 4;
            case "low" -> 5;
            default -> 6;
        };
        String timestamp = RFC3339.format(sentAt.truncatedTo(ChronoUnit.MILLIS));
        String msgId = alert.kind().name();
        return "<" + (LOCAL0 * 8 + severity) + ">1 " + timestamp + " " + hostname + " ward - " + msgId + " - "
                + cef(alert, version);
    }

    static String cef(Alert alert, String version) {
        String classId = alert.facts().getOrDefault("Type", alert.kind().name());
        StringBuilder cef = new StringBuilder("CEF:0|Ward|Ward|").append(header(version)).append('|')
                .append(header(classId)).append('|').append(header(alert.kind().heading() + ": " + alert.title()))
                .append('|').append(cefSeverity(alert.severity())).append('|');
        StringBuilder ext = new StringBuilder();
        extension(ext, "rt", alert.at() == null ? null : Long.toString(Instant.parse(alert.at()).toEpochMilli()));
        extension(ext, "externalId", alert.eventId());
        extension(ext, "act", alert.kind().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, String> facts = alert.facts();
        extension(ext, "cs1Label", facts.containsKey("Site") ? "site" : null);
        extension(ext, "cs1", facts.get("Site"));
        extension(ext, "cs2Label", facts.containsKey("Finding") ? "findingId" : null);
        extension(ext, "cs2", facts.get("Finding"));
        extension(ext, "cs3Label", facts.containsKey("Location") ? "location" : null);
        extension(ext, "cs3", facts.get("Location"));
        extension(ext, "suser", facts.get("Owner"));
        extension(ext, "request", alert.link());
        StringBuilder msg = new StringBuilder(alert.summary() == null ? "" : alert.summary());
        if (alert.nextStep() != null) {
            msg.append(msg.isEmpty() ? "" : " ").append("Next step: ").append(alert.nextStep());
        }
        for (String line : alert.lines()) {
            msg.append(msg.isEmpty() ? "" : " | ").append(line);
        }
        extension(ext, "msg", msg.isEmpty() ? null : msg.toString());
        return cef.append(ext.toString().strip()).toString();
    }

    /** CEF severity 0–10: critical 10, high 8, medium 5, low 3, info 1. */
    static int cefSeverity(String severity) {
        return severity == null ? 1 : switch (severity) {
            case "critical" -> 10;
            case "high" -> 8;
            case "medium" -> 5;
            case "low" -> 3;
            default -> 1;
        };
    }

    /** CEF header escaping: backslash and pipe; line breaks become spaces (a header is one line). */
    static String header(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
    }

    private static void extension(StringBuilder out, String key, String value) {
        if (value == null) {
            return;
        }
        // CEF extension escaping: backslash, equals sign, and line breaks as \n / \r.
        String escaped = value.replace("\\", "\\\\").replace("=", "\\=").replace("\r", "\\r").replace("\n", "\\n");
        out.append(' ').append(key).append('=').append(escaped);
    }

    private static String localHostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            String printable = name == null ? "" : name.replaceAll("[^!-~]", "");
            return printable.isEmpty() ? "-" : printable.substring(0, Math.min(255, printable.length()));
        } catch (UnknownHostException e) {
            return "-";
        }
    }
}
