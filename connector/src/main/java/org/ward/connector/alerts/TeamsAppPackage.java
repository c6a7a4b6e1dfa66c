package org.ward.connector.alerts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/**
 * Ward's Teams app, as the zip package a Teams admin uploads (Teams admin center → Teams apps → Manage apps → Upload
 * new app): {@code manifest.json} and its two icons. Graph delivers a {@code teams-activity} channel's notifications
 * only to people who have an app installed whose {@code webApplicationInfo.id} is Ward's Entra app; the app has no tab
 * and no bot. Ward sends the reserved {@code systemDefault} activity type, which Microsoft lets an app send without
 * declaring activity types, so the manifest declares none.
 */
public final class TeamsAppPackage {

    /** The manifest schema version written (Microsoft's MicrosoftTeams.schema.json of that version). */
    public static final String MANIFEST_VERSION = "1.24";
    static final String MANIFEST = "manifest.json";
    static final String COLOR_ICON = "color.png";
    static final String OUTLINE_ICON = "outline.png";
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");
    private static final Pattern SEMVER = Pattern.compile("\\d+\\.\\d+\\.\\d+");
    private static final Color WARD_GREEN = new Color(0x1F, 0x6F, 0x5C);

    /**
     * Who publishes the app, as Teams shows it on the app's page (the organisation deploying Ward).
     *
     * @param name at most 32 characters
     * @param websiteUrl https
     * @param privacyUrl https
     * @param termsOfUseUrl https
     */
    public record Publisher(String name, String websiteUrl, String privacyUrl, String termsOfUseUrl) {
    }

    private TeamsAppPackage() {
    }

    /**
     * The one Teams app id the settings' {@code teams-activity} channels name.
     *
     * @throws InvalidAlertSettingException with one sentence when none names one, two name different ids, or the id is
     *         not a GUID
     */
    public static String appId(AlertSettings settings) {
        Set<String> ids = new TreeSet<>();
        settings.channels().forEach((name, channel) -> {
            if ("teams-activity".equals(channel.type()) && channel.teamsAppId() != null && !channel.teamsAppId().isBlank()) {
                ids.add(channel.teamsAppId().trim());
            }
        });
        if (ids.isEmpty()) {
            throw new InvalidAlertSettingException("No channel under ward.alerts.channels is of type teams-activity with a"
                    + " teams-app-id: set one (docs/alerts.md) so that the app's id is the one Ward links to.");
        }
        if (ids.size() > 1) {
            throw new InvalidAlertSettingException("The teams-activity channels name different Teams apps (" + String.join(
                    ", ", ids) + "): Ward's notifications come from one app, so give every channel the same teams-app-id.");
        }
        String id = ids.iterator().next();
        if (!GUID.matcher(id).matches()) {
            throw new InvalidAlertSettingException("The teams-app-id " + id + " is not a GUID, which Teams requires of an"
                    + " app's id: generate one (e.g. uuidgen) and set it on the teams-activity channel.");
        }
        return id;
    }

