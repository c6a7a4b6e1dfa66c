package org.ward.rules.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects validation problems so that one load reports all of them, not just the first. */
final class Problems {

    private final List<PolicyProblem> found = new ArrayList<>();
    private final List<String> sourceOrder;

    Problems(List<String> sourceOrder) {
        this.sourceOrder = List.copyOf(sourceOrder);
    }

    void add(Origin origin, String message) {
        found.add(PolicyProblem.at(origin, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws when anything was found, ordering problems by file (base pack first) and line. */
    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        List<PolicyProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt((PolicyProblem p) -> rank(p.source())).thenComparingInt(PolicyProblem::line));
        throw new PolicyException(sorted);
    }

    private int rank(String source) {
        int index = sourceOrder.indexOf(source);
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
