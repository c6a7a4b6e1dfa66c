package org.ward.rules.facts;

/**
 * A container's sensitivity label as far as Graph lets Ward see it. Graph exposes a label only for
 * group-connected sites (the group's assignedLabels); for other sites the label is not readable, and a check
 * that needs it reports "not evaluated" rather than passing.
 *
 * @param exposed whether Graph exposes the label for this container at all
 * @param labelId the label id, null when the container has none (or it is not exposed)
 * @param displayName the label's display name, null when none
 */
public record ContainerLabel(boolean exposed, String labelId, String displayName) {

    public static ContainerLabel notExposed() {
        return new ContainerLabel(false, null, null);
    }

    public static ContainerLabel none() {
        return new ContainerLabel(true, null, null);
    }

    public static ContainerLabel of(String labelId, String displayName) {
        return new ContainerLabel(true, labelId, displayName);
    }

    public boolean present() {
        return labelId != null;
    }
}
