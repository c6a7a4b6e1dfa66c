package org.ward.connector.protect;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.ward.connector.audit.AuditEvent;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.protect.LabelChange.State;
import org.ward.connector.protect.PlannedLabel.Decision;
import org.ward.connector.protect.PlannedLabel.Target;
import org.ward.connector.protect.SensitivityLabelQueue.Drained;
import org.ward.connector.protect.collect.LabelWrites;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.facts.RetentionLabelState;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ward protect}: plans every label change the findings call for and, with {@code --apply} and protection
 * enabled, makes them — retention labels at once, sensitivity labels through the paced, durable queue — writing each
 * Graph write to the audit log. A second run with nothing new changes nothing: what Ward applied since the last scan,
 * and what is queued, is not asked for again.
 */
@Component
public class Protector {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a run ended. */
    public enum Outcome {
        /** Dry run: the plan. */
        PLANNED,
        /** Applied what could be applied (some items may have ended otherwise; see the result). */
        APPLIED,
        /** {@code --apply} while ward.protection.enabled is false: nothing was changed. */
        NOT_ENABLED,
        /** No scan has completed, so there are no findings to act on. */
        NO_SCAN,
        /** The app lacks the permission every label write needs: nothing was changed. */
        MISSING_PERMISSION,
        /** Graph refused Ward itself part-way (403): the rest was left. */
        REFUSED
    }

    /**
     * One retention label write and how it went.
     *
     * @param label the planned change
     * @param state applied or refused
     * @param outcome "applied", or Graph's refusal
     */
    public record RetentionWrite(PlannedLabel label, State state, String outcome) {
    }

    /**
     * What a run found and did.
     *
     * @param outcome how it ended
     * @param plan the plan, null when there was none
     * @param retention the retention label writes made, in order
     * @param queued how many sensitivity labels this run queued
     * @param queue how the queue's drain ended, null when it did not run
     * @param notes sentences for the person at the command line
     */
    public record Result(Outcome outcome, ProtectionPlan plan, List<RetentionWrite> retention, int queued, Drained queue,
            List<String> notes) {

        public Result {
            retention = List.copyOf(retention);
            notes = List.copyOf(notes);
        }

        static Result of(Outcome outcome, ProtectionPlan plan, String... notes) {
            return new Result(outcome, plan, List.of(), 0, null, List.of(notes));
        }
    }

    private final ProtectionPlanner planner;
    private final ProtectionReadiness readiness;
    private final LabelWrites writes;
    private final LabelChanges changes;
    private final SensitivityLabelQueue queue;
    private final AuditLog audit;
    private final ScanRuns runs;
    private final GraphSettings graph;
    private final Clock clock;

    public Protector(ProtectionPlanner planner, ProtectionReadiness readiness, LabelWrites writes, LabelChanges changes,
            SensitivityLabelQueue queue, AuditLog audit, ScanRuns runs, GraphSettings graph, Clock wardClock) {
        this.planner = planner;
        this.readiness = readiness;
        this.writes = writes;
        this.changes = changes;
        this.queue = queue;
        this.audit = audit;
        this.runs = runs;
        this.graph = graph;
        this.clock = wardClock;
    }

    /** The dry run: reads labels, never writes. */
    public Result plan() {
        Optional<Long> scan = latestScan();
        if (scan.isEmpty()) {
            return Result.of(Outcome.NO_SCAN, null, noScan());
        }
        ProtectionPlan plan = planner.plan(scan.get());
        List<String> notes = new ArrayList<>(plan.notes());
        notes.addAll(plan.missing());
        if (!readiness.enabled() && plan.changes() > 0) {
            notes.add("This was a dry run, and --apply is off: set ward.protection.enabled=true to let Ward apply labels.");
        }
        return new Result(Outcome.PLANNED, plan, List.of(), 0, null, notes);
    }

    /**
     * Applies the plan, only when protection is enabled.
     *
     * @param wait how long to wait for queued sensitivity labels before leaving the rest queued
     */
    public Result apply(String actor, Duration wait) throws InterruptedException {
        return apply(actor, wait, progress -> { });
    }

