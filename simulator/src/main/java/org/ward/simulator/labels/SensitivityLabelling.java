package org.ward.simulator.labels;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.ward.simulator.server.BesideGraph;
import org.ward.simulator.server.GraphErrors;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphRequest;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.RequestIds;
import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.TenantChanges;

import tools.jackson.databind.node.ObjectNode;

/**
 * SharePoint's side of {@code assignSensitivityLabel}: the jobs it accepted, the monitor URLs it hands out (served
 * beside Graph, called without a token: {@code tempAuth} in the URL is the credential), the per-tenant cap of 100
 * calls in 5 minutes, the cloud the simulator plays, and the label landing on the file when a job completes. Also the
 * Java API tests use to set metering, the cap, how long jobs take, encrypted files and refusals.
 */
public final class SensitivityLabelling implements BesideGraph, AutoCloseable {

    static final String MONITOR_PATH = "/_api/v2.0/monitor/";
    /**
     * What the API labels: Office Open XML and PDF (Purview's supported types for labels on files in SharePoint and
     * OneDrive). Everything else, audio and video included, is refused with 415.
     */
    static final Set<String> SUPPORTED_EXTENSIONS = Set.of(".docx", ".docm", ".xlsx", ".xlsm", ".xlsb", ".pptx", ".ppsx",
            ".pdf");

    /** The asyncJobStatus values a label job goes through. */
    public enum Status { notStarted, inProgress, completed, failed }

    /**
     * A label job as tests see it.
     *
     * @param id the job (monitor) id
     * @param driveId the file's drive
     * @param itemId the file
     * @param labelId the label to apply, or null to remove the file's label
     * @param assignmentMethod standard, privileged or auto
     * @param appId the app that asked
     * @param status where the job is
     * @param statusDescription why it failed, when it did
     */
    public record Job(String id, String driveId, String itemId, String labelId, String assignmentMethod, String appId,
            Status status, String statusDescription) {
    }

    private static final class State {
        final String id;
        final String tempAuth = UUID.randomUUID().toString().replace("-", "");
        final String driveId;
        final String itemId;
        final String labelId;
        final String method;
        final String appId;
        volatile Status status = Status.notStarted;
        volatile String description;
        volatile Instant finishedAt;

        State(String driveId, String itemId, String labelId, String method, String appId) {
            this.id = UUID.randomUUID().toString();
            this.driveId = driveId;
            this.itemId = itemId;
            this.labelId = labelId;
            this.method = method;
            this.appId = appId;
        }

        Job view() {
            return new Job(id, driveId, itemId, labelId, method, appId, status, description);
        }
    }

