package org.ward.connector.protect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.labels.TenantLabels;
import org.ward.connector.labels.collect.FileSensitivityLabels;
import org.ward.connector.labels.collect.FileSensitivityLabels.FileLabel;
import org.ward.connector.labels.collect.ItemRetentionLabels;
import org.ward.connector.labels.collect.TenantLabelCatalogue.CatalogueLabel;
import org.ward.connector.protect.LabelChange.Kind;
import org.ward.connector.protect.PlannedLabel.Decision;
import org.ward.connector.protect.PlannedLabel.Target;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.RetentionLabelState;
import org.ward.rules.findings.Finding;
import org.ward.rules.labels.LabelsCatalogue;
import org.ward.rules.policy.LabelPolicy;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.SensitivityLabel;
import org.ward.rules.recordings.RecordingsCatalogue;

/**
 * Plans every label change the open findings call for: re-reads each item's label as Graph has it now (twenty to a
 * {@code $batch}), and decides — apply, queue, or why not. It never lowers a label (by the pack's order), never
 * touches a record label, keeps a label a person applied unless the pack says otherwise, and holds recordings past
 * their retention period for the records manager. Reads only.
 */
@Component
public class ProtectionPlanner {

    /** What assignSensitivityLabel takes: Office Open XML and PDF (driveitem-assignsensitivitylabel; Purview's list). */
    static final Set<String> ASSIGNABLE = Set.of("docx", "docm", "xlsx", "xlsm", "xlsb", "pptx", "ppsx", "pdf");

    private final FindingStore findings;
    private final LocationStore locations;
    private final PolicyPack policy;
    private final ItemRetentionLabels retentionLabels;
    private final FileSensitivityLabels fileLabels;
    private final TenantLabels tenantLabels;
    private final LabelChanges changes;
    private final ProtectionReadiness readiness;

    public ProtectionPlanner(FindingStore findings, LocationStore locations, PolicyPack policy,
            ItemRetentionLabels retentionLabels, FileSensitivityLabels fileLabels, TenantLabels tenantLabels,
            LabelChanges changes, ProtectionReadiness readiness) {
        this.findings = findings;
        this.locations = locations;
        this.policy = policy;
        this.retentionLabels = retentionLabels;
        this.fileLabels = fileLabels;
        this.tenantLabels = tenantLabels;
        this.changes = changes;
        this.readiness = readiness;
    }

    /**
     * The plan against the places a scan recorded.
     *
     * @param scanId the scan whose places name the findings' sites
     */
    public ProtectionPlan plan(long scanId) {
        Map<String, Location> sites = locations.locationsBySite(scanId);
        List<Finding> open = findings.open();
        List<String> notes = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<ItemKey> pastRetention = new HashSet<>();
        for (Finding f : open) {
            if (f.type() == RecordingsCatalogue.RECORDING_PAST_RETENTION && f.resource().itemId() != null) {
                pastRetention.add(key(f));
            }
        }
        long unnamed = open.stream().filter(f -> (f.type() == RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL
                || f.type() == LabelsCatalogue.PATIENT_FILE_WITHOUT_SENSITIVITY_LABEL) && !f.details().containsKey("requiredLabel"))
                .count();
        if (unnamed > 0) {
            notes.add(unnamed + " label finding" + (unnamed == 1 ? " comes" : "s come") + " from a scan older than this Ward"
                    + " and name no label; run ward scan, then ward protect again.");
        }
        List<PlannedLabel> planned = new ArrayList<>();
        planned.addAll(retention(of(open, RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL), sites, pastRetention, notes));
        planned.addAll(sensitivity(of(open, LabelsCatalogue.PATIENT_FILE_WITHOUT_SENSITIVITY_LABEL), sites, notes));
        for (Finding f : of(open, RecordingsCatalogue.LOCATION_WITHOUT_SENSITIVITY_LABEL)) {
            Location place = sites.get(f.resource().siteId());
            String label = String.valueOf(f.details().get("requiredLabel"));
            planned.add(new PlannedLabel(Target.CONTAINER, f.id(), null, name(place, f), url(place, f), "-", label, null,
                    String.valueOf(f.details().getOrDefault("actualLabel", "none")).replace("null", "none"), null,
                    Decision.NEEDS_A_PERSON, "Graph lets no application set a team's or site's sensitivity label: apply \""
                            + label + "\" in the SharePoint admin centre (Active sites, the site's Sensitivity) or the"
                            + " Teams admin centre, or with delegated rights."));
        }
        // Read from Graph in finding order; shown by label kind, place and path, so a person can go down the list.
        planned.sort(java.util.Comparator.comparing(PlannedLabel::target).thenComparing(PlannedLabel::place)
                .thenComparing(PlannedLabel::path));
        if (planned.stream().anyMatch(l -> l.decision().change())) {
            readiness.missingWrite(readiness.granted()).ifPresent(missing::add);
        }
        return new ProtectionPlan(planned, missing, notes);
    }

