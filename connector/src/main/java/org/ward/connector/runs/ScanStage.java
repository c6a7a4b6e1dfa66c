package org.ward.connector.runs;

import org.springframework.batch.core.step.Step;

/**
 * A step a capability adds to the tenant scan (sharing, identity, ...), run after the recordings are evaluated and
 * before the scan is closed, in {@code order}. Steps read the scan id from the job's execution context
 * ({@link #SCAN_ID}).
 *
 * @param order where it runs among the stages, lowest first
 * @param step the Spring Batch step
 */
public record ScanStage(int order, Step step) {

    /** The key of the scan id in the job's execution context. */
    public static final String SCAN_ID = "ward.scanId";
}
