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
        String required = null;
        int requiredRank = -1;
        for (String kind : kindIds) {
            String minimum = policy.forKind(kind).map(KindLabels::minimumSensitivity).orElse(null);
            OptionalInt rank = minimum == null ? OptionalInt.empty() : policy.rank(null, minimum);
            if (rank.isPresent() && rank.getAsInt() > requiredRank) {
                required = minimum;
                requiredRank = rank.getAsInt();
            }
        }
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
}