    private List<PlannedLabel> retention(List<Finding> wanted, Map<String, Location> sites, Set<ItemKey> pastRetention,
            List<String> notes) {
        Map<Finding, PlannedLabel> decided = new LinkedHashMap<>();
        List<Finding> toRead = new ArrayList<>();
        for (Finding f : wanted) {
            String label = required(f);
            if (pastRetention.contains(key(f))) {
                decided.put(f, planned(Target.RETENTION, f, sites, label, null, "not read", Decision.HOLD_PAST_RETENTION,
                        "It is past its retention period: applying a label now could start its disposal, so it is left to"
                                + " the records manager (ward disposition lists it)."));
            } else if (earlier(Kind.RETENTION, Target.RETENTION, f, sites, label, null).isPresent()) {
                decided.put(f, earlier(Kind.RETENTION, Target.RETENTION, f, sites, label, null).get());
            } else {
                toRead.add(f);
            }
        }
        Map<ItemKey, RetentionLabelState> now = Map.of();
        if (!toRead.isEmpty()) {
            try {
                now = retentionLabels.read(toRead.stream().map(ProtectionPlanner::key).toList());
            } catch (GraphAccessException e) {
                if (e.status() != 403) {
                    throw e;
                }
                notes.add("Ward could not read the recordings' retention labels, so it plans none of them: " + e.getMessage());
            }
        }
        for (Finding f : toRead) {
            RetentionLabelState state = now.get(key(f));
            decided.put(f, retentionDecision(f, sites, state));
        }
        return wanted.stream().map(decided::get).toList();
    }

    private PlannedLabel retentionDecision(Finding f, Map<String, Location> sites, RetentionLabelState state) {
        String label = required(f);
        if (state == null) {
            return planned(Target.RETENTION, f, sites, label, null, "not read", Decision.NOT_READ,
                    "Ward could not read its retention label (it may no longer be there); the next scan will tell.");
        }
        String now = state.present() ? state.name() : "none";
        if (state.present() && state.name().strip().equalsIgnoreCase(label)) {
            return planned(Target.RETENTION, f, sites, label, null, now, Decision.ALREADY_IN_PLACE,
                    "Graph shows the label in place already; the next scan resolves the finding.");
        }
        if (state.record()) {
            return planned(Target.RETENTION, f, sites, label, null, now, Decision.KEEP_RECORD, "\"" + state.name()
                    + "\" makes it " + state.recordWords() + ": Ward never changes or removes a record's label (the"
                    + " records manager decides).");
        }
        if (state.present() && state.appliedByPerson() && !policy.labels().overwriteUserLabels()) {
            return planned(Target.RETENTION, f, sites, label, null, now, Decision.KEEP_PERSONS_LABEL, "A person applied \""
                    + state.name() + "\", and the pack keeps labels people apply (labels.overwriteUserLabels: false).");
        }
        return planned(Target.RETENTION, f, sites, label, null, now, Decision.APPLY, state.present()
                ? "Replaces \"" + state.name() + "\", which is no record and was not applied by a person." : "It has none.");
    }