    /** The same, telling {@code progress} how the sensitivity-label queue is getting on. */
    public Result apply(String actor, Duration wait, java.util.function.Consumer<String> progress) throws InterruptedException {
        if (!readiness.enabled()) {
            return Result.of(Outcome.NOT_ENABLED, null, ProtectionReadiness.notEnabled());
        }
        Optional<Long> scan = latestScan();
        if (scan.isEmpty()) {
            return Result.of(Outcome.NO_SCAN, null, noScan());
        }
        return apply(scan.get(), actor, wait, progress);
    }

    /** Applies the plan against one scan's findings (the scan's own protect stage, or the latest scan). */
    public Result apply(long scanId, String actor, Duration wait) throws InterruptedException {
        return apply(scanId, actor, wait, progress -> { });
    }

    private Result apply(long scanId, String actor, Duration wait, java.util.function.Consumer<String> progress)
            throws InterruptedException {
        ProtectionPlan plan = planner.plan(scanId);
        if (!plan.missing().isEmpty()) {
            return new Result(Outcome.MISSING_PERMISSION, plan, List.of(), 0, null, List.of(plan.missing().get(0)
                    + " Nothing was changed."));
        }
        List<String> notes = new ArrayList<>(plan.notes());
        List<RetentionWrite> written = new ArrayList<>();
        for (PlannedLabel label : plan.of(Target.RETENTION, Decision.APPLY)) {
            RetentionWrite write = applyRetention(label, actor);
            written.add(write);
            if (write.state() == State.REFUSED && write.outcome().startsWith("refused (403")) {
                notes.add(refusal(label, written.size() - 1));
                return new Result(Outcome.REFUSED, plan, written, 0, null, notes);
            }
        }
        recordDecisions(plan, actor);
        int queued = 0;
        for (PlannedLabel label : plan.of(Target.SENSITIVITY, Decision.QUEUE)) {
            if (changes.enqueue(label.item(), label.findingId(), label.path(), label.label(), label.labelId(), label.now(),
                    label.nowId(), actor, clock.instant())) {
                queued++;
            }
        }
        Drained drained = queue.drain(wait, actor, progress);
        if (drained.stopped() != null) {
            notes.add(drained.stopped());
        }
        if (drained.refusal() != null) {
            notes.add(drained.refusal());
            return new Result(Outcome.REFUSED, plan, written, queued, drained, notes);
        }
        return new Result(Outcome.APPLIED, plan, written, queued, drained, notes);
    }

    /**
     * What this run decided not to change gets recorded too, once per scan that finds it: a record or a person's label
     * kept, a label already in place, a file type Graph cannot label, an API this deployment cannot call. The next run
     * before a scan then asks Graph nothing about them.
     */
    private void recordDecisions(ProtectionPlan plan, String actor) {
        boolean national = readiness.sensitivityUnavailable().map(r -> r.contains("global cloud only")).orElse(false);
        for (PlannedLabel label : plan.labels()) {
            if (label.target() == Target.CONTAINER || label.item() == null) {
                continue;
            }
            State state = switch (label.decision()) {
                case KEEP_RECORD, KEEP_PERSONS_LABEL, CANNOT_COMPARE, ALREADY_IN_PLACE -> State.LEFT;
                case UNSUPPORTED_TYPE -> State.UNSUPPORTED_TYPE;
                case ENCRYPTED -> State.REFUSED;
                case NOT_AVAILABLE -> national ? State.NOT_IN_THIS_CLOUD : State.METERING_NOT_ENABLED;
                default -> null;
            };
            LabelChange.Kind kind = label.target() == Target.RETENTION ? LabelChange.Kind.RETENTION
                    : LabelChange.Kind.SENSITIVITY;
            java.time.Instant since = runs.latestCompleted().map(ScanRuns.ScanRun::startedAt).orElse(java.time.Instant.EPOCH);
            boolean recorded = changes.endedSince(kind, label.item(), since)
                    .filter(c -> label.decision().name().equals(c.decision())).isPresent();
            if (state != null && !recorded) {
                changes.recordDecision(kind, label.item(), label.findingId(), label.path(), label.label(), label.labelId(),
                        label.now(), state, label.decision().name(), label.why(), actor, clock.instant());
            }
        }
    }

