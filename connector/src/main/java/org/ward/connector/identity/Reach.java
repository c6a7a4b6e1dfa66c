package org.ward.connector.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * How far one user reaches into patient data, from Ward's own record of where recordings are and who can reach them.
 *
 * @param owns places holding recordings the user owns (site or group owner), with the approved ones marked
 * @param memberOf group or team sites holding recordings the user is a member of
 * @param oneDriveRecordings recordings kept in the user's own OneDrive
 * @param namedOnRecordings recordings whose permissions name the user (directly or through a group)
 * @param guest whether the user is a guest who has such access
 */
public record Reach(List<String> owns, List<String> memberOf, int oneDriveRecordings, int namedOnRecordings,
        boolean guest) {

    public static final Reach NONE = new Reach(List.of(), List.of(), 0, 0, false);

    public Reach {
        owns = List.copyOf(owns);
        memberOf = List.copyOf(memberOf);
    }

    /** How much it matters: none, membership of a recordings site, or ownership / named access / a guest's access. */
    public enum Level { NONE, MEMBER, STRONG }

    public Level level() {
        if (!owns.isEmpty() || namedOnRecordings > 0 || oneDriveRecordings > 0 || guest && (namedOnRecordings > 0
                || !memberOf.isEmpty())) {
            return Level.STRONG;
        }
        return memberOf.isEmpty() ? Level.NONE : Level.MEMBER;
    }

    /** Sentences for a finding's reasons. */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        if (!owns.isEmpty()) {
            out.add("Owns " + String.join(", ", owns) + ", which hold" + (owns.size() == 1 ? "s" : "") + " patient recordings.");
        }
        if (!memberOf.isEmpty()) {
            out.add("Member of " + String.join(", ", memberOf) + ", which hold" + (memberOf.size() == 1 ? "s" : "")
                    + " patient recordings.");
        }
        if (oneDriveRecordings > 0) {
            out.add("Keeps " + oneDriveRecordings + " patient recording" + (oneDriveRecordings == 1 ? "" : "s")
                    + " in their OneDrive.");
        }
        if (namedOnRecordings > 0) {
            out.add((guest ? "A guest named" : "Named") + " on the permissions of " + namedOnRecordings + " patient recording"
                    + (namedOnRecordings == 1 ? "" : "s") + ".");
        }
        if (out.isEmpty()) {
            out.add("Ward found no reach into patient data.");
        }
        return out;
    }

    public Reach merge(Reach other) {
        List<String> o = new ArrayList<>(owns);
        other.owns.stream().filter(x -> !o.contains(x)).forEach(o::add);
        List<String> m = new ArrayList<>(memberOf);
        other.memberOf.stream().filter(x -> !m.contains(x)).forEach(m::add);
        return new Reach(o, m, oneDriveRecordings + other.oneDriveRecordings, namedOnRecordings + other.namedOnRecordings,
                guest || other.guest);
    }
}