    private List<PlannedLabel> sensitivity(List<Finding> wanted, Map<String, Location> sites, List<String> notes) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        Optional<String> unavailable = readiness.sensitivityUnavailable();
        unavailable.ifPresent(notes::add);
        Map<Finding, PlannedLabel> decided = new LinkedHashMap<>();
        List<Finding> toRead = new ArrayList<>();
        for (Finding f : wanted) {
            String label = required(f);
            String extension = extension(f.resource().path());
            if (unavailable.isPresent()) {
                decided.put(f, planned(Target.SENSITIVITY, f, sites, label, null, "not read", Decision.NOT_AVAILABLE,
                        unavailable.get()));
            } else if (!ASSIGNABLE.contains(extension)) {
                decided.put(f, planned(Target.SENSITIVITY, f, sites, label, null, "not read", Decision.UNSUPPORTED_TYPE,
                        "Graph's assignSensitivityLabel takes Office Open XML and PDF files only, not ." + extension + "."));
            } else if (!changes.active(Kind.SENSITIVITY, key(f)).isEmpty()) {
                decided.put(f, planned(Target.SENSITIVITY, f, sites, label, null, "not read", Decision.IN_QUEUE,
                        "It is queued already; ward protect --apply carries on with the queue."));
            } else if (earlier(Kind.SENSITIVITY, Target.SENSITIVITY, f, sites, label, null).isPresent()) {
                decided.put(f, earlier(Kind.SENSITIVITY, Target.SENSITIVITY, f, sites, label, null).get());
            } else {
                toRead.add(f);
            }
        }
        if (toRead.isEmpty()) {
            return wanted.stream().map(decided::get).toList();
        }
        // Only now is the tenant's catalogue needed: to name the labels read and find the ids to ask for.
        TenantLabels.Named catalogue = tenantLabels.read();
        List<Finding> known = new ArrayList<>();
        for (Finding f : toRead) {
            String label = required(f);
            if (labelId(label, catalogue) == null) {
                decided.put(f, planned(Target.SENSITIVITY, f, sites, label, null, "not read", Decision.LABEL_ID_UNKNOWN,
                        "Ward does not know the id of \"" + label + "\": grant SensitivityLabels.Read.All, or give its id in"
                                + " the pack's labels.sensitivityOrder."));
            } else {
                known.add(f);
            }
        }
        Map<ItemKey, FileLabel> now = Map.of();
        if (!known.isEmpty()) {
            try {
                now = fileLabels.assignments(known.stream().map(ProtectionPlanner::key).toList());
            } catch (GraphAccessException e) {
                if (e.status() != 403) {
                    throw e;
                }
                notes.add("Ward could not read the files' sensitivity labels, so it plans none of them: " + e.getMessage());
            }
        }
        for (Finding f : known) {
            decided.put(f, sensitivityDecision(f, sites, now.get(key(f)), catalogue));
        }
        return wanted.stream().map(decided::get).toList();
    }

    private PlannedLabel sensitivityDecision(Finding f, Map<String, Location> sites, FileLabel label,
            TenantLabels.Named catalogue) {
        String required = required(f);
        String id = labelId(required, catalogue);
        if (label == null) {
            return planned(Target.SENSITIVITY, f, sites, required, id, "not read", Decision.NOT_READ,
                    "Ward could not read its sensitivity label (it may no longer be there); the next scan will tell.");
        }
        if (label.refusal() != null) {
            boolean type = label.refusal().startsWith("415");
            return planned(Target.SENSITIVITY, f, sites, required, id, "not read", type ? Decision.UNSUPPORTED_TYPE
                    : Decision.ENCRYPTED, type ? "Graph cannot label this file type (" + label.refusal() + ")."
                            : "Graph cannot open the file to label it (" + label.refusal() + ").");
        }
        if (label.labelId() == null) {
            return planned(Target.SENSITIVITY, f, sites, required, id, "none", Decision.QUEUE, "It has none.");
        }
        LabelPolicy labels = policy.labels();
        CatalogueLabel named = catalogue.labels().get(label.labelId().toLowerCase(Locale.ROOT));
        String nowName = named != null ? named.name() : label.labelId();
        OptionalInt current = labels.rank(label.labelId(), named == null ? null : named.name());
        OptionalInt wanted = labels.rank(id, required);
        if (current.isEmpty()) {
            return planned(Target.SENSITIVITY, f, sites, required, id, nowName, label.labelId(), Decision.CANNOT_COMPARE, "\"" + nowName
                    + "\" is not in the pack's labels.sensitivityOrder, so Ward cannot tell whether \"" + required
                    + "\" would lower it, and leaves it.");
        }
        if (current.getAsInt() >= wanted.getAsInt()) {
            return planned(Target.SENSITIVITY, f, sites, required, id, nowName, label.labelId(), Decision.ALREADY_IN_PLACE, "\"" + nowName
                    + "\" is " + (current.getAsInt() == wanted.getAsInt() ? "the label required" : "higher than \""
                            + required + "\"; Ward never lowers a label") + ".");
        }
        if ("privileged".equalsIgnoreCase(label.assignmentMethod()) && !labels.overwriteUserLabels()) {
            return planned(Target.SENSITIVITY, f, sites, required, id, nowName, label.labelId(), Decision.KEEP_PERSONS_LABEL, "A person"
                    + " applied \"" + nowName + "\", and the pack keeps labels people apply (labels.overwriteUserLabels:"
                    + " false).");
        }
        return planned(Target.SENSITIVITY, f, sites, required, id, nowName, label.labelId(), Decision.QUEUE, "Raises \"" + nowName
                + "\" to \"" + required + "\".");
    }

    /**
     * What an applying run since the last scan found the finding saw and decided, when it still stands: a label Ward
     * applied (the next scan confirms it), or one it left as it was. Nothing is read from Graph again before the next scan
     * looks; a refusal, by contrast, is tried again.
     */
    private Optional<PlannedLabel> earlier(Kind kind, Target target, Finding f, Map<String, Location> sites, String label,
            String labelId) {
        Optional<LabelChange> change = changes.endedSince(kind, key(f), f.lastSeen());
        if (change.isEmpty() || !change.get().labelName().equalsIgnoreCase(label)) {
            return Optional.empty();
        }
        LabelChange c = change.get();
        return switch (c.state()) {
            case APPLIED -> Optional.of(planned(target, f, sites, label, labelId, label, Decision.DONE_AWAITING_SCAN,
                    "Ward applied it " + c.finishedAt() + ", after the last scan; the next scan confirms it and resolves the"
                            + " finding."));
            case LEFT, UNSUPPORTED_TYPE, NOT_IN_THIS_CLOUD -> c.decision() == null ? Optional.empty()
                    : Optional.of(planned(target, f, sites, label, labelId, c.labelBefore(), Decision.valueOf(c.decision()),
                            c.reason()));
            default -> Optional.empty();
        };
    }

    /** The pack's id for the label, else the tenant catalogue's. */
    private String labelId(String name, TenantLabels.Named catalogue) {
        return policy.labels().label(name).map(SensitivityLabel::id).or(() -> catalogue.idOf(name)).orElse(null);
    }

    private static PlannedLabel planned(Target target, Finding f, Map<String, Location> sites, String label, String labelId,
            String now, Decision decision, String why) {
        return planned(target, f, sites, label, labelId, now, null, decision, why);
    }

    private static PlannedLabel planned(Target target, Finding f, Map<String, Location> sites, String label, String labelId,
            String now, String nowId, Decision decision, String why) {
        Location place = sites.get(f.resource().siteId());
        return new PlannedLabel(target, f.id(), key(f), name(place, f), url(place, f),
                f.resource().path() == null ? "-" : f.resource().path(), label, labelId, now, nowId, decision, why);
    }

    /** Open findings of a type that say which label they need and which item they are about. */
    private static List<Finding> of(List<Finding> open, Object type) {
        return open.stream().filter(f -> f.type() == type && f.details().get("requiredLabel") != null
                && (type == RecordingsCatalogue.LOCATION_WITHOUT_SENSITIVITY_LABEL || f.resource().itemId() != null)).toList();
    }

    private static String required(Finding f) {
        return String.valueOf(f.details().get("requiredLabel"));
    }

    static ItemKey key(Finding f) {
        return new ItemKey(f.resource().driveId(), f.resource().itemId());
    }

    private static String name(Location place, Finding f) {
        return place == null ? f.resource().siteId() : place.displayName();
    }

    private static String url(Location place, Finding f) {
        return place == null ? f.resource().webUrl() : place.webUrl();
    }

    private static String extension(String path) {
        int dot = path == null ? -1 : path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
