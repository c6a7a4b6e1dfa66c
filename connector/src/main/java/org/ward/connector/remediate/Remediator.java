package org.ward.connector.remediate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.ward.connector.audit.AuditEvent;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.remediate.RemediationResult.Outcome;
import org.ward.connector.remediate.collect.ItemPermissions;
import org.ward.connector.sharing.AccessStore;
import org.ward.rules.findings.Finding;
import org.ward.rules.policy.PolicyPack;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ward remediate}: plans the action for a finding, re-reads the permission from Graph (to show it, to keep it
 * as "before", and so that a second apply finds nothing to do), and with {@code --apply} makes the writes, records
 * each in the audit log and marks the recording for a permission re-read, so the next scan confirms the fix.
 */
@Component
public class Remediator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RemediationPlanner planner = new RemediationPlanner();
    private final FindingStore findings;
    private final PolicyPack policy;
    private final ItemPermissions graph;
    private final AuditLog audit;
    private final AccessStore access;
    private final RemediationReadiness readiness;
    private final Refusals refusals;
    private final Clock clock;

    public Remediator(FindingStore findings, PolicyPack policy, ItemPermissions graph, AuditLog audit, AccessStore access,
            RemediationReadiness readiness, GraphSettings graphSettings, Clock wardClock) {
        this.findings = findings;
        this.policy = policy;
        this.graph = graph;
        this.audit = audit;
        this.access = access;
        this.readiness = readiness;
        this.refusals = new Refusals(graphSettings.clientId());
        this.clock = wardClock;
    }

    /** What Ward would do, without asking Graph anything; empty when there is no such finding. */
    public Optional<RemediationPlan> plan(String findingId) {
        return Optional.ofNullable(findings.find(findingId)).map(f -> planner.plan(f, policy, clock.instant()));
    }

    /** The dry run: reads, never writes. */
    public RemediationResult preview(String findingId) {
        Inspection seen = inspect(findingId);
        if (seen.early() != null) {
            return seen.early();
        }
        List<String> notes = new ArrayList<>();
        if (!readiness.enabled()) {
            notes.add("This was a dry run, and --apply is off: set ward.remediation.enabled=true to let Ward make the change.");
        }
        readiness.missingPermission().ifPresent(notes::add);
        return new RemediationResult(Outcome.PREVIEWED, seen.plan(), seen.before(), List.of(), notes);
    }

    /** Applies the plan, only when remediation is enabled. */
    public RemediationResult apply(String findingId, String actor) {
        if (!readiness.enabled()) {
            return RemediationResult.of(Outcome.NOT_ENABLED, null, null, RemediationReadiness.notEnabled());
        }
        Inspection seen = inspect(findingId);
        if (seen.early() != null) {
            return seen.early();
        }
        RemediationAction action = seen.plan().action();
        List<AppliedWrite> writes = action.apply(graph, seen.before());
        for (AppliedWrite w : writes) {
            audit.append(new AuditEvent(actor, findingId, action.kind(), w.request().toString(), json(seen.before()),
                    w.done() ? json(w.after()) : json(seen.before()), w.done() ? "applied" : refusals.outcome(w)));
        }
        if (writes.stream().anyMatch(AppliedWrite::done)) {
            markForReread(seen.plan().finding(), action.target().orElseThrow().permissionId());
        }
        Optional<AppliedWrite> refused = writes.stream().filter(w -> !w.done()).findFirst();
        if (refused.isPresent()) {
            return new RemediationResult(Outcome.REFUSED, seen.plan(), seen.before(), writes,
                    List.of(refusals.sentence(refused.get(), writes.stream().anyMatch(AppliedWrite::done))));
        }
        return new RemediationResult(Outcome.APPLIED, seen.plan(), seen.before(), writes,
                List.of("Done, and written to the audit log. The next ward scan re-reads this recording's permissions,"
                        + " confirms the change and resolves the finding."));
    }

    private Inspection inspect(String findingId) {
        Finding finding = findings.find(findingId);
        if (finding == null) {
            return Inspection.early(RemediationResult.of(Outcome.UNKNOWN_FINDING, null, null,
                    FindingStore.unknownId(findingId)));
        }
        RemediationPlan plan = planner.plan(finding, policy, clock.instant());
        if (!plan.automated()) {
            return Inspection.early(RemediationResult.of(Outcome.NOT_AUTOMATED, plan, null));
        }
        if (plan.action() instanceof LabelByProtect label) {
            return Inspection.early(RemediationResult.of(Outcome.BY_PROTECT, plan, null, label.describe()));
        }
        PermissionRef ref = plan.action().target().orElseThrow();
        Optional<PermissionSnapshot> before = graph.read(ref.driveId(), ref.recordingItemId(), ref.permissionId());
        if (before.isEmpty()) {
            return Inspection.early(RemediationResult.of(Outcome.ALREADY_DONE, plan, null, "Permission " + ref.permissionId()
                    + " no longer reaches the recording, so there is nothing to do and Ward changed nothing; the next"
                    + " scan resolves the finding."));
        }
        if (before.get().setOnLibraryRoot()) {
            return Inspection.early(RemediationResult.of(Outcome.SITE_PERMISSION, plan, before.get(), "It is set on the"
                    + " library itself, as one of the site's own permissions, which Ward does not change: "
                    + (plan.owners().upns().isEmpty() ? "the site's owner" : String.join(", ", plan.owners().upns()))
                    + " can remove it in the site's permissions."));
        }
        return new Inspection(null, plan, before.get());
    }

    /** A permission set on a folder reaches every recording below it, and each of their findings names it. */
    private void markForReread(Finding finding, String permissionId) {
        String drive = finding.resource().driveId();
        access.sharingChanged(drive, finding.resource().itemId());
        findings.open().stream().filter(f -> drive.equals(f.resource().driveId())
                && permissionId.equals(f.details().get("permissionId")))
                .forEach(f -> access.sharingChanged(drive, f.resource().itemId()));
    }

    private static String json(PermissionSnapshot snapshot) {
        return snapshot == null ? null : JSON.writeValueAsString(snapshot.fields());
    }

    private record Inspection(RemediationResult early, RemediationPlan plan, PermissionSnapshot before) {

        static Inspection early(RemediationResult result) {
            return new Inspection(result, null, null);
        }
    }
}
