package org.ward.rules.labels;

import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.RetentionLabelState;
import org.ward.rules.findings.FindingResource;

/**
 * What label checks know about one patient recording whose retention label is not the one its kind needs, read from
 * Graph on its own so Ward knows whether the label makes it a record.
 *
 * @param recording the recording as stored (masked name and path, classification)
 * @param location where it is
 * @param driveWebUrl the library's URL
 * @param label its retention label as Graph shows it now
 */
public record RecordLabelFacts(ClassifiedItem recording, Location location, String driveWebUrl, RetentionLabelState label) {

    public FindingResource resource() {
        return FindingResource.ofItem(location.siteId(), location.webUrl(), driveWebUrl, recording.item());
    }

    public String owner() {
        return location.owners().isEmpty() ? null : String.join(", ", location.owners());
    }

    public String kindWords() {
        return recording.kind() == null ? "recording" : recording.kind().replace('-', ' ');
    }
}
