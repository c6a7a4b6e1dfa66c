package org.ward.rules.policy;

import java.util.List;
import java.util.Locale;

/**
 * A kind of finding Ward reports: one line of a family's catalogue (recordings, sharing, copies, identity), which is
 * the single source of everything code knows about it — its id, its rule's id, default severity and parameters, how
 * it is put right, and the class that judges it. Packs hold the normative rest (titles, rationale, remediation text).
 *
 * <p>The name is a contract: reports, stored findings and policy packs use it, so a name is never changed or reused
 * once released. Each catalogue is an enum, so a finding type is compared by identity.
 */
public interface FindingType {

    /** The id, e.g. ANONYMOUS_LINK. */
    String name();

    /** The catalogue line: check class, default severity, remediation, parameters. */
    CatalogueLine line();

    /** The id of the rule that reports it, the same in every pack: the name in kebab case, e.g. anonymous-link. */
    default String ruleId() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The severity when a pack's rule does not set one. */
    default Severity defaultSeverity() {
        return line().severity();
    }

    /** The rule's parameters, each with its default; a parameter not listed here is an error in a pack. */
    default List<ParamSpec> params() {
        return line().params();
    }

    /** What Ward can do about a finding of this type: an action it applies, or advice to the owner. */
    default Remediation remediation() {
        return line().remediation();
    }

    /** The class that judges it: a {@code Check} over its family's facts, or a {@code SignInDetector}. */
    default Class<?> checkClass() {
        return line().checkClass();
    }
}
