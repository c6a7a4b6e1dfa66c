package org.ward.connector.protect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.ward.connector.audit.AuditEvent;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.JobMonitor;
import org.ward.connector.graph.JobMonitor.JobStatus;
import org.ward.connector.graph.Sleeper;
import org.ward.connector.labels.collect.FileSensitivityLabels;
import org.ward.connector.labels.collect.FileSensitivityLabels.FileLabel;
import org.ward.connector.protect.LabelChange.State;
import org.ward.connector.protect.ProtectionSettings.SensitivityLabelPacing;
import org.ward.connector.protect.collect.LabelWrites;

import tools.jackson.databind.json.JsonMapper;

/**
 * Works through the durable queue of sensitivity labels: asks Graph for each ({@code assignSensitivityLabel}) no faster
 * than Ward's share of the tenant's cap, evenly spaced and never more than the share in any window (counted from the
 * table, so a restart does not forget what was spent), polls each job's monitor URL until it ends, and records the end
 * — applied, refused with Graph's reason, unsupported type, metering not enabled, not available in this cloud — in the
 * table and the audit log. After a crash it first settles the rows it was asking Graph about by reading those files'
 * labels, so no file is asked for twice.
 */
@Component
public class SensitivityLabelQueue {

    private static final Logger log = LoggerFactory.getLogger(SensitivityLabelQueue.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ATTEMPTS = 3;
    static final String JUSTIFICATION = "Applied by Ward under the organisation's policy pack: a file naming a patient"
            + " beside patient recordings.";

    /**
     * How a drain ended.
     *
     * @param submitted calls Graph accepted in this drain
     * @param ended how many rows reached each end in this drain
     * @param queued rows still waiting their turn
     * @param running jobs still running at Graph
     * @param stopped why the drain stopped before the queue was empty (null when it emptied it)
     * @param refusal a sentence when Graph refused Ward itself (a permission), null otherwise
     */
    public record Drained(int submitted, Map<State, Long> ended, long queued, long running, String stopped, String refusal) {
    }

    private final LabelChanges changes;
    private final LabelWrites writes;
    private final JobMonitor monitor;
    private final FileSensitivityLabels fileLabels;
    private final AuditLog audit;
    private final SensitivityLabelPacing pacing;
    private final Clock clock;
    private final Sleeper sleeper;

    public SensitivityLabelQueue(LabelChanges changes, LabelWrites writes, JobMonitor monitor, FileSensitivityLabels fileLabels,
            AuditLog audit, ProtectionSettings settings, Clock wardClock, ObjectProvider<Sleeper> sleeper) {
        this.changes = changes;
        this.writes = writes;
        this.monitor = monitor;
        this.fileLabels = fileLabels;
        this.audit = audit;
        this.pacing = settings.sensitivityLabels();
        this.clock = wardClock;
        this.sleeper = sleeper.getIfUnique(Sleeper::system);
    }

    /**
     * Works until the queue is empty or the next thing to do lies beyond {@code wait}; whatever is left stays queued.
     *
     * @param actor who, for the audit log
     */
    public Drained drain(Duration wait, String actor) throws InterruptedException {
        return drain(wait, actor, progress -> { });
    }

    /**
     * The same, telling {@code progress} how far it has got after each call and each job's end ("Sensitivity labels:
     * 12 applied, 3 running, 40 queued; next call 14:05:10").
     */
    public Drained drain(Duration wait, String actor, java.util.function.Consumer<String> progress)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(wait);
        java.util.EnumMap<State, Long> ended = new java.util.EnumMap<>(State.class);
        int submitted = 0;
        String refusal = null;
        while (true) {
            Instant now = clock.instant();
            // Rows a crash left between asking and hearing back: the file's label says whether Graph took the call.
            for (LabelChange asked : changes.inState(State.SUBMITTING)) {
                if (asked.nextAt() == null || !asked.nextAt().isAfter(now)) {
                    confirm(asked, actor, ended, "Ward stopped while asking Graph");
                }
            }
            for (LabelChange running : changes.inState(State.SUBMITTED)) {
                if (running.nextAt() == null || !running.nextAt().isAfter(now)) {
                    poll(running, actor, ended);
                }
            }
            Optional<LabelChange> next = changes.nextQueued(now);
            Instant slot = nextSlot(now);
            if (next.isPresent() && !slot.isAfter(now)) {
                Submission result = submit(next.get(), actor, ended);
                if (result == Submission.ACCEPTED) {
                    submitted++;
                } else if (result == Submission.APP_REFUSED) {
                    refusal = changes.find(next.get().id()).map(LabelChange::reason).orElse("Graph refused Ward.");
                    break;
                }
                continue;
            }
            List<LabelChange> queued = changes.inState(State.QUEUED);
            List<LabelChange> running = new ArrayList<>(changes.inState(State.SUBMITTED));
            running.addAll(changes.inState(State.SUBMITTING));
            if (queued.isEmpty() && running.isEmpty()) {
                return new Drained(submitted, ended, 0, 0, null, null);
            }
            Instant wake = earliest(running, queued, slot, now);
            progress.accept("Sensitivity labels: " + ended.getOrDefault(State.APPLIED, 0L) + " applied, " + running.size()
                    + " running, " + queued.size() + " queued" + (queued.isEmpty() ? "" : "; next call " + slot));
            if (wake.isAfter(deadline)) {
                return new Drained(submitted, ended, queued.size(), running.size(), queued.isEmpty()
                        ? running.size() + " label job" + (running.size() == 1 ? " is" : "s are") + " still running at Graph;"
                                + " the next ward protect --apply (or scan with protection) finishes following them."
                        : queued.size() + " sensitivity label" + (queued.size() == 1 ? " waits" : "s wait") + " in the queue"
                                + " for a turn under the tenant's cap (next at " + slot + "); they keep their place, and"
                                + " the next ward protect --apply (or scan with protection) carries on.", null);
            }
            sleeper.sleep(Duration.between(now, wake));
        }
        List<LabelChange> queued = changes.inState(State.QUEUED);
        return new Drained(submitted, ended, queued.size(), changes.inState(State.SUBMITTED).size(),
                "Graph refused Ward itself, so the queue stopped.", refusal);
    }

