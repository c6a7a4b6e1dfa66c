package org.ward.connector.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataIntegrityViolationException;
import org.ward.connector.graph.GraphAccessException;

/** A scan that did not finish says why: Spring Batch's "unsuccessful step" never reaches a person without its cause. */
class ScanFailureSentenceTests {

    @Test
    void aFailedDrivePartitionIsExplainedByItsCauseNotBySpringBatch() {
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "tenantScanJob"), new JobParameters());
        StepExecution manager = new StepExecution(1L, "inventoryStep", job);
        manager.addFailureException(new IllegalStateException("Partition handler returned an unsuccessful step"));
        StepExecution worker = new StepExecution(2L, "inventoryDriveStep:partition3", job);
        worker.addFailureException(new DataIntegrityViolationException("could not execute statement",
                new SQLException("Value too long for column \"NAME CHARACTER VARYING(2000)\"")));
        job.addStepExecution(manager);
        job.addStepExecution(worker);

        String sentence = ScanService.failure(job).getMessage();

        assertThat(sentence).isEqualTo("The scan did not finish: Value too long for column \"NAME CHARACTER VARYING(2000)\"."
                + " What was committed is kept; run the scan again to resume.").doesNotContain("Partition handler");
    }

    @Test
    void aWardSentenceFromAnyStepIsPreferred() {
        JobExecution job = new JobExecution(2L, new JobInstance(2L, "tenantScanJob"), new JobParameters());
        StepExecution manager = new StepExecution(1L, "inventoryStep", job);
        manager.addFailureException(new IllegalStateException("Partition handler returned an unsuccessful step"));
        StepExecution worker = new StepExecution(2L, "inventoryDriveStep:partition1", job);
        worker.addFailureException(new RuntimeException(new GraphAccessException("Graph kept answering 503 to GET"
                + " /drives/x/root/delta through 7 attempts.", null)));
        job.addStepExecution(manager);
        job.addStepExecution(worker);

        assertThat(ScanService.failure(job).getMessage()).startsWith("The scan did not finish: Graph kept answering 503");
    }
}
