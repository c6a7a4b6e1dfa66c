package org.ward.rules.recordings;

import java.util.List;

import org.ward.rules.classify.LocationContext;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.findings.FindingResource;

/**
 * What recording checks know about one patient recording.
 *
 * @param recording the recording as stored (masked name and path, classification)
 * @param location where it is
 * @param context the location as the policy sees it (registered, approved for which kinds)
 * @param folder the other files in the same folder
 * @param driveWebUrl the library's URL
 */
public record RecordingFacts(ClassifiedItem recording, Location location, LocationContext context, List<ClassifiedItem> folder,
        String driveWebUrl) implements org.ward.rules.facts.RecordingSubject {

    public RecordingFacts {
        folder = List.copyOf(folder);
    }

    /** The finding's subject: the recording, with a link to its folder (never the file name, which may name a patient). */
    public FindingResource resource() {
        return FindingResource.ofItem(location.siteId(), location.webUrl(), driveWebUrl, recording.item());
    }

    public String owner() {
        return location.owners().isEmpty() ? null : String.join(", ", location.owners());
    }

    /** The recording kind's words, e.g. "consultation video". */
    public String kindWords() {
        return recording.kind() == null ? "recording" : recording.kind().replace('-', ' ');
    }
}
