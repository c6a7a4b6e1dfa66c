package org.ward.rules.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Labels: the tenant's sensitivity labels from lowest to highest priority, and what each recording kind needs.
 *
 * @param sensitivityOrder the tenant's sensitivity labels, lowest priority first
 * @param kinds the labels each recording kind needs, by kind id
 */
public record LabelPolicy(List<SensitivityLabel> sensitivityOrder, Map<String, KindLabels> kinds) {

    public LabelPolicy {
        sensitivityOrder = List.copyOf(sensitivityOrder);
        kinds = Map.copyOf(kinds);
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
}