    /**
     * When Ward may next call: never more than its share in any window, and evenly spaced on a grid anchored at the
     * oldest call still in the window, so time spent between calls (reading the file's label, polling jobs) does not
     * add up into a slower rate. Once the window holds the whole share, each call waits until the one a whole share
     * before it leaves the window.
     */
    Instant nextSlot(Instant now) {
        LabelChanges.Window window = changes.window(now, pacing.capWindow());
        if (window.calls() == 0 || window.first() == null) {
            return now;
        }
        Instant slot = window.calls() >= pacing.budget() ? window.first().plus(pacing.capWindow())
                : window.first().plus(pacing.spacing().multipliedBy(window.calls()));
        return slot.isAfter(now) ? slot : now;
    }

    private static Instant earliest(List<LabelChange> running, List<LabelChange> queued, Instant slot, Instant now) {
        Instant wake = null;
        for (LabelChange change : running) {
            Instant at = change.nextAt() == null ? now : change.nextAt();
            wake = wake == null || at.isBefore(wake) ? at : wake;
        }
        if (!queued.isEmpty()) {
            Instant due = queued.stream().map(c -> c.nextAt() == null ? slot : (c.nextAt().isAfter(slot) ? c.nextAt() : slot))
                    .min(Instant::compareTo).orElse(slot);
            wake = wake == null || due.isBefore(wake) ? due : wake;
        }
        return wake;
    }

    private enum Submission { ACCEPTED, ENDED, REQUEUED, APP_REFUSED }

