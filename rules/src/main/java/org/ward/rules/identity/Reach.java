package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * How far one user reaches into patient data, from Ward's own record of where recordings are and who can reach them.
 *
 * @param owns places holding recordings the user owns (site or group owner), with the approved ones marked
 * @param memberOf group or team sites holding recordings the user is a member of
 * @param oneDriveRecordings recordings kept in the user's own OneDrive
 * @param namedOnRecordings recordings whose own permissions name the user (directly or through a group)
 * @param namedThrough the groups through which they are named, if any
 * @param guest whether the user is a guest who has such access
 */
public record Reach(List<String> owns, List<String> memberOf, int oneDriveRecordings, int namedOnRecordings,
        List<String> namedThrough, boolean guest) {

    public static final Reach NONE = new Reach(List.of(), List.of(), 0, 0, List.of(), false);

    public Reach {
        owns = List.copyOf(owns);
        memberOf = List.copyOf(memberOf);
        namedThrough = List.copyOf(namedThrough);
    }

    public static Reach owner(String place) {
        return new Reach(List.of(place), List.of(), 0, 0, List.of(), false);
    }

    public static Reach member(String place, boolean guest) {
        return new Reach(List.of(), List.of(place), 0, 0, List.of(), guest);
    }

    public static Reach oneDrive(int recordings) {
        return new Reach(List.of(), List.of(), recordings, 0, List.of(), false);
    }

    /** Named on recordings' permissions, directly ({@code through} null) or through a group. */
    public static Reach named(int recordings, String through, boolean guest) {
        return new Reach(List.of(), List.of(), 0, recordings, through == null ? List.of() : List.of(through), guest);
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
                    + (namedOnRecordings == 1 ? "" : "s") + (namedThrough.isEmpty() ? "" : ", through the group"
                    + (namedThrough.size() == 1 ? " " : "s ") + String.join(", ", namedThrough)) + ".");
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
        List<String> t = new ArrayList<>(namedThrough);
        other.namedThrough.stream().filter(x -> !t.contains(x)).forEach(t::add);
        return new Reach(o, m, oneDriveRecordings + other.oneDriveRecordings, namedOnRecordings + other.namedOnRecordings,
                t, guest || other.guest);
    }
}
