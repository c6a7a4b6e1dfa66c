package org.ward.rules.policy;

import java.util.Map;
import java.util.Optional;

/** Maximum ages per recording kind id; a kind that is not listed has no maximum. */
public record RetentionPolicy(Map<String, RetentionPeriod> kinds) {

    public RetentionPolicy {
        kinds = Map.copyOf(kinds);
    }

    public Optional<RetentionPeriod> forKind(String kindId) {
        return Optional.ofNullable(kinds.get(kindId));
    }
}
