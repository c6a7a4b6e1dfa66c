package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every user's reach into patient data, by object id and by UPN, and what Ward knew when it worked that out: whether
 * a scan has found where recordings are, and whether the sharing scan has recorded who is named on them.
 *
 * @param byUser reach by lower-case UPN, or by object id when the UPN is unknown
 * @param scanned whether a completed scan found where recordings are
 * @param accessRecorded whether permissions of recordings have been read (ward_access holds rows)
 */
public record ReachIndex(Map<String, Reach> byUser, boolean scanned, boolean accessRecorded) {

    public static final ReachIndex UNKNOWN = new ReachIndex(Map.of(), false, false);

    public ReachIndex {
        byUser = Map.copyOf(byUser);
    }

    /** Reach is filed under the UPN when known, else the object id, so the two never overlap. */
    public Reach of(String userId, String upn) {
        Reach byId = userId == null ? null : byUser.get(userId);
        Reach byUpn = upn == null ? null : byUser.get(upn.toLowerCase(Locale.ROOT));
        if (byId != null && byUpn != null) {
            return byId.merge(byUpn);
        }
        return byId != null ? byId : byUpn != null ? byUpn : Reach.NONE;
    }

    /** The user's reach sentences, with what Ward could not know said plainly. */
    public List<String> sentences(String userId, String upn) {
        List<String> out = new ArrayList<>();
        if (!scanned) {
            out.add("Reach into patient data is unknown: no completed scan has found where recordings are yet.");
            return out;
        }
        out.addAll(of(userId, upn).sentences());
        if (!accessRecorded) {
            out.add("Recordings' permissions have not been read yet, so only ownership and membership count towards reach.");
        }
        return out;
    }
}
