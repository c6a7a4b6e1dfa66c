package org.ward.connector.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.ward.connector.database.DatabaseHost;
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
    /** How long a scan waits for a shorter command that serves the H2 file to finish. */
    private static final Duration HOST_PATIENCE = Duration.ofMinutes(5);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job job;
    private final ScanRuns runs;
    private final ScanProgress progress;
    private final ScanTraffic traffic;
    private final PolicyPack policy;
    private final Path dataDir;
    private final DatabaseHost database;

    public ScanService(JobOperator operator, JobRepository repository, Job tenantScanJob, ScanRuns runs, ScanProgress progress,
            ScanTraffic traffic, PolicyPack policy, @Value("${ward.data-dir:ward-data}") String dataDir,
            DatabaseHost database) {
        this.operator = operator;
        this.repository = repository;
        this.job = tenantScanJob;
        this.runs = runs;
        this.progress = progress;
        this.traffic = traffic;
        this.policy = policy;
        this.dataDir = Path.of(dataDir);
        this.database = database;
    }

    /**
     * A finished scan.
     *
     * @param scanId the scan's id in the register
     * @param resumed whether it resumed an interrupted scan
     * @param incomplete why its result is incomplete (a check whose input could not be read did not run); empty when
     *     complete
     */
    public record Outcome(long scanId, boolean resumed, List<String> incomplete) {

        public boolean complete() {
            return incomplete.isEmpty();
        }
    }

    public Outcome scan() {
        try (ScanLock lock = ScanLock.acquire(dataDir)) {
            progress.start();
            database.serve(HOST_PATIENCE, () -> progress.phase("waiting for another Ward command to close the database"));
            traffic.mark();
            JobExecution interrupted = interrupted();
            if (interrupted != null && interrupted.getExecutionContext().containsKey(ScanKeys.SCAN_ID)) {
                long resuming = interrupted.getExecutionContext().getLong(ScanKeys.SCAN_ID);
                runs.resumed(resuming);
                traffic.scanning(resuming);
            }
            JobExecution execution;
            ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "ward-scan-traffic");
                thread.setDaemon(true);
                return thread;
            });
            recorder.scheduleWithFixedDelay(this::recordTraffic, 5, 5, TimeUnit.SECONDS);
            try {
                execution = interrupted != null ? operator.restart(interrupted)
                        : operator.start(job, new JobParametersBuilder().addLong("run", System.currentTimeMillis())
                                .toJobParameters());
            } catch (Exception e) {
                throw new ScanFailedException("The scan could not start: " + e.getMessage(), e);
            } finally {
                recorder.shutdownNow();
                recordTraffic();
            }
            Long scanId = execution.getExecutionContext().containsKey(ScanKeys.SCAN_ID)
                    ? execution.getExecutionContext().getLong(ScanKeys.SCAN_ID) : null;
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                if (scanId != null) {
                    runs.failed(scanId, Instant.now());
                }
                throw failure(execution);
            }
            return new Outcome(scanId, interrupted != null,
                    runs.find(scanId).map(ScanRuns.ScanRun::incomplete).orElse(List.of()));
        }
    }

    private void recordTraffic() {
        try {
            traffic.record();
        } catch (RuntimeException e) {
            // Figures only: a busy database must not fail the scan; the next record adds what this one missed.
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

    /**
     * The sentence for a scan that did not finish. Spring Batch's own words ("Partition handler returned an unsuccessful
     * step") never reach a person alone: the cause behind them — a Ward sentence where there is one, else the deepest
     * cause of the first step that failed — is what the sentence says.
     */
    static ScanFailedException failure(JobExecution execution) {
        List<Throwable> failures = new java.util.ArrayList<>(execution.getAllFailureExceptions());
        Throwable explained = null;
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t.getClass().getName().startsWith("org.ward.")) {
                    explained = t;
                }
            }
            if (explained != null) {
                break;
            }
        }
        if (explained == null) {
            explained = failures.stream().filter(f -> !frameworkOnly(f)).findFirst().map(ScanService::deepest).orElse(null);
        }
        String why = explained == null ? "the scan job ended " + execution.getStatus()
                : explained.getMessage() == null ? explained.getClass().getSimpleName() : explained.getMessage();
        return new ScanFailedException("The scan did not finish: " + why.strip().replaceAll("\\.$", "") + ". What was"
                + " committed is kept; run the scan again to resume.", failures.isEmpty() ? null : failures.get(0));
    }

    /** Spring Batch saying only that another step failed. */
    private static boolean frameworkOnly(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return failure.getCause() == null && (message.contains("unsuccessful step") || message.contains("Partition handler"));
    }

    private static Throwable deepest(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

}
