package org.ward.simulator.subscriptions;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

/**
 * How the simulator delivers change notifications: what it does to them on the way (delay, bursts, duplicates, loss),
 * the numbers Microsoft documents for slow and failing endpoints, and which notification URLs it accepts.
 * {@link #defaults()} are Microsoft's numbers with a one-second delay; tests usually start from {@link #immediate()}.
 *
 * @param delay how long after a change its notification is posted (Graph's drive notifications average under a
 *        minute, at most five; the default one second keeps demos quick)
 * @param jitter up to this much more delay, drawn per notification
 * @param burst notifications posted per change (Graph is seen to send tens for one rename; 1 by default)
 * @param duplicateRate the share of notifications posted twice
 * @param lossRate the share of notifications never posted
 * @param seed seeds the draws for jitter, duplicates and loss
 * @param timeout Graph's HTTP client timeout: an answer later than this is a failure, retried (3 s)
 * @param slowThreshold an answer slower than this counts as slow (2,900 ms)
 * @param slowSample answers an endpoint must have had before its slow share is judged (100)
 * @param throttleAt the slow share from which an endpoint is throttled: every notification delayed by
 *        {@code throttledDelay}, failures retried after it (10 %)
 * @param dropAt the slow share from which notifications to the endpoint are dropped (15 %)
 * @param statsWindow how often the counts of answers and slow answers start again (10 minutes)
 * @param throttledDelay the delay of a throttled endpoint, and its retry interval (10 minutes)
 * @param retryDelay how long after a failed post it is retried when the endpoint is not throttled
 * @param retryFor how long failed notifications are retried before they are discarded (4 hours)
 * @param maxPerPost the most notifications one POST carries (several subscriptions' notifications share a POST)
 * @param validationTimeout how long the validation handshake waits for the endpoint (10 s)
 * @param allowHttpOnLoopback test-only: accept {@code http://} notification URLs on a loopback address (Graph
 *        accepts https only, and so does the simulator unless this is on)
 * @param trust whom the simulator's HTTP client trusts for {@code https://} notification URLs (the JDK's CAs by
 *        default, as Graph trusts public CAs)
 * @param reauthorizationLead a subscription with a lifecycle URL gets {@code reauthorizationRequired} this long before
 *        it expires
 * @param reauthorizationGrace how long after a {@code reauthorizationRequired} delivery goes on before it pauses
 *        (changes made while paused are never notified) until the app reauthorizes or renews
 * @param sweepInterval how often expiry and reauthorization are checked
 */
