package org.ward.rules.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Labels: the tenant's sensitivity labels from lowest to highest priority, what each recording kind needs, and whether
 * Ward may replace a label a person applied.
 *
 * @param sensitivityOrder the tenant's sensitivity labels, lowest priority first. This order, not the priority
 *     numbers Graph shows (whose direction Microsoft's pages describe both ways), decides what is a downgrade
 * @param kinds the labels each recording kind needs, by kind id
 * @param overwriteUserLabels whether {@code ward protect} may replace a label a person applied (a sensitivity label
 *     assigned "privileged", a retention label applied by a user) with the pack's; false keeps theirs and reports it
 */
public record LabelPolicy(List<SensitivityLabel> sensitivityOrder, Map<String, KindLabels> kinds, boolean overwriteUserLabels) {

    public LabelPolicy {
        sensitivityOrder = List.copyOf(sensitivityOrder);
        kinds = Map.copyOf(kinds);
    }

    public LabelPolicy(List<SensitivityLabel> sensitivityOrder, Map<String, KindLabels> kinds) {
        this(sensitivityOrder, kinds, false);
    }

    public Optional<KindLabels> forKind(String kindId) {
        return Optional.ofNullable(kinds.get(kindId));
    }

    /** The position (0 = lowest) of a label given by id and/or display name; empty when the pack does not list it. */
    public OptionalInt rank(String labelId, String displayName) {
        for (int i = 0; i < sensitivityOrder.size(); i++) {
            SensitivityLabel label = sensitivityOrder.get(i);
            if (labelId != null && label.id() != null && label.id().equalsIgnoreCase(labelId)) {
                return OptionalInt.of(i);
            }
        }
        for (int i = 0; i < sensitivityOrder.size(); i++) {
            if (displayName != null && sensitivityOrder.get(i).name().toLowerCase(Locale.ROOT)
                    .equals(displayName.toLowerCase(Locale.ROOT))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The pack's entry for a label name (ignoring case). */
    public Optional<SensitivityLabel> label(String name) {
        OptionalInt rank = rank(null, name);
        return rank.isPresent() ? Optional.of(sensitivityOrder.get(rank.getAsInt())) : Optional.empty();
    }
}
