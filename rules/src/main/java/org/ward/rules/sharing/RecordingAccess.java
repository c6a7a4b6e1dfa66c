package org.ward.rules.sharing;

import java.util.List;
import java.util.Map;

import org.ward.rules.facts.Location;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.findings.FindingResource;

/**
 * What sharing checks know about one patient recording: where it is, every permission that applies to it, and who
 * those let in.
 *
 * @param recording the recording (masked name and path)
 * @param location where it is
 * @param resource the finding subject
 * @param owner who should fix it
 * @param grants every permission that applies, its own and inherited
 * @param audience who can reach it now
 * @param members members of Microsoft 365 groups, where Graph exposed them
 */
public record RecordingAccess(ClassifiedItem recording, Location location, FindingResource resource, String owner,
        List<AccessGrant> grants, Audience audience, Map<String, List<GroupMember>> members) implements org.ward.rules.facts.RecordingSubject {

    public RecordingAccess {
        grants = List.copyOf(grants);
    }

    public String kindWords() {
        return recording.kind() == null ? "recording" : recording.kind().replace('-', ' ');
    }

    /** Where a grant is set, in words: on the recording or on a folder above it. */
    public String where(AccessGrant grant) {
        return grant.inherited() ? "on a folder above it (item " + grant.inheritedFrom() + ")" : "on the recording itself";
    }
}
