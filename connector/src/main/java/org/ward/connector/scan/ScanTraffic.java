package org.ward.connector.scan;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphTraffic;
import org.ward.connector.runs.ScanRuns;

/**
 * Adds this process's Graph traffic to the scan it runs, every few seconds and at the end, so a scan's figures (requests,
 * resource units, throttling, retries, faults) count every run of it: a scan killed half-way and resumed reports the
 * traffic of both runs (at most the last few seconds before a kill are lost).
 */
@Component
class ScanTraffic {

    private final GraphTraffic traffic;
    private final ScanRuns runs;
    private GraphTraffic.Snapshot recorded;
    private Long scanId;

    ScanTraffic(GraphTraffic traffic, ScanRuns runs) {
        this.traffic = traffic;
        this.runs = runs;
        this.recorded = traffic.snapshot();
    }

    /** A new run starts: traffic from here on belongs to it. */
    synchronized void mark() {
        recorded = traffic.snapshot();
        scanId = null;
    }

    /** The scan this run's traffic belongs to, once known. */
    synchronized void scanning(long id) {
        scanId = id;
    }

    /**
     * Adds what went over the wire since the last record to the scan's figures. The timer's record can come while the
     * step that creates the scan's row has not committed it; what the row did not take is kept for the next record.
     */
    synchronized void record() {
        if (scanId == null) {
            return;
        }
        GraphTraffic.Snapshot now = traffic.snapshot();
        if (runs.addTraffic(scanId, now.since(recorded))) {
            recorded = now;
        }
    }
}
