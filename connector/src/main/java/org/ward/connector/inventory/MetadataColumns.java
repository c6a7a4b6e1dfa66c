package org.ward.connector.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ward.rules.policy.ConsentPolicy;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.RecordingKind;
import org.ward.rules.policy.Signal;
import org.ward.rules.policy.SignalType;

/**
 * The metadata columns the inventory reads from each library: those the policy pack names (a recording kind's
 * column signals, the consent columns) and those the settings add ({@code ward.inventory.extra-columns}, e.g. a
 * column where staff type patient numbers). Any other column is not read: Graph returns only the columns a request
 * selects, and reading every column of every item would cost bandwidth and parsing for nothing the checks use.
 */
@Component
public class MetadataColumns {

    private final List<String> names;

    public MetadataColumns(PolicyPack pack, InventorySettings settings) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordingKind kind : pack.recordings().kinds()) {
            for (Signal signal : kind.signals()) {
                if (signal.type() == SignalType.COLUMN) {
                    for (String spec : signal.values()) {
                        int eq = spec.indexOf('=');
                        names.add((eq < 0 ? spec : spec.substring(0, eq)).strip());
                    }
                }
            }
        }
        ConsentPolicy consent = pack.consent();
        if (consent != null) {
            consent.columns().forEach(column -> names.add(column.name().strip()));
        }
        names.addAll(settings.extraColumns());
        names.removeIf(String::isEmpty);
        this.names = List.copyOf(new ArrayList<>(names));
    }

    /** The column names, as the pack and settings spell them. */
    public List<String> names() {
        return names;
    }
}