    private Submission submit(LabelChange change, String actor, Map<State, Long> ended) {
        String request = "POST /drives/" + change.item().driveId() + "/items/" + change.item().itemId()
                + "/assignSensitivityLabel";
        // The queue may have waited hours: read the file's label again right before the write, as remediation re-reads
        // a permission, so a label a person or a policy set meanwhile is never overwritten or lowered.
        FileLabel now;
        try {
            now = fileLabels.assignments(List.of(change.item())).get(change.item());
        } catch (GraphAccessException e) {
            if (e.status() == 403) {
                end(change, State.REFUSED, "refused (403): " + e.getMessage(), "POST …/extractSensitivityLabels", actor, ended);
                return Submission.APP_REFUSED;
            }
            changes.pollAgainAt(change.id(), clock.instant().plus(pacing.pollInterval()));
            return Submission.REQUEUED;
        }
        if (now == null) {
            end(change, State.REFUSED, "refused: the file is no longer there.", "POST …/extractSensitivityLabels", actor, ended);
            return Submission.ENDED;
        }
        if (now.refusal() == null && !java.util.Objects.equals(lower(now.labelId()), lower(change.beforeId()))) {
            end(change, State.SUPERSEDED, "its label is now " + (now.labelId() == null ? "none" : now.labelId())
                    + ", not what the plan saw; the next ward protect plans it afresh.", "POST …/extractSensitivityLabels",
                    actor, ended);
            return Submission.ENDED;
        }
        if (!changes.submitting(change.id(), clock.instant())) {
            return Submission.REQUEUED; // another Ward process took it
        }
        try {
            String url = writes.assignSensitivityLabel(change.item().driveId(), change.item().itemId(), change.labelId(),
                    JUSTIFICATION);
            changes.submitted(change.id(), url, clock.instant().plus(pacing.pollInterval()));
            record(change, actor, "assign-sensitivity-label", request, "accepted (202): Graph is applying it");
            return Submission.ACCEPTED;
        } catch (GraphAccessException e) {
            return refused(change, e, request, actor, ended);
        }
    }

    private Submission refused(LabelChange change, GraphAccessException e, String request, String actor,
            Map<State, Long> ended) {
        Instant now = clock.instant();
        String said = "(" + e.status() + (e.code().isEmpty() ? "" : " " + e.code()) + ")";
        switch (e.status()) {
            case 402 -> {
                String reason = "metering not enabled " + said + ": assignSensitivityLabel is a metered API; link app to an"
                        + " Azure subscription (a Microsoft.GraphServices/accounts resource) to use it.";
                end(change, State.METERING_NOT_ENABLED, reason, request, actor, ended);
                // Every other queued file would get the same answer: end them too, with the same reason.
                changes.finishQueued(State.METERING_NOT_ENABLED, reason, now).forEach(other ->
                        count(ended, State.METERING_NOT_ENABLED));
                return Submission.ENDED;
            }
            case 415 -> {
                end(change, State.UNSUPPORTED_TYPE, "not applied: unsupported type " + said + ": " + e.getMessage(), request,
                        actor, ended);
                return Submission.ENDED;
            }
            case 429 -> {
                // Another app spent the tenant's cap, or Graph asked for longer than the resilience layer waits.
                changes.requeue(change.id(), now.plus(pacing.capWindow().dividedBy(10)), false);
                return Submission.REQUEUED;
            }
            case 403 -> {
                end(change, State.REFUSED, "refused " + said + ": " + e.getMessage(), request, actor, ended);
                return Submission.APP_REFUSED;
            }
            case 404 -> {
                end(change, State.REFUSED, "refused " + said + ": the file is no longer there.", request, actor, ended);
                return Submission.ENDED;
            }
            default -> {
                if (e.status() == 400 && e.getMessage().contains("Resource not found for the segment")) {
                    String reason = "not available in this cloud " + said + ": assignSensitivityLabel exists in Microsoft's"
                            + " global cloud only.";
                    end(change, State.NOT_IN_THIS_CLOUD, reason, request, actor, ended);
                    changes.finishQueued(State.NOT_IN_THIS_CLOUD, reason, now).forEach(other ->
                            count(ended, State.NOT_IN_THIS_CLOUD));
                    return Submission.ENDED;
                }
                if (e.status() >= 400 && e.status() < 500) {
                    end(change, State.REFUSED, "refused " + said + ": " + e.getMessage(), request, actor, ended);
                    return Submission.ENDED;
                }
                if (change.attempts() + 1 >= MAX_ATTEMPTS) {
                    end(change, State.REFUSED, "failed " + said + " " + MAX_ATTEMPTS + " times: " + e.getMessage(), request,
                            actor, ended);
                    return Submission.ENDED;
                }
                log.info("assignSensitivityLabel failed {} for change {}; it goes back in the queue", said, change.id());
                changes.requeue(change.id(), now.plus(pacing.pollInterval()), e.status() != 0);
                return Submission.REQUEUED;
            }
        }
    }

