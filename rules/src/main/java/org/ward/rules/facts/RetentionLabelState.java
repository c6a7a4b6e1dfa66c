package org.ward.rules.facts;

/**
 * An item's retention label as Graph shows it when read on its own ({@code GET …/retentionLabel}): what Ward must know
 * before it changes one. A label that declares the item a record is never changed by Ward.
 *
 * @param name the label's name, null when the item carries none
 * @param behavior Graph's {@code retentionSettings.behaviorDuringRetentionPeriod}: {@code doNotRetain}, {@code retain},
 *     {@code retainAsRecord} or {@code retainAsRegulatoryRecord}; null when there is no label
 * @param recordLocked {@code retentionSettings.isRecordLocked}
 * @param appliedByPerson whether a person applied it ({@code labelAppliedBy.user}), rather than an application or a
 *     policy
 * @param explicit {@code isLabelAppliedExplicitly}: false when it came from the folder or library above
 */
public record RetentionLabelState(String name, String behavior, boolean recordLocked, boolean appliedByPerson,
        boolean explicit) {

    public static final RetentionLabelState NONE = new RetentionLabelState(null, null, false, false, false);

    public boolean present() {
        return name != null && !name.isBlank();
    }

    /** Whether the label makes the item a record (or a regulatory record). */
    public boolean record() {
        return "retainAsRecord".equals(behavior) || "retainAsRegulatoryRecord".equals(behavior);
    }

    public boolean regulatory() {
        return "retainAsRegulatoryRecord".equals(behavior);
    }

    /** "a regulatory record", "a locked record", "a record" or "not a record", for sentences. */
    public String recordWords() {
        if (regulatory()) {
            return "a regulatory record";
        }
        if (record()) {
            return recordLocked ? "a locked record" : "a record";
        }
        return "not a record";
    }
}
