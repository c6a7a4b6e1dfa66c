package org.ward.rules.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which patient identifiers the classifier looks for, where, and how they are shown.
 *
 * @param scan where identifiers are looked for on an item
 * @param contextKeywords words that make a checksum-passing number strong evidence (Purview's NHS keywords)
 * @param types settings per identifier type; every type is present (disabled when the pack does not name it)
 */
public record IdentifierPolicy(List<ScanTarget> scan, List<String> contextKeywords, Map<IdentifierType, IdentifierSettings> types) {

    /** Parts of an item that identifiers are looked for in. */
    public enum ScanTarget { NAME, PATH, COLUMNS }

    public IdentifierPolicy {
        scan = List.copyOf(scan);
        contextKeywords = List.copyOf(contextKeywords);
        types = java.util.Collections.unmodifiableMap(new EnumMap<>(types));
    }

    public IdentifierSettings settings(IdentifierType type) {
        return types.get(type);
    }

    public boolean enabled(IdentifierType type) {
        return types.get(type).enabled();
    }

    public boolean scans(ScanTarget target) {
        return scan.contains(target);
    }
}
