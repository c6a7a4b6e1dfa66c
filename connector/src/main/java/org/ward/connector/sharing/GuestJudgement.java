package org.ward.connector.sharing;

import java.util.List;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.sharing.collect.DirectoryUsers;
import org.ward.rules.sharing.Membership;

/**
 * Who is a guest in this scan, as Graph says (see {@link Membership}): the directory's users with their user type,
 * and the tenant's verified domains that discovery read from /organization. The pack's domain list plays no part, so a
 * pack that lists none cannot turn members into outsiders.
 */
@Component
public class GuestJudgement {

    private final DirectoryUsers directory;
    private final ScanRuns runs;

    GuestJudgement(DirectoryUsers directory, ScanRuns runs) {
        this.directory = directory;
        this.runs = runs;
    }

    /** @param gaps receives a sentence when the directory could not be read */
    Membership forScan(long scanId, List<String> gaps) {
        List<String> verified = runs.find(scanId).map(ScanRuns.ScanRun::verifiedDomains).orElse(null);
        try {
            return new Membership(directory.all(), verified);
        } catch (GraphAccessException e) {
            if (e.status() != 403) {
                throw e;
            }
            gaps.add("Not read: the directory's users and their user type (GET /users needs User.Read.All). "
                    + e.getMessage() + " Guests are told from members by their sign-in names and the tenant's verified"
                    + " domains only.");
            return new Membership(List.of(), verified);
        }
    }

    /**
     * Who is a guest now: the directory's users and the verified domains the latest completed scan read. Owner
     * notices ask it, so that nothing is written to a guest whatever their address looks like.
     *
     * @param gaps receives a sentence when the directory could not be read
     */
    public Membership forLatestScan(List<String> gaps) {
        return forScan(runs.recentCompleted(1).stream().findFirst().map(ScanRuns.ScanRun::scanId).orElse(-1L), gaps);
    }

    /** The latest scan's verified domains alone, for when the directory cannot be read at all. */
    public Membership withoutDirectory() {
        return new Membership(List.of(), runs.recentCompleted(1).stream().findFirst()
                .map(ScanRuns.ScanRun::verifiedDomains).orElse(null));
    }

    /** The coverage-gap sentence for people Graph gave nothing to judge by, or null when there are none. */
    static String unjudged(Membership membership) {
        var unjudged = membership.unjudged();
        if (unjudged.isEmpty()) {
            return null;
        }
        return "Not evaluated: whether " + unjudged.size() + (unjudged.size() == 1 ? " person who can reach a recording is"
                : " people who can reach recordings are") + " outside the organisation (" + String.join(", ",
                        unjudged.stream().sorted().limit(5).toList()) + (unjudged.size() > 5 ? ", …" : "") + "), because"
                + " the tenant's verified domains could not be read and no directory user has their address.";
    }
}
