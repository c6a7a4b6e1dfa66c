package org.ward.connector.remediate;

import java.util.List;
import java.util.Optional;

import org.ward.connector.remediate.collect.ItemPermissions;

/**
 * What Ward can do about one finding, as data: a sentence, the Graph writes it maps to, and what a person must know
 * first. {@link #apply} makes the writes against the permission as Graph has it now.
 */
public sealed interface RemediationAction permits RemoveLink, ReplaceLink, RemoveGrant, LabelByProtect,
        NoAutomatedAction {

    /** remove-link, replace-link, remove-grant, apply-retention-label, apply-sensitivity-label or none. */
    String kind();

    /** What Ward would do, in a sentence. */
    String describe();

    /** The Graph writes, in order. */
    List<GraphRequest> requests();

    /** The permission it changes; empty when it changes nothing. */
    default Optional<PermissionRef> target() {
        return Optional.empty();
    }

    /** What to know before it is applied. */
    default List<String> warnings() {
        return List.of();
    }

    /**
     * Makes the writes, stopping at the first Graph refuses.
     *
     * @param before the permission as just re-read, which also says where it is set now
     */
    List<AppliedWrite> apply(ItemPermissions graph, PermissionSnapshot before);
}
