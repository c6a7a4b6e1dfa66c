package org.ward.rules.policy;

/**
 * How a finding type is put right: an action Ward can apply (dry-run unless enabled, audited), or advice to the owner
 * with its text. Every catalogue line states one, so the remediation planner has a case for every kind and no
 * fallback.
 *
 * @param kind the action, or {@link Kind#OWNER_ADVICE}
 * @param ownerAdvice why Ward leaves it to a person; set only for owner advice
 */
public record Remediation(Kind kind, String ownerAdvice) {

    /** What Ward can do. */
    public enum Kind {
        /** Remove the sharing link the finding names. */
        REMOVE_LINK,
        /** Replace the link with one that expires within the pack's maximum (or remove it where the pack forbids it). */
        EXPIRE_LINK,
        /** Remove the grant the finding names. */
        REMOVE_GRANT,
        /** Remove the link or the grant through which an outsider reaches the recording. */
        REMOVE_LINK_OR_GRANT,
        /** Apply the retention label the pack names for the recording's kind ({@code ward protect}). */
        APPLY_RETENTION_LABEL,
        /** Apply the sensitivity label the pack names for a file beside recordings ({@code ward protect}, queued). */
        APPLY_SENSITIVITY_LABEL,
        /** Nothing automated: the owner is told what the policy asks. */
        OWNER_ADVICE
    }

    public Remediation {
        if ((kind == Kind.OWNER_ADVICE) != (ownerAdvice != null && !ownerAdvice.isBlank())) {
            throw new IllegalArgumentException("owner advice, and only owner advice, carries its text");
        }
    }

    public static Remediation action(Kind kind) {
        return new Remediation(kind, null);
    }

    public static Remediation ownerAdvice(String text) {
        return new Remediation(Kind.OWNER_ADVICE, text);
    }

    /** Whether Ward applies something itself. */
    public boolean automated() {
        return kind != Kind.OWNER_ADVICE;
    }
}