    private void poll(LabelChange change, String actor, Map<State, Long> ended) {
        String request = "GET monitor of the label job (SharePoint, no token)";
        Optional<JobStatus> status;
        try {
            status = monitor.status(change.monitorUrl());
        } catch (GraphAccessException e) {
            changes.pollAgainAt(change.id(), clock.instant().plus(pacing.pollInterval()));
            return;
        }
        if (status.isPresent() && status.get().completed()) {
            end(change, State.APPLIED, null, request, actor, ended);
        } else if (status.isPresent() && status.get().failed()) {
            end(change, State.REFUSED, "refused on the monitor: " + (status.get().description().isBlank() ? "the job failed"
                    : status.get().description()), request, actor, ended);
        } else if (status.isEmpty() || clock.instant().isAfter(change.submittedAt().plus(pacing.monitorTimeout()))) {
            // The monitor forgot the job (or took too long): the file's label says how it went.
            confirm(change, actor, ended, "the monitor no longer answers");
        } else {
            changes.pollAgainAt(change.id(), clock.instant().plus(pacing.pollInterval()));
        }
    }

    private void confirm(LabelChange change, String actor, Map<State, Long> ended, String why) {
        FileLabel label;
        try {
            label = fileLabels.assignments(List.of(change.item())).get(change.item());
        } catch (GraphAccessException e) {
            changes.pollAgainAt(change.id(), clock.instant().plus(pacing.pollInterval()));
            return;
        }
        if (label != null && change.labelId().equalsIgnoreCase(String.valueOf(label.labelId()))) {
            end(change, State.APPLIED, null, "POST …/extractSensitivityLabels (" + why + ")", actor, ended);
        } else if (change.submittedAt() != null && clock.instant().isBefore(change.submittedAt().plus(pacing.monitorTimeout()))
                && change.state() == State.SUBMITTING) {
            // Graph may still be working on a job it accepted just before the crash: look again, never ask twice.
            changes.pollAgainAt(change.id(), clock.instant().plus(pacing.pollInterval()));
        } else if (change.attempts() >= MAX_ATTEMPTS) {
            end(change, State.REFUSED, "the label is not on the file after " + change.attempts() + " attempts (" + why + ").",
                    "POST …/extractSensitivityLabels", actor, ended);
        } else {
            // Graph did not take it (or lost it): back in the queue, where it still counts against the window it used.
            changes.requeue(change.id(), clock.instant(), true);
        }
    }

    private void end(LabelChange change, State state, String reason, String request, String actor, Map<State, Long> ended) {
        changes.finish(change.id(), state, reason, clock.instant());
        count(ended, state);
        record(change, actor, "sensitivity-label-result", request, state == State.APPLIED ? "applied" : reason);
    }

    private static String lower(String id) {
        return id == null ? null : id.toLowerCase(java.util.Locale.ROOT);
    }

    private static void count(Map<State, Long> ended, State state) {
        ended.merge(state, 1L, Long::sum);
    }

    private void record(LabelChange change, String actor, String action, String request, String outcome) {
        audit.append(new AuditEvent(actor, change.findingId(), action, request,
                json(change, change.labelBefore()), json(change, change.labelName()), outcome));
    }

    private static String json(LabelChange change, String label) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("driveId", change.item().driveId());
        fields.put("itemId", change.item().itemId());
        fields.put("path", change.path());
        fields.put("sensitivityLabel", label == null || label.isBlank() ? "none" : label);
        return JSON.writeValueAsString(fields);
    }

    /** For callers that need the list of what is still waiting. */
    public List<LabelChange> waiting() {
        List<LabelChange> waiting = new ArrayList<>(changes.inState(State.QUEUED));
        waiting.addAll(changes.inState(State.SUBMITTED));
        return waiting;
    }
}
