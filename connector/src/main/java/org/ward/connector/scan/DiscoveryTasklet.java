package org.ward.connector.scan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.Discovery;
import org.ward.connector.discovery.DiscoveryUnits;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.discovery.collect.TenantDiscovery;
import org.ward.connector.discovery.collect.TenantOrganization;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.policy.PolicyPack;

/**
 * Opens the scan in the register (once, even across restarts) and records what discovery finds: every site, team,
 * channel site and OneDrive, and the coverage gaps. What discovery reads is journalled unit by unit, so a failure half-way
 * is resumed from the units not yet read.
 */
class DiscoveryTasklet implements Tasklet {

    private final TenantDiscovery discovery;
    private final DiscoveryUnits units;
    private final LocationStore locations;
    private final ScanRuns runs;
    private final PolicyPack policy;
    private final GraphSettings graph;
    private final ScanProgress progress;
    private final ScanTraffic traffic;
    private final Clock clock;
    private final TenantOrganization organization;

    DiscoveryTasklet(TenantDiscovery discovery, DiscoveryUnits units, LocationStore locations, ScanRuns runs, PolicyPack policy,
            GraphSettings graph, ScanProgress progress, ScanTraffic traffic, Clock clock, TenantOrganization organization) {
        this.organization = organization;
        this.discovery = discovery;
        this.units = units;
        this.locations = locations;
        this.runs = runs;
        this.policy = policy;
        this.graph = graph;
        this.progress = progress;
        this.traffic = traffic;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        ExecutionContext job = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        long scanId;
        // The register's row is written in this step's transaction, the id into the job's context, which Spring Batch
        // saves even when the step fails and rolls the row back (a refused sign-in, a network down): the id of a
        // failed first attempt names no scan, and the run that resumes it starts the scan's row afresh.
        if (job.containsKey(ScanKeys.SCAN_ID) && runs.find(job.getLong(ScanKeys.SCAN_ID)).isPresent()) {
            scanId = job.getLong(ScanKeys.SCAN_ID);
        } else {
            scanId = runs.start(graph.tenantId(), policy.id(), policy.contentHash(),
                    chunk.getStepContext().getStepExecution().getJobExecution().getId(), clock.instant());
            job.putLong(ScanKeys.SCAN_ID, scanId);
        }
        traffic.scanning(scanId);
        progress.phase("discovering sites, teams and OneDrives");
        units.forgetAllBut(scanId);
        List<String> gaps = new ArrayList<>(organization(scanId));
        Discovery found = discovery.discover(units.of(scanId));
        locations.record(found, scanId);
        gaps.addAll(found.gaps());
        runs.gaps(scanId, gaps);
        units.forget(scanId);
        traffic.record();
        return RepeatStatus.FINISHED;
    }

    /**
     * Records the tenant's name and verified domains; without them reports name the tenant by its id, and guests are
     * told from members by their user type and sign-in names alone.
     */
    private List<String> organization(long scanId) {
        progress.phase("reading the tenant's name and verified domains");
        try {
            organization.read().ifPresent(o -> runs.tenant(scanId, o.displayName(), o.verifiedDomains()));
            return List.of();
        } catch (GraphAccessException e) {
            if (e.status() != 403) {
                throw e;
            }
            return List.of("Not read: the tenant's name and verified domains (GET /organization needs Organization.Read.All"
                    + " or Directory.Read.All). " + e.getMessage() + " Reports name the tenant by its id, and whether an"
                    + " address with no directory user behind it is a guest is not evaluated.");
        }
    }
}
