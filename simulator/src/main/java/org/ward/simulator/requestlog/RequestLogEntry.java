package org.ward.simulator.requestlog;

import java.time.Instant;

/**
 * One request the simulator answered.
 *
 * @param time when it arrived
 * @param appId the calling application, null before authentication
 * @param method HTTP method
 * @param path the path after the Graph version (or the token endpoint path)
 * @param query the raw query string
 * @param status the status answered (inside a batch: the inner status)
 * @param resourceUnits units charged against the budget the route draws on
 * @param bucket the budget's name
 * @param inBatch whether this was an inner request of a {@code $batch}
 * @param fault the injected fault by {@link org.ward.simulator.throttle.Faults.Kind#logName()}, or "none"
 */
public record RequestLogEntry(Instant time, String appId, String method, String path, String query, int status,
        int resourceUnits, String bucket, boolean inBatch, String fault) {

    public boolean throttled() {
        return status == 429;
    }
}
