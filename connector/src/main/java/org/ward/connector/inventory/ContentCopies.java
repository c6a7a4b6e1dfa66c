package org.ward.connector.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ward.connector.database.ColumnText;
import org.ward.rules.facts.ClassificationEvidence;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.findings.ItemRefs;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.RecordingKind;

/**
 * Copies known by their content: a file whose quickXorHash (or sha256Hash) equals that of a recording Ward classified
 * is a copy of that recording, whatever its name or place — a consultation saved to a OneDrive as "20261119.mp4" is
 * still a patient recording, and every check that reads recordings (consent, labels, retention, sharing, copies left
 * behind) judges it as one. Run before the checks, over what the inventory stored; the marks of the last scan are
 * cleared first, so a copy whose original went away is judged on its own again.
 */
@Component
public class ContentCopies {

    private final ItemStore items;

    public ContentCopies(ItemStore items) {
        this.items = items;
    }

    /**
     * Marks this scan's content copies.
     *
     * @param placeOf the name of the site or OneDrive that holds a drive, by drive id
     * @return how many files are copies
     */
    @Transactional
    public int mark(PolicyPack policy, Function<String, String> placeOf) {
        items.clearContentCopies();
        return mark(items.contentMatches(), policy, placeOf);
    }

    /**
     * Marks the content copies among one drive's files, against recordings anywhere (ward serve's refresh of the
     * drive, before its place is judged): a file the refresh stored afresh carries no mark, and a file saved since the
     * scan may be a copy. Copies in other drives of a recording this drive gained are marked by the next scan.
     *
     * @return how many of the drive's files are copies
     */
    @Transactional
    public int markDrive(String driveId, PolicyPack policy, Function<String, String> placeOf) {
        items.clearContentCopies(driveId);
        return mark(items.contentMatches(driveId), policy, placeOf);
    }

    private int mark(java.util.List<ItemStore.ContentMatch> matches, PolicyPack policy, Function<String, String> placeOf) {
        Map<ItemKey, Map<String, Object>> copies = new LinkedHashMap<>();
        for (ItemStore.ContentMatch match : matches) {
            if (copies.containsKey(match.copy())) {
                continue; // the best-scoring original (the query orders them) names the copy
            }
            RecordingKind kind = policy.recordings().kind(match.kind()).orElse(null);
            ClassificationEvidence.CopyOf original = new ClassificationEvidence.CopyOf(
                    ItemRefs.of(match.original().driveId(), match.original().itemId()),
                    placeOf.apply(match.original().driveId()), ColumnText.fit(match.path(), 2000), match.kind(),
                    match.score(), match.hash());
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("copyOf", original.toMap());
            stored.put("kindTitle", kind == null ? match.kind() : kind.title());
            stored.put("threshold", kind == null ? policy.recordings().threshold() : kind.threshold());
            copies.put(match.copy(), stored);
        }
        items.markContentCopies(copies);
        return copies.size();
    }
}
