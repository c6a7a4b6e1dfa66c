package org.ward.rules.policy;

/**
 * The labels a recording kind needs.
 *
 * @param retentionLabel the retention label name every recording of the kind must carry; null if none is required.
 *     {@code ward protect} applies it.
 * @param minimumSensitivity the lowest sensitivity label a site or team holding the kind may carry (its container
 *     label); null if none is required. An application cannot set a container's label through Graph, so Ward reports
 *     it and leaves applying it to a person.
 * @param fileSensitivity the lowest sensitivity label an Office or PDF file naming a patient beside a recording of the
 *     kind (a consent form, a transcript, notes) may carry; null if none is required. {@code ward protect} applies it.
 */
public record KindLabels(String retentionLabel, String minimumSensitivity, String fileSensitivity) {

    public KindLabels(String retentionLabel, String minimumSensitivity) {
        this(retentionLabel, minimumSensitivity, null);
    }
}
