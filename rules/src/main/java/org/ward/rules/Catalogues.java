package org.ward.rules;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.identity.IdentityCatalogue;
import org.ward.rules.labels.LabelsCatalogue;
import org.ward.rules.policy.FindingType;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.rules.sharing.SharingCatalogue;

/**
 * Every family's catalogue, in report order: the one list of finding types. The binder validates packs against it,
 * the remediation planner plans from it, reports order by it; nothing else lists finding types by hand.
 */
public final class Catalogues {

    /** The families, each an enum of its finding types. A new family (alerts) adds its catalogue here. */
    private static final List<Class<? extends FindingType>> FAMILIES = List.of(RecordingsCatalogue.class,
            LabelsCatalogue.class, SharingCatalogue.class, CopiesCatalogue.class, IdentityCatalogue.class);

    private static final List<FindingType> ALL = FAMILIES.stream()
            .flatMap(family -> Arrays.stream(family.getEnumConstants())).map(FindingType.class::cast).toList();

    private static final Map<String, FindingType> BY_NAME = byName();

    /** Finding types in catalogue order: recordings, labels, sharing, copies, identity, each in its catalogue's order. */
    public static final Comparator<FindingType> ORDER = Comparator.comparingInt(ALL::indexOf);

    private Catalogues() {
    }

    public static List<Class<? extends FindingType>> families() {
        return FAMILIES;
    }

    /** Every finding type, in catalogue order. */
    public static List<FindingType> all() {
        return ALL;
    }

    public static Optional<FindingType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The finding type of this name; like {@code Enum.valueOf}, an unknown name is an IllegalArgumentException. */
    public static FindingType valueOf(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("No finding type " + name));
    }

    private static Map<String, FindingType> byName() {
        Map<String, FindingType> map = new LinkedHashMap<>();
        for (FindingType type : ALL) {
            if (map.put(type.name(), type) != null) {
                throw new IllegalStateException("Two catalogues list " + type.name());
            }
        }
        return Map.copyOf(map);
    }

    /** The types of one family, in its order. */
    public static List<FindingType> of(Class<? extends FindingType> family) {
        return Stream.of(family.getEnumConstants()).map(FindingType.class::cast).toList();
    }
}
