package org.ward.rules.copies;

import java.util.List;

import org.ward.rules.facts.Location;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.findings.FindingResource;

/**
 * A patient recording found in a user's OneDrive, and where the same content sits in approved locations.
 *
 * @param recording the recording (masked name and path)
 * @param oneDrive the OneDrive
 * @param resource the finding subject
 * @param sameContentApproved places in approved locations holding the same content (same hash)
 */
public record OneDriveRecording(ClassifiedItem recording, Location oneDrive, FindingResource resource,
        List<ApprovedCopy> sameContentApproved) implements org.ward.rules.facts.RecordingSubject {

    public OneDriveRecording {
        sameContentApproved = List.copyOf(sameContentApproved);
    }

    /**
     * A copy in an approved location.
     *
     * @param site the approved site's name
     * @param webUrl its URL
     * @param path the copy's path (masked)
     * @param uploaded when it was created there
     */
    public record ApprovedCopy(String site, String webUrl, String path, java.time.Instant uploaded) {
    }

    public String kindWords() {
        return recording.kind() == null ? "recording" : recording.kind().replace('-', ' ');
    }

    /** The top-level folder it is in ("Recordings", "Microsoft Teams Chat Files"), or "" at the root. */
    public String topFolder() {
        String path = recording.item().path();
        int second = path.indexOf('/', 1);
        return second < 0 ? "" : path.substring(1, second);
    }
}
