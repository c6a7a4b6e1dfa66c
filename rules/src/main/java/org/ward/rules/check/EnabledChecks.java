package org.ward.rules.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.ward.rules.facts.RecordingSubject;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Rule;

/**
 * The checks of one facts type a family's catalogue lists, run subject by subject under the rules the pack enables:
 * findings go to a sink as they are found, reasons a check could not decide are kept for the scan's coverage gaps.
 * Not thread-safe: one per evaluating thread.
 *
 * @param <F> the facts the checks read
 */
public final class EnabledChecks<F> {

    private final CheckContext context;
    private final Map<FindingType, Check<F>> checks = new LinkedHashMap<>();
    private final NotEvaluated notEvaluated = new NotEvaluated();

    private EnabledChecks(CheckContext context) {
        this.context = context;
    }

    /**
     * @param catalogue the family's catalogue, in its order
     * @param check the line's check when it reads these facts, empty when it reads others
     */
    public static <T extends FindingType, F> EnabledChecks<F> of(T[] catalogue, Function<T, Optional<Check<F>>> check,
            CheckContext context) {
        EnabledChecks<F> checks = new EnabledChecks<>(context);
        for (T type : catalogue) {
            check.apply(type).ifPresent(c -> checks.checks.put(type, c));
        }
        return checks;
    }

    /** The finding types these checks decide, enabled or not. */
    public Set<FindingType> types() {
        return new LinkedHashSet<>(checks.keySet());
    }

    /**
     * Judges one subject with every enabled check.
     *
     * @param subject how the coverage gaps name it (a masked path, a place's name)
     */
    public void run(F facts, String subject, Consumer<FindingDraft> sink) {
        for (Map.Entry<FindingType, Check<F>> check : checks.entrySet()) {
            Optional<Rule> rule = context.pack().rule(check.getKey()).filter(Rule::enabled);
            if (rule.isPresent()) {
                CheckOutcome outcome = check.getValue().evaluate(facts, rule.get(), context);
                if (facts instanceof RecordingSubject about) {
                    // Every finding about a recording says why the item is one.
                    outcome.findings().forEach(d -> sink.accept(d.withClassification(about.recording().evidence())));
                } else {
                    outcome.findings().forEach(sink);
                }
                notEvaluated.record(rule.get(), outcome, subject);
            }
        }
    }

    /** What every enabled check finds on one subject. */
    public List<FindingDraft> findings(F facts, String subject) {
        List<FindingDraft> findings = new ArrayList<>();
        run(facts, subject, findings::add);
        return findings;
    }

    public NotEvaluated notEvaluated() {
        return notEvaluated;
    }

    /** Why checks could not decide, as coverage-gap sentences. */
    public List<String> notEvaluatedSentences() {
        return notEvaluated.sentences();
    }
}
