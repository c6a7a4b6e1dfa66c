package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.Iterator;

/**
 * Sign-ins produced on demand, newest first, so a log of a million events is never held in memory: a generator
 * makes them slice by slice from its seed.
 */
public interface SignInSource {

    /**
     * The sign-ins with {@code from <= createdDateTime <= to}, newest first (ties by id), starting after the given one.
     *
     * @param after resume strictly after this sign-in in that order, or null to start at {@code to}
     */
    Iterator<SignInRecord> newestFirst(Instant from, Instant to, SignInRecord after);

    SignInSource NONE = (from, to, after) -> java.util.Collections.emptyIterator();
}
