package org.ward.rules.facts;

/**
 * Facts about one patient recording (its folder, its access, its copy in a OneDrive): every finding a check makes
 * from them carries the recording's classification evidence, so a reader sees why the item is a patient recording.
 */
public interface RecordingSubject {

    /** The recording, with its classification evidence. */
    ClassifiedItem recording();
}