public record NotificationSettings(Duration delay, Duration jitter, int burst, double duplicateRate, double lossRate,
        long seed, Duration timeout, Duration slowThreshold, int slowSample, double throttleAt, double dropAt,
        Duration statsWindow, Duration throttledDelay, Duration retryDelay, Duration retryFor, int maxPerPost,
        Duration validationTimeout, boolean allowHttpOnLoopback, SSLContext trust, Duration reauthorizationLead,
        Duration reauthorizationGrace, Duration sweepInterval) {

    public NotificationSettings {
        if (burst < 1 || maxPerPost < 1 || slowSample < 1) {
            throw new IllegalArgumentException("burst, maxPerPost and slowSample must be at least 1");
        }
        if (duplicateRate < 0 || duplicateRate > 1 || lossRate < 0 || lossRate > 1) {
            throw new IllegalArgumentException("duplicateRate and lossRate are shares between 0 and 1");
        }
    }

    /** Microsoft's documented numbers, a one-second delay, https only, the JDK's trusted CAs. */
    public static NotificationSettings defaults() {
        return new NotificationSettings(Duration.ofSeconds(1), Duration.ZERO, 1, 0, 0, 1, Duration.ofSeconds(3),
                Duration.ofMillis(2_900), 100, 0.10, 0.15, Duration.ofMinutes(10), Duration.ofMinutes(10),
                Duration.ofMinutes(1), Duration.ofHours(4), 100, Duration.ofSeconds(10), false, jdkTrust(),
                Duration.ofMinutes(15), Duration.ofMinutes(10), Duration.ofSeconds(1));
    }

    /** The defaults without the delay: a notification is posted as soon as the change is made. */
    public static NotificationSettings immediate() {
        return defaults().withDelay(Duration.ZERO);
    }

    private static SSLContext jdkTrust() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No default TLS context", e);
        }
    }

    public NotificationSettings withDelay(Duration newDelay) {
        return with(c -> c.delay = newDelay);
    }

    public NotificationSettings withJitter(Duration newJitter) {
        return with(c -> c.jitter = newJitter);
    }

    /** Each change is notified {@code copies} times, as Graph does for some single edits. */
    public NotificationSettings withBurst(int copies) {
        return with(c -> c.burst = copies);
    }

    /** Posts this share of notifications twice and never posts that share, drawn from the seed. */
    public NotificationSettings withDuplicatesAndLoss(double duplicates, double loss, long newSeed) {
        return with(c -> {
            c.duplicateRate = duplicates;
            c.lossRate = loss;
            c.seed = newSeed;
        });
    }

    /** The HTTP client's timeout and the slow threshold (Graph: 3 s and 2,900 ms). */
    public NotificationSettings withTimeouts(Duration newTimeout, Duration newSlowThreshold) {
        return with(c -> {
            c.timeout = newTimeout;
            c.slowThreshold = newSlowThreshold;
        });
    }

    /** The slow-endpoint policy: sample size, the shares that throttle and drop, the window and the throttled delay. */
    public NotificationSettings withSlowEndpointPolicy(int sample, double newThrottleAt, double newDropAt,
            Duration window, Duration newThrottledDelay) {
        return with(c -> {
            c.slowSample = sample;
            c.throttleAt = newThrottleAt;
            c.dropAt = newDropAt;
            c.statsWindow = window;
            c.throttledDelay = newThrottledDelay;
        });
    }

    /** Failed posts are retried every {@code interval} for {@code window}, then discarded. */
    public NotificationSettings withRetries(Duration interval, Duration window) {
        return with(c -> {
            c.retryDelay = interval;
            c.retryFor = window;
        });
    }

    public NotificationSettings withValidationTimeout(Duration newTimeout) {
        return with(c -> c.validationTimeout = newTimeout);
    }

    /** Test-only: accept {@code http://} notification URLs on loopback addresses. Graph never does. */
    public NotificationSettings allowingHttpOnLoopback() {
        return with(c -> c.allowHttpOnLoopback = true);
    }

    /** Trusts these certificates for {@code https://} notification URLs (a test endpoint's own CA). */
    public NotificationSettings trusting(SSLContext context) {
        return with(c -> c.trust = context);
    }

    /** When {@code reauthorizationRequired} comes before expiry, and how long delivery goes on after it. */
    public NotificationSettings withReauthorization(Duration lead, Duration grace) {
        return with(c -> {
            c.reauthorizationLead = lead;
            c.reauthorizationGrace = grace;
        });
    }

    public NotificationSettings withMaxPerPost(int most) {
        return with(c -> c.maxPerPost = most);
    }

    private NotificationSettings with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.settings();
    }

    /** The settings as mutable fields, for the with* methods. */
    private static final class Copy {
        Duration delay;
        Duration jitter;
        int burst;
        double duplicateRate;
        double lossRate;
        long seed;
        Duration timeout;
        Duration slowThreshold;
        int slowSample;
        double throttleAt;
        double dropAt;
        Duration statsWindow;
        Duration throttledDelay;
        Duration retryDelay;
        Duration retryFor;
        int maxPerPost;
        Duration validationTimeout;
        boolean allowHttpOnLoopback;
        SSLContext trust;
        Duration reauthorizationLead;
        Duration reauthorizationGrace;
        Duration sweepInterval;

        Copy(NotificationSettings s) {
            delay = s.delay;
            jitter = s.jitter;
            burst = s.burst;
            duplicateRate = s.duplicateRate;
            lossRate = s.lossRate;
            seed = s.seed;
            timeout = s.timeout;
            slowThreshold = s.slowThreshold;
            slowSample = s.slowSample;
            throttleAt = s.throttleAt;
            dropAt = s.dropAt;
            statsWindow = s.statsWindow;
            throttledDelay = s.throttledDelay;
            retryDelay = s.retryDelay;
            retryFor = s.retryFor;
            maxPerPost = s.maxPerPost;
            validationTimeout = s.validationTimeout;
            allowHttpOnLoopback = s.allowHttpOnLoopback;
            trust = s.trust;
            reauthorizationLead = s.reauthorizationLead;
            reauthorizationGrace = s.reauthorizationGrace;
            sweepInterval = s.sweepInterval;
        }

        NotificationSettings settings() {
            return new NotificationSettings(delay, jitter, burst, duplicateRate, lossRate, seed, timeout, slowThreshold,
                    slowSample, throttleAt, dropAt, statsWindow, throttledDelay, retryDelay, retryFor, maxPerPost,
                    validationTimeout, allowHttpOnLoopback, trust, reauthorizationLead, reauthorizationGrace, sweepInterval);
        }
    }
}
