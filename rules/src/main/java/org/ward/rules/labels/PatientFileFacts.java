package org.ward.rules.labels;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.facts.Location;
import org.ward.rules.findings.FindingResource;

/**
 * What label checks know about one Office or PDF file that names a patient and sits in a folder with patient
 * recordings (a consent form, a transcript, notes): the sensitivity label Graph reported for it, if Ward could read it.
 *
 * @param file the file as stored (masked name and path)
 * @param location where it is
 * @param driveWebUrl the library's URL
 * @param kindsBeside the kinds of the recordings in the same folder, in alphabetical order
 * @param notReadBecause why Ward cannot judge the file's label (it has not read it, or cannot name it), null when it
 *     can
 * @param labelId the label's id as Graph reported it, null when the file has none
 * @param labelName the label's name from the tenant's label catalogue, null when Ward could not name it
 */
public record PatientFileFacts(ClassifiedItem file, Location location, String driveWebUrl, Set<String> kindsBeside,
        String notReadBecause, String labelId, String labelName) {

    public PatientFileFacts {
        kindsBeside = Collections.unmodifiableSortedSet(new TreeSet<>(kindsBeside));
    }

    public FindingResource resource() {
        return FindingResource.ofItem(location.siteId(), location.webUrl(), driveWebUrl, file.item());
    }

    public String owner() {
        return location.owners().isEmpty() ? null : String.join(", ", location.owners());
    }
}
