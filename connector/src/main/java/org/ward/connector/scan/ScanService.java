package org.ward.connector.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.policy.PolicyPack;

/**
 * Runs a tenant scan: a new one, or — when the last one was interrupted (the process killed, the network gone) —
 * resumes it from its last committed chunk, so the findings are the same as an uninterrupted scan's.
 */
@Service
public class ScanService {

    /** An interrupted scan older than this is abandoned rather than resumed. */
    private static final Duration RESUMABLE_FOR = Duration.ofHours(24);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final ScanRuns runs;
    private final ScanProgress progress;
    private final ScanTraffic traffic;
    private final PolicyPack policy;
    private final Path dataDir;

    public ScanService(JobOperator operator, JobRepository repository, Job tenantScanJob, ScanRuns runs, ScanProgress progress,
            ScanTraffic traffic, PolicyPack policy, @Value("${ward.data-dir:ward-data}") String dataDir) {
        this.operator = operator;
        this.repository = repository;
        this.job = tenantScanJob;
        this.runs = runs;
        this.progress = progress;
        this.traffic = traffic;
        this.policy = policy;
        this.dataDir = Path.of(dataDir);
    }

    /**
     * A finished scan.
     *
     * @param scanId the scan's id in the register
     * @param resumed whether it resumed an interrupted scan
     */
    public record Outcome(long scanId, boolean resumed) {
    }

    public Outcome scan() {
        try (ScanLock lock = ScanLock.acquire(dataDir)) {
            progress.start();
            traffic.mark();
            JobExecution interrupted = interrupted();
            JobExecution execution;
            try {
                execution = interrupted != null ? operator.restart(interrupted)
                        : operator.start(job, new JobParametersBuilder().addLong("run", System.currentTimeMillis())
                                .toJobParameters());
            } catch (Exception e) {
                throw new ScanFailedException("The scan could not start: " + e.getMessage(), e);
            }
            Long scanId = execution.getExecutionContext().containsKey(ScanKeys.SCAN_ID)
                    ? execution.getExecutionContext().getLong(ScanKeys.SCAN_ID) : null;
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                if (scanId != null) {
                    runs.failed(scanId, Instant.now());
                }
                throw failure(execution);
            }
            return new Outcome(scanId, interrupted != null);
        }
    }

    /** The last scan, if it was interrupted recently under the same policy: it is resumed, not started afresh. */
    private JobExecution interrupted() {
        JobInstance instance = repository.getLastJobInstance(ScanJobConfiguration.JOB);
        if (instance == null) {
            return null;
        }
        JobExecution last = repository.getLastJobExecution(instance);
        if (last == null || last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
            return null;
        }
        if (last.getStatus().isRunning()) {
            // We hold the scan lock, so no process is running it: it died mid-scan.
            last = operator.recover(last);
        }
        boolean recent = last.getCreateTime() != null
                && Duration.between(last.getCreateTime(), java.time.LocalDateTime.now()).compareTo(RESUMABLE_FOR) < 0;
        boolean samePolicy = !last.getExecutionContext().containsKey(ScanKeys.SCAN_ID)
                || runs.find(last.getExecutionContext().getLong(ScanKeys.SCAN_ID))
                        .map(r -> r.policyHash().equals(policy.contentHash())).orElse(true);
        if (recent && samePolicy) {
            return last;
        }
        try {
            operator.abandon(last);
        } catch (Exception e) {
            throw new ScanFailedException("The interrupted scan could not be abandoned: " + e.getMessage(), e);
        }
        return null;
    }

    private static ScanFailedException failure(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        Throwable cause = failures.isEmpty() ? null : failures.get(0);
        Throwable explained = cause;
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().startsWith("org.ward.")) {
                explained = t;
            }
        }
        String why = explained == null ? "the scan job ended " + execution.getStatus() : explained.getMessage();
        return new ScanFailedException("The scan did not finish: " + why
                + " What was committed is kept; run the scan again to resume.", cause);
    }
}
