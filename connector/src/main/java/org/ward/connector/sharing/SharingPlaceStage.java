package org.ward.connector.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.runs.Place;
import org.ward.connector.runs.PlaceStage;
import org.ward.connector.runs.StageProgress;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.sharing.Membership;

/**
 * The sharing checks for one place whose drive changed (ward serve): reads the permission lists of its drives that may
 * have changed — the permission roots the drive refresh's delta round marked and the libraries' roots, or every
 * recording's own list when delta cannot say where permissions start — then judges its recordings' derived access.
 */
class SharingPlaceStage implements PlaceStage {

    private final AccessReview review;
    private final SharingMode mode;
    private final SharingSettings settings;
    private final FindingStore findings;
    private final GuestJudgement guests;
    private final LocationStore locations;
    private volatile Judged judged;

    /** Who is a guest, as the directory said when it was last read: reading every user for each refresh would be waste. */
    private record Judged(Membership membership, List<String> gaps, Instant readAt) {
    }

    SharingPlaceStage(AccessReview review, SharingMode mode, SharingSettings settings, FindingStore findings,
            GuestJudgement guests, LocationStore locations) {
        this.guests = guests;
        this.locations = locations;
        this.review = review;
        this.mode = mode;
        this.settings = settings;
        this.findings = findings;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> refresh(Place place) {
        return read(place).evaluate();
    }

    /** Reads the lists that may have changed and the members of their groups; the evaluation judges the recordings. */
    @Override
    public Evaluation read(Place place) {
        if (!settings.enabled()) {
            return () -> List.of("Not evaluated: who can reach recordings (sharing rules), because ward.sharing.enabled"
                    + " is false.");
        }
        List<String> gaps = new ArrayList<>();
        Membership membership;
        StageProgress progress = new StageProgress();
        try {
            Judged known = membership(place.now());
            membership = known.membership();
            gaps.addAll(known.gaps());
            Map<ItemKey, String> unreadable = new ConcurrentHashMap<>();
            // The drives' roots were marked by the delta round that refreshed them; only lists that may have changed
            // are read (every recording's own list when delta cannot say where permissions start).
            boolean hierarchy = mode.deltaReportsSharingChanges();
            review.read(place.driveIds(), null, place.runId(), hierarchy, false,
                    review.reading(membership, unreadable, progress));
            if (!unreadable.isEmpty()) {
                gaps.add(SharingTasklet.unreadableSentence(unreadable, hierarchy));
            }
            review.refreshGroups(place.driveIds(), place.now(), place.runId(), progress);
        } catch (GraphAccessException e) {
            if (e.status() != 403) {
                throw e;
            }
            List<String> refused = List.of("Not evaluated: who can reach recordings (sharing rules). " + e.getMessage());
            return () -> refused;
        }
        Membership judgedBy = membership;
        return () -> {
            gaps.addAll(review.evaluate(place.driveIds(), place.sites(), place.drives(), place.now(), judgedBy,
                    types -> findings.reconciler(types, place.siteId(), place.runId(), place.now()), n -> {
                    }));
            String unjudged = GuestJudgement.unjudged(judgedBy);
            if (unjudged != null) {
                gaps.add(unjudged);
            }
            return gaps;
        };
    }

    /** The directory's users, read again after {@code ward.sharing.membership-refresh}, like groups' members. */
    private Judged membership(Instant now) {
        Judged known = judged;
        if (known == null || known.readAt().plus(settings.membershipRefresh()).isBefore(now)) {
            List<String> gaps = new ArrayList<>();
            long discovery = locations.latestDiscovery().orElse(-1);
            known = new Judged(guests.forScan(discovery, gaps), List.copyOf(gaps), now);
            judged = known;
        }
        return known;
    }
}
