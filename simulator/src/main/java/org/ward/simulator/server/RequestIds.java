package org.ward.simulator.server;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in Graph's GUID form. They only need to be unique, not unguessable, so they come from a thread-local
 * generator rather than {@link UUID#randomUUID()}, whose shared SecureRandom becomes a bottleneck under load.
 */
public final class RequestIds {

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }
}
