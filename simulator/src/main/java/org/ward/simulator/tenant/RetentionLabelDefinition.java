package org.ward.simulator.tenant;

/**
 * A retention label published in the tenant, as Purview defines it. Graph names retention labels by display name.
 *
 * @param name the label's display name
 * @param behaviour what it does during the retention period: retain, retainAsRecord, retainAsRegulatoryRecord or
 *        doNotRetain (Graph's behaviorDuringRetentionPeriod)
 * @param recordLocked for a record label, whether the record is locked when the label is applied (Purview's default;
 *        a label may leave records unlocked for record versioning); a regulatory record is always locked
 */
public record RetentionLabelDefinition(String name, String behaviour, boolean recordLocked) {

    public static RetentionLabelDefinition retain(String name) {
        return new RetentionLabelDefinition(name, "retain", false);
    }

    public boolean record() {
        return behaviour.startsWith("retainAs");
    }

    public boolean regulatory() {
        return "retainAsRegulatoryRecord".equals(behaviour);
    }

    /** The label as it lands on an item applied now by the given person (null for an app). */
    public Item.RetentionLabel applied(java.time.Instant at, String byId, boolean explicit) {
        return new Item.RetentionLabel(name, at, byId, behaviour, regulatory() || (record() && recordLocked), explicit);
    }
}
