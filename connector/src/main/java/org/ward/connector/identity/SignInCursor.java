package org.ward.connector.identity;

import java.time.Instant;
import java.util.Set;

import org.ward.rules.identity.SignInEvent;

/**
 * Where the last read of the sign-in log stopped: the newest sign-in it analysed, and the ids of the sign-ins at that
 * exact time (Graph's filter is inclusive, so the next read starts there and skips those).
 *
 * @param lastEventAt the newest sign-in analysed
 * @param boundaryIds sign-ins at exactly that time already analysed
 * @param source "v1.0" or "beta"
 */
public record SignInCursor(Instant lastEventAt, Set<String> boundaryIds, String source) {

    public SignInCursor {
        boundaryIds = Set.copyOf(boundaryIds);
    }

    /** Whether a sign-in was analysed by an earlier run. */
    public boolean seen(SignInEvent e) {
        return e.time().isBefore(lastEventAt) || e.time().equals(lastEventAt) && boundaryIds.contains(e.id());
    }
}