    private final Tenant tenant;
    private final TenantChanges changes;
    private final NationalCloud cloud;
    private final Map<String, State> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> encrypted = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final Deque<Instant> accepted = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "simulator-sensitivity-labels");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int cap = 100;
    private volatile Duration capWindow = Duration.ofMinutes(5);
    private volatile Duration completionDelay = Duration.ofSeconds(2);
    private volatile Duration monitorLifetime = Duration.ofHours(1);

    public SensitivityLabelling(Tenant tenant, TenantChanges changes, NationalCloud cloud) {
        this.tenant = tenant;
        this.changes = changes;
        this.cloud = cloud;
    }

    // ---- the Java API ----

    public NationalCloud cloud() {
        return cloud;
    }

    /**
     * The tenant-wide cap on assignSensitivityLabel (Microsoft: 100 requests per 5 minutes per tenant); counting starts
     * afresh.
     */
    public void setTenantCap(int calls, Duration window) {
        synchronized (accepted) {
            this.cap = calls;
            this.capWindow = window;
            accepted.clear();
        }
    }

    /** How long a job takes from 202 to completed (default 2 s); zero completes it before the 202 is answered. */
    public void setCompletionDelay(Duration delay) {
        this.completionDelay = delay;
    }

    /** How long a finished job's monitor URL keeps answering (default an hour, on the tenant's clock). */
    public void setMonitorLifetime(Duration lifetime) {
        this.monitorLifetime = lifetime;
    }

    /** Links or unlinks an app to an Azure subscription for metered APIs, as the fixture's {@code meteredBilling}. */
    public void setMeteredBilling(String clientId, boolean enabled) {
        tenant.write(() -> {
            AppRegistration app = tenant.app(clientId);
            if (app == null) {
                throw new IllegalArgumentException("No app " + clientId);
            }
            tenant.addApp(new AppRegistration(app.clientId(), app.displayName(), app.servicePrincipalId(), app.secrets(),
                    app.certificates(), app.permissions(), enabled, app.exchange()));
        });
    }

    /**
     * Marks a file as encrypted in a way SharePoint cannot open, so assignSensitivityLabel and extractSensitivityLabels
     * answer 423 with the given code: {@code fileDoubleKeyEncrypted}, {@code fileDecryptionNotSupported} or
     * {@code fileDecryptionDeferred} (null clears it).
     */
    public void encrypt(String driveId, String itemId, String code) {
        if (code == null) {
            encrypted.remove(key(driveId, itemId));
        } else {
            encrypted.put(key(driveId, itemId), code);
        }
    }

    /** Makes the next label job on the file fail on the monitor with this description instead of completing. */
    public void refuseAsynchronously(String driveId, String itemId, String description) {
        refusals.put(key(driveId, itemId), description);
    }

    public List<Job> jobs() {
        return jobs.values().stream().map(State::view).toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    // ---- what the routes use ----

    String encryption(String driveId, String itemId) {
        return encrypted.get(key(driveId, itemId));
    }

    static boolean supported(Item item) {
        if (item.folder) {
            return false;
        }
        String name = item.name.toLowerCase(Locale.ROOT);
        return SUPPORTED_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Counts one call against the tenant's cap, or refuses it with 429 and the seconds until one fits. */
    void admit() {
        Instant now = tenant.now();
        synchronized (accepted) {
            while (!accepted.isEmpty() && !accepted.peekFirst().isAfter(now.minus(capWindow))) {
                accepted.pollFirst();
            }
            if (accepted.size() >= cap) {
                long wait = Duration.between(now, accepted.peekFirst().plus(capWindow)).toSeconds() + 1;
                throw new GraphException(429, "activityLimitReached", "The request has been throttled")
                        .header("Retry-After", String.valueOf(Math.max(1, wait)));
            }
            accepted.addLast(now);
        }
    }

    /** Accepts a job and answers with where to watch it. */
    String accept(String driveId, String itemId, String labelId, String method, String appId, String origin) {
        State job = new State(driveId, itemId, labelId, method, appId);
        jobs.put(job.id, job);
        Duration delay = completionDelay;
        if (delay.isZero()) {
            finish(job);
        } else {
            schedule(() -> job.status = job.status == Status.notStarted ? Status.inProgress : job.status, delay.dividedBy(2));
            schedule(() -> finish(job), delay);
        }
        return origin + MONITOR_PATH + job.id + "?tempAuth=" + job.tempAuth;
    }

    private void schedule(Runnable action, Duration after) {
        try {
            scheduler.schedule(action, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // the simulator is closing
        }
    }

    private void finish(State job) {
        String refusal = refusals.remove(key(job.driveId, job.itemId));
        if (refusal != null) {
            end(job, Status.failed, refusal);
            return;
        }
        try {
            changes.setSensitivityLabel(job.driveId, job.itemId, job.labelId, job.method);
            end(job, Status.completed, null);
        } catch (IllegalArgumentException gone) {
            end(job, Status.failed, "The item no longer exists.");
        }
    }

    private void end(State job, Status status, String description) {
        job.description = description;
        job.finishedAt = tenant.now();
        job.status = status;
    }

    private static String key(String driveId, String itemId) {
        return driveId + "|" + itemId;
    }

    // ---- the monitor URL ----

    @Override
    public boolean handles(String path) {
        return path.startsWith(MONITOR_PATH);
    }

    /**
     * An asyncJobStatus as the long-running-actions pattern shows it: 202 with the status while the job runs and when
     * it has finished, {@code resourceId} once completed. No token: the tempAuth parameter is checked instead.
     */
    @Override
    public GraphResponse handle(String method, String path, String rawQuery, Map<String, String> headers, String origin) {
        State job = jobs.get(path.substring(MONITOR_PATH.length()));
        String tempAuth = GraphRequest.of(method, "v1.0", path, rawQuery, headers, null, origin).query().get("tempAuth");
        if (job == null || (job.finishedAt != null && tenant.now().isAfter(job.finishedAt.plus(monitorLifetime)))) {
            return error(new GraphException(404, "itemNotFound", "The resource could not be found."));
        }
        if (!job.tempAuth.equals(tempAuth)) {
            return error(new GraphException(401, "unauthenticated", "The monitor URL's tempAuth is missing or not valid."));
        }
        if (!method.equals("GET")) {
            return error(new GraphException(405, "invalidRequest", "The monitor URL answers GET only."));
        }
        ObjectNode status = Json.object();
        status.put("percentageComplete", switch (job.status) {
            case notStarted -> 0.0;
            case inProgress -> 50.0;
            case completed, failed -> 100.0;
        });
        if (job.status == Status.completed) {
            status.put("resourceId", job.itemId);
        }
        status.put("status", job.status.name());
        if (job.description != null) {
            status.put("statusDescription", job.description);
        }
        return GraphResponse.status(202, status).header("Content-Type", "application/json");
    }

    private GraphResponse error(GraphException failure) {
        String requestId = RequestIds.next();
        return GraphResponse.status(failure.status(), GraphErrors.body(failure.code(), failure.getMessage(), requestId,
                requestId, tenant.now())).header("Content-Type", "application/json");
    }
}
