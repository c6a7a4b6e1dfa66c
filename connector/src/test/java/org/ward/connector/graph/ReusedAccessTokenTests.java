package org.ward.connector.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;

import reactor.core.publisher.Mono;

/** One access token serves every Graph call until shortly before it expires. */
class ReusedAccessTokenTests {

    private final FakeTime time = new FakeTime();
    private final List<TokenRequestContext> signIns = new ArrayList<>();
    private final TokenCredential entra = new TokenCredential() {
        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            return Mono.fromCallable(() -> getTokenSync(request));
        }

        @Override
        public AccessToken getTokenSync(TokenRequestContext request) {
            signIns.add(request);
            return new AccessToken("token-" + signIns.size(),
                    OffsetDateTime.ofInstant(time.instant(), ZoneOffset.UTC).plus(Duration.ofMinutes(60)));
        }
    };
    private final ReusedAccessToken credential = new ReusedAccessToken(entra, time);
    private final TokenRequestContext graph = new TokenRequestContext().addScopes("https://graph.microsoft.com/.default");

    @Test
    void reusesTheTokenUntilFiveMinutesBeforeItExpires() throws InterruptedException {
        String first = credential.getTokenSync(graph).getToken();
        time.sleep(Duration.ofMinutes(54));
        assertThat(credential.getTokenSync(graph).getToken()).isEqualTo(first);
        assertThat(signIns).hasSize(1);
    }

    @Test
    void signsInAgainInTheLastFiveMinutes() throws InterruptedException {
        credential.getTokenSync(graph);
        time.sleep(Duration.ofMinutes(56));
        assertThat(credential.getTokenSync(graph).getToken()).isEqualTo("token-2");
        assertThat(credential.getTokenSync(graph).getToken()).isEqualTo("token-2");
    }

    @Test
    void aClaimsChallengeAlwaysGetsAFreshToken() {
        credential.getTokenSync(graph);
        TokenRequestContext challenged = new TokenRequestContext().addScopes("https://graph.microsoft.com/.default")
                .setClaims("{\"access_token\":{\"nbf\":{\"essential\":true,\"value\":\"1732352400\"}}}");
        assertThat(credential.getTokenSync(challenged).getToken()).isEqualTo("token-2");
        assertThat(credential.getTokenSync(graph).getToken()).isEqualTo("token-2");
    }

    @Test
    void anotherScopeIsAnotherToken() {
        credential.getTokenSync(graph);
        credential.getTokenSync(new TokenRequestContext().addScopes("https://graph.microsoft.us/.default"));
        assertThat(signIns).hasSize(2);
    }
}