    private RetentionWrite applyRetention(PlannedLabel label, String actor) {
        String request = "PATCH /drives/" + label.item().driveId() + "/items/" + label.item().itemId() + "/retentionLabel";
        String before = json(label, label.now(), null);
        try {
            RetentionLabelState after = writes.setRetentionLabel(label.item().driveId(), label.item().itemId(), label.label());
            changes.recordRetention(label.item(), label.findingId(), label.path(), label.label(), label.now(), State.APPLIED,
                    null, actor, clock.instant());
            audit.append(new AuditEvent(actor, label.findingId(), "apply-retention-label", request, before,
                    json(label, after.name(), after), "applied"));
            return new RetentionWrite(label, State.APPLIED, "applied");
        } catch (GraphAccessException e) {
            String said = "(" + e.status() + (e.code().isEmpty() ? "" : " " + e.code()) + ")";
            String outcome = switch (e.status()) {
                case 403 -> "refused " + said + ": the app lacks " + ProtectionReadiness.write().permission() + " (or "
                        + ProtectionReadiness.write().satisfiedBy().get(0) + "), or " + ProtectionReadiness.records()
                                .permission() + " for a label that declares records";
                case 423 -> "refused " + said + ": the item is a locked record now, and keeps its label";
                case 404 -> "refused " + said + ": the item is no longer there";
                case 400 -> "refused " + said + ": " + e.getMessage() + " Check that the tenant publishes \"" + label.label()
                        + "\" (labels.kinds.*.retentionLabel names it).";
                default -> "failed " + said + ": " + e.getMessage();
            };
            changes.recordRetention(label.item(), label.findingId(), label.path(), label.label(), label.now(), State.REFUSED,
                    outcome, actor, clock.instant());
            audit.append(new AuditEvent(actor, label.findingId(), "apply-retention-label", request, before, before, outcome));
            if (e.status() >= 500 || e.status() == 0) {
                throw e;
            }
            return new RetentionWrite(label, State.REFUSED, outcome);
        }
    }

    private String refusal(PlannedLabel label, int done) {
        return "Graph refused PATCH /drives/" + label.item().driveId() + "/items/" + label.item().itemId()
                + "/retentionLabel (403): the app lacks " + ProtectionReadiness.write().permission() + " (or "
                + ProtectionReadiness.write().satisfiedBy().get(0) + "), which applying labels needs on top of scanning, or "
                + ProtectionReadiness.records().permission() + " if \"" + label.label() + "\" declares records; grant it"
                + " with admin consent to app " + graph.clientId() + (done == 0 ? ". Nothing was changed."
                        : ". Ward stopped there: " + done + " label" + (done == 1 ? " was" : "s were") + " applied before it"
                                + " (see ward audit); nothing else was changed.");
    }

    private static String json(PlannedLabel label, String retentionLabel, RetentionLabelState after) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("driveId", label.item().driveId());
        fields.put("itemId", label.item().itemId());
        fields.put("path", label.path());
        fields.put("retentionLabel", retentionLabel == null || retentionLabel.isBlank() ? "none" : retentionLabel);
        if (after != null) {
            fields.put("behavior", after.behavior());
            fields.put("recordLocked", after.recordLocked());
        }
        return JSON.writeValueAsString(fields);
    }

    private Optional<Long> latestScan() {
        return runs.latestCompleted().map(ScanRuns.ScanRun::scanId);
    }

    private static String noScan() {
        return "No scan has completed yet, so there are no findings to protect: run ward scan first.";
    }

    /** How many sensitivity labels are in each state, for the command's closing line. */
    public Map<State, Long> queueCounts() {
        return changes.sensitivityCounts();
    }
}