    /** The manifest, as Teams reads it. */
    static Map<String, Object> manifest(String appId, String wardClientId, String wardVersion, Publisher publisher) {
        if (!GUID.matcher(wardClientId).matches()) {
            throw new InvalidAlertSettingException("ward.graph.client-id " + wardClientId + " is not a GUID: Teams needs"
                    + " Ward's application (client) id in the app's webApplicationInfo.");
        }
        requireHttps(publisher.websiteUrl(), "--website-url");
        requireHttps(publisher.privacyUrl(), "--privacy-url");
        requireHttps(publisher.termsOfUseUrl(), "--terms-url");
        if (publisher.name().isBlank() || publisher.name().length() > 32) {
            throw new InvalidAlertSettingException("--publisher must be 1 to 32 characters (Teams' limit), not \""
                    + publisher.name() + "\".");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("$schema", "https://developer.microsoft.com/json-schemas/teams/v" + MANIFEST_VERSION
                + "/MicrosoftTeams.schema.json");
        m.put("manifestVersion", MANIFEST_VERSION);
        m.put("version", appVersion(wardVersion));
        m.put("id", appId);
        Map<String, Object> developer = new LinkedHashMap<>();
        developer.put("name", publisher.name());
        developer.put("websiteUrl", publisher.websiteUrl());
        developer.put("privacyUrl", publisher.privacyUrl());
        developer.put("termsOfUseUrl", publisher.termsOfUseUrl());
        m.put("developer", developer);
        m.put("name", Map.of("short", "Ward", "full", "Ward: patient recordings kept safe in Microsoft 365"));
        m.put("description", Map.of(
                "short", "Tells you about patient recordings of yours that need putting right.",
                "full", "Ward scans the organisation's SharePoint, Teams and OneDrive for patient recordings and clinical"
                        + " photos that are over-shared, unlabelled, kept too long or left in the wrong place. This app"
                        + " lets Ward reach you in your Teams activity feed when something you own needs fixing, and"
                        + " tells the compliance team about findings routed to them. It has no tab and no bot, and reads"
                        + " nothing in Teams."));
        m.put("icons", Map.of("outline", OUTLINE_ICON, "color", COLOR_ICON));
        m.put("accentColor", "#1F6F5C");
        m.put("webApplicationInfo", Map.of("id", wardClientId));
        return m;
    }

    /** The zip a Teams admin uploads: the manifest and the icons at its root. */
    public static byte[] zip(String appId, String wardClientId, String wardVersion, Publisher publisher) {
        String manifest = AlertPayload.write(manifest(appId, wardClientId, wardVersion, publisher));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
            entry(zip, COLOR_ICON, png(colorIcon()));
            entry(zip, OUTLINE_ICON, png(outlineIcon()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Teams wants MAJOR.MINOR.PATCH: a development build's qualifier (-SNAPSHOT) is dropped. */
    static String appVersion(String wardVersion) {
        java.util.regex.Matcher m = Pattern.compile("^(\\d+\\.\\d+\\.\\d+)").matcher(wardVersion == null ? "" : wardVersion);
        String version = m.find() ? m.group(1) : "1.0.0";
        return SEMVER.matcher(version).matches() ? version : "1.0.0";
    }

    private static void requireHttps(String url, String option) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidAlertSettingException(option + " must be an https:// address (Teams shows it on the app's"
                    + " page), not \"" + url + "\".");
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0); // the same settings give the same package
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** 192 × 192, full colour: a white shield with a "W" on Ward's green. */
    static BufferedImage colorIcon() {
        BufferedImage image = new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = drawing(image);
        g.setColor(WARD_GREEN);
        g.fillRect(0, 0, 192, 192);
        g.setColor(Color.WHITE);
        g.fill(shield(36, 28, 120, 136));
        g.setColor(WARD_GREEN);
        letter(g, 72, 96, 106);
        g.dispose();
        return image;
    }

    /** 32 × 32, white on transparent, as Teams requires of the outline icon. */
    static BufferedImage outlineIcon() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = drawing(image);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2f));
        g.draw(shield(5, 3, 22, 26));
        letter(g, 13, 16, 19);
        g.dispose();
        return image;
    }

    private static Graphics2D drawing(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    private static Path2D shield(double x, double y, double w, double h) {
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x, y + h * 0.15);
        path.lineTo(x + w / 2, y);
        path.lineTo(x + w, y + h * 0.15);
        path.curveTo(x + w, y + h * 0.65, x + w * 0.75, y + h * 0.85, x + w / 2, y + h);
        path.curveTo(x + w * 0.25, y + h * 0.85, x, y + h * 0.65, x, y + h * 0.15);
        path.closePath();
        return path;
    }

    private static void letter(Graphics2D g, int size, int centreX, int baseline) {
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        String w = "W";
        int width = g.getFontMetrics().stringWidth(w);
        g.drawString(w, centreX - width / 2, baseline);
    }
}
