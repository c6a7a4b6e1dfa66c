package org.ward.connector.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt: what Graph asked for ({@code Retry-After} as seconds or an HTTP
 * date; the greater of it and {@code RateLimit-Reset} when both come), otherwise exponential backoff with
 * jitter, as some services (identity protection, the sign-in endpoints) send no {@code Retry-After}.
 */
final class RetryTiming {

    private final Clock clock;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final DoubleSupplier jitter;

    RetryTiming(Clock clock, Duration initialBackoff, Duration maxBackoff, DoubleSupplier jitter) {
        this.clock = clock;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
    }

    /** The wait Graph asked for, from a header lookup (works for real and for {@code $batch} inner headers). */
    Optional<Duration> requested(java.util.function.Function<String, String> header) {
        Optional<Duration> retryAfter = parse(header.apply("Retry-After"));
        Optional<Duration> reset = seconds(header.apply("RateLimit-Reset"));
        if (retryAfter.isPresent() && reset.isPresent()) {
            return Optional.of(retryAfter.get().compareTo(reset.get()) >= 0 ? retryAfter.get() : reset.get());
        }
        return retryAfter.isPresent() ? retryAfter : reset;
    }

    /** Exponential backoff for the given retry (1-based): half fixed, half random, capped. */
    Duration backoff(int retry) {
        long base = initialBackoff.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        long capped = Math.min(base, maxBackoff.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * jitter.getAsDouble()));
    }

    private Optional<Duration> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<Duration> seconds = seconds(value);
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration left = Duration.between(clock.instant(), at);
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // Graph sends whole or fractional seconds ("2.128"); some proxies send a list ("31, 120"): take the first.
    private static Optional<Duration> seconds(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (String part : value.split(",")) {
            try {
                double parsed = Double.parseDouble(part.trim());
                if (parsed >= 0 && !Double.isNaN(parsed) && !Double.isInfinite(parsed)) {
                    return Optional.of(Duration.ofMillis(Math.round(parsed * 1000)));
                }
            } catch (NumberFormatException e) {
                // not seconds; maybe an HTTP date
            }
        }
        return Optional.empty();
    }
}
