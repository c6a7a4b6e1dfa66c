package org.ward.rules.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy pack could not be loaded. The message is the problem sentence (file, line, field, what is wrong),
 * one per line when the loader found several; it is meant to be shown to the person who wrote the file as is.
 */
public class PolicyException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public PolicyException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::sentence).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    PolicyException(PolicyProblem problem) {
        this(List.of(problem));
    }

    /** Every problem found, in file order. */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
