package org.ward.connector.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphConnectionCheck;
import org.ward.connector.graph.TokenPermissions;

/**
 * The {@code graph} health contributor, part of the readiness probe: whether Ward can get a token for Graph with
 * its credential, and whether the token carries Files.ReadWrite.All, without which Graph refuses drive subscriptions.
 * The answer is kept for a minute so that probes do not sign in on every call.
 */
public class GraphTokenHealth implements HealthIndicator {

    private static final Duration KEEP = Duration.ofMinutes(1);

    private final GraphConnectionCheck connection;
    private final Clock clock;
    private volatile Health last;
    private volatile Instant checkedAt = Instant.MIN;

    public GraphTokenHealth(GraphConnectionCheck connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Health known = last;
        if (known != null && checkedAt.plus(KEEP).isAfter(now)) {
            return known;
        }
        Health fresh;
        try {
            TokenPermissions token = connection.grantedPermissions();
            fresh = token.has("Files.ReadWrite.All") ? Health.up().build()
                    : Health.down().withDetail("error", "The app's token lacks Files.ReadWrite.All, which Graph requires to"
                            + " subscribe to drives: grant it with admin consent (docs/graph-permissions.md).").build();
        } catch (GraphAccessException e) {
            fresh = Health.down().withDetail("error", e.getMessage()).build();
        }
        last = fresh;
        checkedAt = now;
        return fresh;
    }
}
