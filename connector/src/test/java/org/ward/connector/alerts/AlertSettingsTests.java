package org.ward.connector.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** ward.alerts.* is checked as a whole at start; each mistake is one sentence naming the setting. */
class AlertSettingsTests {

    private static AlertSettings.Channel mail() {
        return new AlertSettings.Channel("mail", "ward-alerts@trust.nhs.uk", List.of("dpo@trust.nhs.uk"), null, null, null,
                null, null, null, null, true, 120, null, null, null, null);
    }

    private static AlertSettings.Channel webhook(String url, String secret) {
        return new AlertSettings.Channel("webhook", null, null, url, null, secret, null, null, null, null, true, 120, null,
                null, null, null);
    }

    private static AlertSettings settings(Map<String, AlertSettings.Channel> channels, List<AlertSettings.Route> routes,
            AlertSettings.Owners owners) {
        return new AlertSettings("true", "Europe/London", channels, routes, new AlertSettings.Delivery(8,
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(10)), new AlertSettings.Digest(List.of(),
                "07:00"), owners);
    }

    private static AlertSettings.Owners noOwners() {
        return new AlertSettings.Owners(null, Duration.ofDays(7), Duration.ofDays(14), List.of(), null);
    }

    @Test
    void refusesARouteToAChannelThatDoesNotExist() {
        assertThatThrownBy(() -> settings(Map.of("dpo", mail()), List.of(new AlertSettings.Route(List.of("soc"), "high",
                List.of(), List.of())), noOwners()))
                .isInstanceOf(InvalidAlertSettingException.class)
                .hasMessage("ward.alerts.routes[0].channels names soc, which is not under ward.alerts.channels (known: dpo).");
    }

    @Test
    void aTeamsActivityChannelNeedsItsTeamsAppIdAndCanReachOwners() {
        AlertSettings.Owners byTeams = new AlertSettings.Owners("owners", Duration.ofDays(7), Duration.ofDays(14),
                List.of(), null);
        assertThatThrownBy(() -> settings(Map.of("owners", teamsActivity(null)), List.of(), byTeams))
                .hasMessageStartingWith("ward.alerts.channels.owners.teams-app-id is missing: give the id in the manifest"
                        + " of the Teams app");
        assertThat(settings(Map.of("owners", teamsActivity("5f0c2b1e-7d3a-4c55-9a41-2e6b8f0d1c77")), List.of(), byTeams)
                .owners().channel()).isEqualTo("owners");
        assertThatThrownBy(() -> settings(Map.of("owners", webhook("https://siem.trust.nhs.uk/ward",
                "0123456789abcdef0123456789abcdef")), List.of(), byTeams))
                .hasMessageContaining("name a channel of type mail (owners are written to by e-mail) or teams-activity");
    }

    @Test
    void warnsOfTeamsUrlsMicrosoftRetires() {
        assertThat(AlertSettings.Channel.retiredTeamsUrl("ward.alerts.channels.t.url",
                "https://trust.webhook.office.com/webhookb2/1234@5678/IncomingWebhook/abc/def"))
                .hasValueSatisfying(w -> assertThat(w).startsWith("ward.alerts.channels.t.url is an Office 365 connector"
                        + " (incoming webhook) URL on trust.webhook.office.com"));
        assertThat(AlertSettings.Channel.retiredTeamsUrl("ward.alerts.channels.t.url",
                "https://outlook.office.com/webhook/1234@5678/IncomingWebhook/abc/def")).isPresent();
        assertThat(AlertSettings.Channel.retiredTeamsUrl("ward.alerts.channels.t.url",
                "https://prod-23.westeurope.logic.azure.com:443/workflows/f00/triggers/manual/paths/invoke?sig=x"))
                .hasValueSatisfying(w -> assertThat(w).contains("on prod-23.westeurope.logic.azure.com")
                        .contains("environment.api.powerplatform.com"));
        assertThat(AlertSettings.Channel.retiredTeamsUrl("ward.alerts.channels.t.url", "https://942ead.4a.environment.api"
                + ".powerplatform.com:443/powerautomate/automations/direct/workflows/b95/triggers/manual/paths/invoke?sig=x"))
                .isEmpty();
    }

    private static AlertSettings.Channel teamsActivity(String teamsAppId) {
        return new AlertSettings.Channel("teams-activity", null, null, null, null, null, null, null, null, null, true, 120,
                teamsAppId, null, null, null);
    }

    @Test
    void refusesAWebhookWithoutAStrongSecret() {
        assertThatThrownBy(() -> settings(Map.of("hook", webhook("https://siem.trust.nhs.uk/ward", "short")), List.of(),
                noOwners()))
                .hasMessageStartingWith("ward.alerts.channels.hook.secret must hold the HMAC key");
    }

    @Test
    void refusesAnAlertUrlThatIsNotHttps() {
        assertThatThrownBy(() -> settings(Map.of("hook", webhook("http://siem.trust.nhs.uk/ward",
                "0123456789abcdef0123456789abcdef")), List.of(), noOwners()))
                .hasMessageContaining("ward.alerts.channels.hook.url must be an https:// URL");
    }

    @Test
    void refusesAnUnknownSeverityOrFindingTypeInARoute() {
        assertThatThrownBy(() -> settings(Map.of("dpo", mail()), List.of(new AlertSettings.Route(List.of("dpo"), "urgent",
                List.of(), List.of())), noOwners()))
                .hasMessage("ward.alerts.routes[0].min-severity is 'urgent': set it to critical, high, medium, low or info.");
        assertThatThrownBy(() -> settings(Map.of("dpo", mail()), List.of(new AlertSettings.Route(List.of("dpo"), "high",
                List.of("ANONYMOUS_LINKS"), List.of())), noOwners()))
                .hasMessageStartingWith("ward.alerts.routes[0].types names 'ANONYMOUS_LINKS', which is not a finding type");
    }

    @Test
    void refusesQuietHoursItCannotRead() {
        AlertSettings.Channel quiet = new AlertSettings.Channel("mail", "ward-alerts@trust.nhs.uk", List.of("a@b.uk"),
                null, null, null, null, null, null, "10pm to 7am", true, 120, null, null, null, null);
        assertThatThrownBy(() -> settings(Map.of("dpo", quiet), List.of(), noOwners()))
                .hasMessage("ward.alerts.channels.dpo.quiet-hours is '10pm to 7am': give a range such as 22:00-07:00.");
    }

    @Test
    void writesToOwnersOnlyThroughAMailChannel() {
        assertThatThrownBy(() -> settings(Map.of("hook", webhook("https://siem.trust.nhs.uk/ward",
                "0123456789abcdef0123456789abcdef")), List.of(), new AlertSettings.Owners("hook", Duration.ofDays(7),
                        Duration.ofDays(14), List.of(), null)))
                .hasMessageStartingWith("ward.alerts.owners.channel is 'hook': name a channel of type mail");
    }

    @Test
    void acceptsACompleteConfiguration() {
        AlertSettings settings = settings(Map.of("dpo", mail()), List.of(new AlertSettings.Route(List.of("dpo"), "high",
                List.of("ANONYMOUS_LINK"), List.of())), new AlertSettings.Owners("dpo", Duration.ofDays(7),
                        Duration.ofDays(14), List.of("dpo"), null));
        assertThat(settings.on()).isTrue();
        assertThat(settings.routes().get(0).threshold().yamlName()).isEqualTo("high");
    }
}
