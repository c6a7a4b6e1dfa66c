package org.ward.connector.protect;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ward.connector.protect.PlannedLabel.Decision;
import org.ward.connector.protect.PlannedLabel.Target;

/**
 * Every label change the open findings call for, decided item by item, and what stands in the way of applying them.
 *
 * @param labels each change, retention labels first, then sensitivity labels, then container labels
 * @param missing why --apply would be refused before any write (a permission the app lacks), empty when nothing is
 * @param notes what the person should know (metering, the cloud, the label catalogue)
 */
public record ProtectionPlan(List<PlannedLabel> labels, List<String> missing, List<String> notes) {

    public ProtectionPlan {
        labels = List.copyOf(labels);
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
    }

    public List<PlannedLabel> of(Target target, Decision decision) {
        return labels.stream().filter(l -> l.target() == target && l.decision() == decision).toList();
    }

    /** How many changes of a kind, per label and per place: "UHC Clinical Recording 8y" → {"Clinical Recordings" → 4}. */
    public Map<String, Map<String, Long>> countsByLabelAndPlace(Target target, Decision decision) {
        return of(target, decision).stream().collect(Collectors.groupingBy(PlannedLabel::label, TreeMap::new,
                Collectors.groupingBy(PlannedLabel::place, TreeMap::new, Collectors.counting())));
    }

    /** How many of each decision, per target. */
    public Map<Target, Map<Decision, Long>> counts() {
        return labels.stream().collect(Collectors.groupingBy(PlannedLabel::target, () -> new java.util.EnumMap<>(Target.class),
                Collectors.groupingBy(PlannedLabel::decision, () -> new java.util.EnumMap<>(Decision.class),
                        Collectors.counting())));
    }

    public long changes() {
        return labels.stream().filter(l -> l.decision().change()).count();
    }
}
