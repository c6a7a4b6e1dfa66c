package org.ward.connector.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.alerts.AlertSettings;
import org.ward.connector.alerts.InvalidAlertSettingException;
import org.ward.connector.alerts.TeamsAppPackage;
import org.ward.connector.demo.DemoTenant;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.report.WardBuild;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ward teams-app --out FILE}: writes Ward's Teams app package (manifest.json naming Ward's Entra app, and the two
 * icons) for a Teams admin to upload, so that the teams-activity channel can reach people in their activity feed.
 */
@Command(name = "teams-app", mixinStandardHelpOptions = true,
        description = {"Write Ward's Teams app package (a zip of manifest.json and two icons) for a Teams admin to upload:"
                + " the teams-activity alert channel reaches only people who have it installed.",
            "The app's id is the teams-activity channel's teams-app-id; its webApplicationInfo names ward.graph.client-id."
                + " See docs/alerts.md."})
final class TeamsAppCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The zip to write (e.g. ward-teams-app.zip).")
    Path out;

    @Option(names = "--publisher", paramLabel = "NAME", defaultValue = "Ward",
            description = "Who publishes the app, as Teams shows it (at most 32 characters; default: ${DEFAULT-VALUE}).")
    String publisher;

    @Option(names = "--website-url", paramLabel = "URL", required = true,
            description = "Your organisation's page about Ward (https), shown on the app's page in Teams.")
    String websiteUrl;

    @Option(names = "--privacy-url", paramLabel = "URL", description = "Privacy notice (https; default: the website URL).")
    String privacyUrl;

    @Option(names = "--terms-url", paramLabel = "URL", description = "Terms of use (https; default: the website URL).")
    String termsUrl;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    /** With --demo, the demo's teams-activity channel, which names the demo's Teams app (nothing is sent). */
    @Override
    public Map<String, Object> properties() {
        return launch.demo ? DemoTenant.teamsChannel() : Map.of();
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        byte[] zip;
        String appId;
        String clientId = context.getBean(GraphSettings.class).clientId();
        try {
            appId = TeamsAppPackage.appId(context.getBean(AlertSettings.class));
            zip = TeamsAppPackage.zip(appId, clientId, WardBuild.version(), new TeamsAppPackage.Publisher(publisher,
                    websiteUrl, privacyUrl == null ? websiteUrl : privacyUrl, termsUrl == null ? websiteUrl : termsUrl));
        } catch (InvalidAlertSettingException e) {
            console.error(e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, zip);
        } catch (IOException e) {
            console.error("Ward cannot write " + out.toAbsolutePath() + " (" + e.getMessage() + ").");
            return ExitCodes.FAILED;
        }
        console.line("Ward's Teams app (id " + appId + ", manifest " + TeamsAppPackage.MANIFEST_VERSION
                + ", webApplicationInfo " + clientId + ") written to " + out.toAbsolutePath() + ".");
        console.line("Upload it in the Teams admin center (Teams apps > Manage apps > Upload new app), then install it for"
                + " the people Ward notifies (Teams apps > Setup policies > Installed apps), and grant Ward's app"
                + " TeamsActivity.Send. See docs/alerts.md.");
        return ExitCodes.OK;
    }
}
