package org.ward.connector.protect;

import org.ward.rules.facts.ItemKey;

/**
 * One label change the findings call for, and what Ward decided after reading the label as Graph has it now.
 *
 * @param target which label
 * @param findingId the finding
 * @param item the file; null for a site or team
 * @param place the site, team or OneDrive's name
 * @param placeUrl its URL
 * @param path the file's path in its library, identifiers masked; "-" for a site or team
 * @param label the label the pack names
 * @param labelId a sensitivity label's id, when known
 * @param now the label there now, as read ("none" when there is none; "not read" when Ward did not read it)
 * @param nowId a sensitivity label's id as read, null when there is none
 * @param decision what Ward does
 * @param why one sentence
 */
public record PlannedLabel(Target target, String findingId, ItemKey item, String place, String placeUrl, String path,
        String label, String labelId, String now, String nowId, Decision decision, String why) {

    /** Which label a change is about. */
    public enum Target {
        RETENTION("retention label"), SENSITIVITY("sensitivity label"), CONTAINER("container label");

        private final String words;

        Target(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** What Ward does about one label; only the first two change the tenant. */
    public enum Decision {
        /** Apply the retention label now. */
        APPLY("apply"),
        /** Queue the sensitivity label (assignSensitivityLabel, paced under the tenant's cap). */
        QUEUE("queue"),
        /** Already queued or under way. */
        IN_QUEUE("already queued"),
        /** Ward applied it after the last scan saw the finding; the next scan confirms it. */
        DONE_AWAITING_SCAN("done, awaiting the next scan"),
        /** Graph shows the label (or a higher one) in place already. */
        ALREADY_IN_PLACE("already in place"),
        /** A record label: never touched. */
        KEEP_RECORD("record label kept"),
        /** A label a person applied, which the pack does not let Ward replace. */
        KEEP_PERSONS_LABEL("person's label kept"),
        /** A label the pack's order does not list: Ward cannot tell whether the change would lower it. */
        CANNOT_COMPARE("cannot compare"),
        /** Past its retention period: a disposition candidate, left to the records manager. */
        HOLD_PAST_RETENTION("held for the records manager"),
        /** Graph's assignSensitivityLabel does not take this file type. */
        UNSUPPORTED_TYPE("not applied: unsupported type"),
        /** Graph cannot open the file (encrypted). */
        ENCRYPTED("not applied: encrypted"),
        /** Ward does not know the label's id. */
        LABEL_ID_UNKNOWN("not applied: label id unknown"),
        /** The API does not exist in this cloud, or metered APIs are not available to this app. */
        NOT_AVAILABLE("not available"),
        /** Graph lets no application do it: a person must. */
        NEEDS_A_PERSON("needs a person"),
        /** The item is no longer in the tenant, or Ward could not read its label. */
        NOT_READ("not read");

        private final String words;

        Decision(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** Whether it changes the tenant. */
        public boolean change() {
            return this == APPLY || this == QUEUE;
        }
    }
}
