package org.ward.rules.classify;

/**
 * Whether an item or container carries the label the pack requires.
 *
 * @param status the verdict
 * @param required the label required (the highest one when several kinds share a container), null if none
 * @param actual the label found, null if none or not visible
 * @param reason one sentence for the finding
 */
public record LabelVerdict(Status status, String required, String actual, String reason) {

    public enum Status {
        /** The label is there and is the required one (or, for sensitivity, at least as high). */
        MEETS,
        /** No label at all. */
        MISSING,
        /** A retention label other than the required one. */
        DIFFERENT,
        /** A sensitivity label lower in the tenant's order than required. */
        LOWER_THAN_REQUIRED,
        /** A sensitivity label the pack's order does not list, so it cannot be compared. */
        UNKNOWN_LABEL,
        /** The pack requires no label here. */
        NOT_REQUIRED,
        /** Graph does not show the label for this container. */
        NOT_EVALUATED
    }
}
