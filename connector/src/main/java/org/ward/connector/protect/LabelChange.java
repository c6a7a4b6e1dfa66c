package org.ward.connector.protect;

import java.time.Instant;

import org.ward.rules.facts.ItemKey;

/**
 * One label change Ward made or queued, as {@code ward_label_change} keeps it.
 *
 * @param id the row
 * @param kind retention or sensitivity
 * @param item the file
 * @param findingId the finding it answers
 * @param path where the file is, identifiers masked
 * @param labelName the label applied (or to apply)
 * @param labelId the sensitivity label's id; null for retention labels, which Graph names by name
 * @param labelBefore the label the file carried before, as read just before ("none" for none)
 * @param beforeId a sensitivity label's id before (null for none): the queue checks the file still carries it
 * @param state where it is: queued, submitting, submitted, or an end state
 * @param decision the plan's decision behind it (a {@link PlannedLabel.Decision} name), null when not recorded
 * @param reason Graph's reason for an end other than applied
 * @param monitorUrl the job's monitor URL while it runs
 * @param actor who asked
 * @param queuedAt when it was planned
 * @param submittedAt when Graph was asked (counts against the tenant's cap); null before
 * @param finishedAt when its end was recorded
 * @param nextAt when to look at it again (poll or retry), null when due now
 * @param attempts how many times Graph was asked
 */
public record LabelChange(long id, Kind kind, ItemKey item, String findingId, String path, String labelName, String labelId,
        String labelBefore, String beforeId, State state, String decision, String reason, String monitorUrl, String actor, Instant queuedAt,
        Instant submittedAt, Instant finishedAt, Instant nextAt, int attempts) {

    /** Which label. */
    public enum Kind {
        RETENTION, SENSITIVITY;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where a change is; the last five are ends, recorded once. */
    public enum State {
        /** Waiting its turn under the tenant's cap. */
        QUEUED("queued"),
        /** Ward is asking Graph now; after a crash, Ward reads the file's label before asking again. Active. */
        SUBMITTING("submitting"),
        /** Graph accepted the job (202); Ward polls its monitor URL. */
        SUBMITTED("submitted"),
        APPLIED("applied"),
        /** Graph refused it, synchronously or on the monitor; the reason is Graph's. */
        REFUSED("refused"),
        /** Graph cannot label this file type. */
        UNSUPPORTED_TYPE("unsupported type"),
        /** The app is not linked for Graph's metered APIs (402). */
        METERING_NOT_ENABLED("metering not enabled"),
        /** The API does not exist in this cloud. */
        NOT_IN_THIS_CLOUD("not available in this cloud"),
        /** The file's label changed while it waited (a person or a policy labelled it): left for the next plan. */
        SUPERSEDED("left: its label changed while it waited"),
        /** Ward read the label and decided to leave it (a record, a person's label, one already in place). */
        LEFT("left as it is");

        private final String words;

        State(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public boolean active() {
            return this == QUEUED || this == SUBMITTING || this == SUBMITTED;
        }

        static State of(String words) {
            for (State state : values()) {
                if (state.words.equals(words)) {
                    return state;
                }
            }
            throw new IllegalArgumentException("No state " + words);
        }
    }
}
