package org.ward.connector.scan;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphTraffic;

/** Graph traffic counters as they stood when this process started its scan, so a scan reports only its own. */
@Component
class ScanTraffic {

    private final GraphTraffic traffic;
    private volatile GraphTraffic.Snapshot atStart;

    ScanTraffic(GraphTraffic traffic) {
        this.traffic = traffic;
        this.atStart = traffic.snapshot();
    }

    void mark() {
        atStart = traffic.snapshot();
    }

    GraphTraffic.Snapshot atStart() {
        return atStart;
    }
}
