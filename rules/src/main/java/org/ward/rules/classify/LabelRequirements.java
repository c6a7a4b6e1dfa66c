package org.ward.rules.classify;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalInt;

import org.ward.rules.classify.LabelVerdict.Status;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.policy.KindLabels;
import org.ward.rules.policy.LabelPolicy;

/** The labels recording kinds need, and whether what is there meets them. */
public final class LabelRequirements {

    private final LabelPolicy policy;

    public LabelRequirements(LabelPolicy policy) {
        this.policy = policy;
    }

    /** The retention label name a recording of this kind must carry. */
    public Optional<String> retentionLabelFor(String kindId) {
        return policy.forKind(kindId).map(KindLabels::retentionLabel);
    }

    /** Compares a recording's retention label name with the one its kind needs (ignoring case). */
    public LabelVerdict retentionLabel(String kindId, String actual) {
        Optional<String> required = retentionLabelFor(kindId);
        if (required.isEmpty()) {
            return new LabelVerdict(Status.NOT_REQUIRED, null, actual, "the pack requires no retention label for " + kindId);
        }
        if (actual == null || actual.isBlank()) {
            return new LabelVerdict(Status.MISSING, required.get(), null,
                    "no retention label; " + kindId + " recordings need \"" + required.get() + "\"");
        }
        if (!actual.strip().equalsIgnoreCase(required.get())) {
            return new LabelVerdict(Status.DIFFERENT, required.get(), actual,
                    "retention label \"" + actual + "\"; " + kindId + " recordings need \"" + required.get() + "\"");
        }
        return new LabelVerdict(Status.MEETS, required.get(), actual, "retention label \"" + actual + "\" as required");
    }

    /**
     * Whether a container's sensitivity label is at least the highest minimum of the kinds it holds. A container
     * whose label Graph does not expose is NOT_EVALUATED, never a pass.
     */
    public LabelVerdict containerSensitivity(Collection<String> kindIds, ContainerLabel label) {
        String required = highest(kindIds, KindLabels::minimumSensitivity);
        int requiredRank = required == null ? -1 : policy.rank(null, required).getAsInt();
        if (required == null) {
            return new LabelVerdict(Status.NOT_REQUIRED, null, null, "the pack requires no sensitivity label for "
                    + String.join(", ", new java.util.TreeSet<>(kindIds)));
        }
        if (label == null || !label.exposed()) {
            return new LabelVerdict(Status.NOT_EVALUATED, required, null, "not evaluated: Graph does not expose this"
                    + " container's sensitivity label (only group-connected sites show one); required \"" + required + "\"");
        }
        if (!label.present()) {
            return new LabelVerdict(Status.MISSING, required, null, "no sensitivity label; required \"" + required + "\" or higher");
        }
        String actual = label.displayName() != null ? label.displayName() : label.labelId();
        OptionalInt rank = policy.rank(label.labelId(), label.displayName());
        if (rank.isEmpty()) {
            return new LabelVerdict(Status.UNKNOWN_LABEL, required, actual, "sensitivity label \"" + actual
                    + "\" is not in the pack's labels.sensitivityOrder, so Ward cannot tell whether it meets \"" + required + "\"");
        }
        if (rank.getAsInt() < requiredRank) {
            return new LabelVerdict(Status.LOWER_THAN_REQUIRED, required, actual,
                    "sensitivity label \"" + actual + "\" is lower than the required \"" + required + "\"");
        }
        return new LabelVerdict(Status.MEETS, required, actual, "sensitivity label \"" + actual + "\" meets \"" + required + "\"");
    }

    /** The label an Office or PDF file naming a patient must carry at least, beside recordings of these kinds. */
    public Optional<String> fileSensitivityFor(Collection<String> kindIds) {
        return Optional.ofNullable(highest(kindIds, KindLabels::fileSensitivity));
    }

    /**
     * Whether a file beside recordings of these kinds carries at least the highest {@code fileSensitivity} they need.
     *
     * @param labelId the file's label id as Graph reports it, null when it has none
     * @param displayName the label's name, when the tenant's catalogue named it; null otherwise
     */
    public LabelVerdict fileSensitivity(Collection<String> kindIds, String labelId, String displayName) {
        String required = highest(kindIds, KindLabels::fileSensitivity);
        if (required == null) {
            return new LabelVerdict(Status.NOT_REQUIRED, null, null, "the pack requires no sensitivity label on files beside "
                    + String.join(", ", new java.util.TreeSet<>(kindIds)));
        }
        if (labelId == null) {
            return new LabelVerdict(Status.MISSING, required, null, "no sensitivity label; required \"" + required
                    + "\" or higher");
        }
        String actual = displayName != null ? displayName : labelId;
        OptionalInt rank = policy.rank(labelId, displayName);
        if (rank.isEmpty()) {
            return new LabelVerdict(Status.UNKNOWN_LABEL, required, actual, "sensitivity label \"" + actual
                    + "\" is not in the pack's labels.sensitivityOrder, so Ward cannot tell whether it meets \"" + required + "\"");
        }
        if (rank.getAsInt() < policy.rank(null, required).getAsInt()) {
            return new LabelVerdict(Status.LOWER_THAN_REQUIRED, required, actual,
                    "sensitivity label \"" + actual + "\" is lower than the required \"" + required + "\"");
        }
        return new LabelVerdict(Status.MEETS, required, actual, "sensitivity label \"" + actual + "\" meets \"" + required + "\"");
    }

    /** The highest label (in the pack's order) that any of the kinds asks for through {@code field}; null if none. */
    private String highest(Collection<String> kindIds, java.util.function.Function<KindLabels, String> field) {
        String highest = null;
        int highestRank = -1;
        for (String kind : kindIds) {
            String label = policy.forKind(kind).map(field).orElse(null);
            OptionalInt rank = label == null ? OptionalInt.empty() : policy.rank(null, label);
            if (rank.isPresent() && rank.getAsInt() > highestRank) {
                highest = label;
                highestRank = rank.getAsInt();
            }
        }
        return highest;
    }
}
