package org.ward.connector.scan;

import java.time.Clock;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;

/** Closes the scan in the register with its figures. */
class FinishTasklet implements Tasklet {

    private final ScanRuns runs;
    private final ItemStore items;
    private final LocationStore locations;
    private final ScanTraffic scanTraffic;
    private final Clock clock;

    FinishTasklet(ScanRuns runs, ItemStore items, LocationStore locations, ScanTraffic scanTraffic, Clock clock) {
        this.runs = runs;
        this.items = items;
        this.locations = locations;
        this.scanTraffic = scanTraffic;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long scanId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().getLong(ScanKeys.SCAN_ID);
        scanTraffic.record();
        runs.finish(scanId, "COMPLETED", locations.drives(scanId).size(), items.count(), items.countRecordings(),
                clock.instant());
        return RepeatStatus.FINISHED;
    }
}
