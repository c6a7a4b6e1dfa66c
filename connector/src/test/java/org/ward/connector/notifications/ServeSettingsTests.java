package org.ward.connector.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.ward.connector.serve.ServeSettings;

/** Broken service settings stop the start with one sentence that names the setting. */
class ServeSettingsTests {

    @Test
    void theNotificationUrlIsThePublicUrlWithThePath() {
        WebhookSettings settings = new WebhookSettings(URI.create("https://ward.example.nhs.uk/"), "/graph/notifications",
                "/graph/lifecycle", DataSize.ofMegabytes(1), Duration.ofSeconds(5));

        assertThat(settings.notificationUrl()).isEqualTo("https://ward.example.nhs.uk/graph/notifications");
        assertThat(settings.lifecycleUrl()).isEqualTo("https://ward.example.nhs.uk/graph/lifecycle");
    }

    @Test
    void aMissingPublicUrlIsNamedWhenTheServiceNeedsIt() {
        WebhookSettings settings = new WebhookSettings(null, "/graph/notifications", "/graph/lifecycle",
                DataSize.ofMegabytes(1), Duration.ofSeconds(5));

        assertThatThrownBy(settings::notificationUrl).isInstanceOf(InvalidServeSettingException.class)
                .hasMessageStartingWith("ward.webhook.public-url is missing");
    }

    @Test
    void aPublicUrlThatIsNoAddressIsRefused() {
        assertThatThrownBy(() -> new WebhookSettings(URI.create("ward.example.nhs.uk"), "/n", "/l", DataSize.ofMegabytes(1),
                Duration.ofSeconds(5))).hasMessageStartingWith("ward.webhook.public-url is 'ward.example.nhs.uk'");
    }

    @Test
    void aLifetimeBeyondGraphsMaximumForDrivesIsRefused() {
        assertThatThrownBy(() -> new SubscriptionSettings("all", Duration.ofDays(30), Duration.ofDays(1),
                Duration.ofMinutes(1), Duration.ofHours(1), true, 400, 800, Duration.ofSeconds(20), Duration.ofMinutes(5),
                Duration.ofMinutes(15))).hasMessageStartingWith("ward.subscriptions.lifetime is PT720H");
    }

    @Test
    void aWritePaceAboveGraphsLimitIsRefused() {
        assertThatThrownBy(() -> new SubscriptionSettings("all", Duration.ofDays(3), Duration.ofDays(1),
                Duration.ofMinutes(1), Duration.ofHours(1), true, 501, 800, Duration.ofSeconds(20), Duration.ofMinutes(5),
                Duration.ofMinutes(15))).hasMessageContaining("Graph allows at most 500");
    }

    @Test
    void anUnreadableCronIsNamed() {
        assertThatThrownBy(() -> new ServeSettings("every night", "-", null, true, Duration.ofSeconds(1), 4,
                Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofMinutes(15),
                Duration.ofHours(12), Duration.ofMinutes(1), Duration.ofSeconds(5)))
                .hasMessageStartingWith("ward.serve.scan-cron is 'every night'");
    }

    @Test
    void aValidationTokenIsUrlDecodedOnlyFromTheQuery() {
        assertThat(NotificationServlet.validationToken("validationToken=Validation%3A%20Testing%20client%20application"))
                .isEqualTo("Validation: Testing client application");
        assertThat(NotificationServlet.validationToken("other=1")).isNull();
        assertThat(NotificationServlet.validationToken(null)).isNull();
    }

    @Test
    void clientStatesAreUnderGraphsLimitAndMatchOnlyThemselves() {
        String state = ClientStates.fresh();

        assertThat(state.length()).isLessThanOrEqualTo(128);
        assertThat(ClientStates.matches(state, ClientStates.sha256(state))).isTrue();
        assertThat(ClientStates.matches(state + "x", ClientStates.sha256(state))).isFalse();
        assertThat(ClientStates.matches(null, ClientStates.sha256(state))).isFalse();
        assertThat(ClientStates.matches(state, null)).isFalse();
    }
}
