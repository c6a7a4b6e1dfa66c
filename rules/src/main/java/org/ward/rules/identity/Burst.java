package org.ward.rules.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run of bad sign-ins (failures, denied MFA prompts) that met a detector's threshold in some window, grown as the
 * newest-first stream reaches further back; it ends when the stream moves more than a window past its oldest event.
 */
final class Burst {

    private final Map<String, SignInEvent> events = new LinkedHashMap<>();
    private final Set<String> accounts = new LinkedHashSet<>();
    private Instant newest;
    private Instant oldest;
    private SignInEvent followedBy;

    void add(SignInEvent e) {
        if (events.putIfAbsent(e.id(), e) == null) {
            accounts.add(e.userKey());
            newest = newest == null || e.time().isAfter(newest) ? e.time() : newest;
            oldest = oldest == null || e.time().isBefore(oldest) ? e.time() : oldest;
        }
    }

    /** Whether the stream, now at {@code time}, is more than a window past this burst. */
    boolean endedBy(Instant time, Duration window) {
        return oldest != null && Duration.between(time, oldest).compareTo(window) > 0;
    }

    void followedBy(SignInEvent success) {
        if (success != null && (followedBy == null || success.time().isBefore(followedBy.time()))) {
            followedBy = success;
        }
    }

    SignInEvent followedBy() {
        return followedBy;
    }

    int size() {
        return events.size();
    }

    int accounts() {
        return accounts.size();
    }

    Instant newest() {
        return newest;
    }

    Instant oldest() {
        return oldest;
    }

    List<SignInEvent> events() {
        return new ArrayList<>(events.values());
    }
}
