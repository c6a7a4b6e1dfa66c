package org.ward.rules.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ward.rules.facts.ItemRecord;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.RecordingKind;
import org.ward.rules.policy.Signal;
import org.ward.rules.policy.SignalType;

/**
 * Is this item a patient recording, of which kind, and why. Pure: the item, its location and the pack in; a
 * verdict with a score and reasons out. A kind applies only when one of its media signals (MIME type, extension,
 * facet) matches, so folders and documents are never recordings; each matching signal adds its weight, and the
 * best-scoring kind wins if it reaches its threshold. Scores are capped at 100, so a tie at the cap goes to the kind with
 * more evidence before the cap (then to the kind listed first).
 */
public final class RecordingClassifier {

    private final PolicyPack pack;
    private final IdentifierMasking masking;
    private final PatientIdentifiers identifiers;
    private final SignalEvidence evidence;

    public RecordingClassifier(PolicyPack pack, IdentifierFingerprint fingerprint) {
        this.pack = pack;
        this.masking = new IdentifierMasking(pack.identifiers());
        this.identifiers = new PatientIdentifiers(pack.identifiers(), masking, fingerprint);
        this.evidence = new SignalEvidence(pack, masking);
    }

    public RecordingClassification classify(ItemRecord item, LocationContext location) {
        if (item.folder()) {
            return new RecordingClassification(false, null, 0, List.of("a folder is never a recording"), List.of());
        }
        ItemFacts facts = ItemFacts.of(item, location);
        List<IdentifierMatch> found = identifiers.find(facts, clinicalContext(facts).orElse(null));
        KindScore best = null;
        for (RecordingKind kind : pack.recordings().kinds()) {
            KindScore score = score(kind, facts, found);
            if (score != null && (best == null || score.points() > best.points()
                    || (score.points() == best.points() && score.uncapped() > best.uncapped()))) {
                best = score;
            }
        }
        if (best == null) {
            return new RecordingClassification(false, null, 0, List.of("not audio, video or an image: " + media(item)
                    + " match no recording kind's media signals"), found);
        }
        boolean recording = best.points() >= best.kind().threshold();
        List<String> reasons = new ArrayList<>(best.reasons());
        reasons.add("= " + best.points() + (recording ? ": reaches" : ": below") + " the threshold " + best.kind().threshold()
                + " for " + best.kind().id() + " (" + best.kind().title() + ")" + (recording ? "" : ", so not a recording"));
        return new RecordingClassification(recording, recording ? best.kind().id() : null, best.points(), reasons, found);
    }

    /**
     * Whether some kind's media signal (MIME type, extension, facet) matches the item: only such a file can be a
     * recording, so only it needs what the classifier reads beyond the item's name (retention label, metadata columns).
     * Cheap: reads no text, so it can run on every item of a delta page before its columns are known.
     */
    public boolean mayBeRecording(ItemRecord item) {
        if (item.folder()) {
            return false;
        }
        ItemFacts facts = new ItemFacts(item, null, List.of(), List.of());
        for (RecordingKind kind : pack.recordings().kinds()) {
            for (Signal signal : kind.signals()) {
                if (signal.type().isMedia() && evidence.match(signal, facts, kind.id()).isPresent()) {
                    return true;
                }
            }
        }
        return false;
    }

    private record KindScore(RecordingKind kind, int points, int uncapped, List<String> reasons) {
    }

    /** The kind's score, or null when none of its media signals matches. */
    private KindScore score(RecordingKind kind, ItemFacts facts, List<IdentifierMatch> found) {
        int points = 0;
        boolean media = false;
        List<String> reasons = new ArrayList<>();
        for (Signal signal : kind.signals()) {
            Optional<Contribution> contribution = signal.type() == SignalType.PATIENT_IDENTIFIER
                    ? identifierContribution(signal, found)
                    : evidence.match(signal, facts, kind.id()).map(why -> new Contribution(signal.weight(), why));
            if (contribution.isPresent()) {
                media |= signal.type().isMedia();
                points += contribution.get().points();
                reasons.add("+" + contribution.get().points() + " " + contribution.get().why());
            }
        }
        return media ? new KindScore(kind, Math.min(100, points), points, reasons) : null;
    }

    private record Contribution(int points, String why) {
    }

    private static Optional<Contribution> identifierContribution(Signal signal, List<IdentifierMatch> found) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Optional<IdentifierMatch> strong = found.stream().filter(IdentifierMatch::withContext).findFirst();
        String more = found.size() > 1 ? " (and " + (found.size() - 1) + " more)" : "";
        if (strong.isPresent()) {
            return Optional.of(new Contribution(signal.weight(), strong.get().describe() + ", backed by "
                    + strong.get().context() + more));
        }
        return Optional.of(new Contribution(signal.weakWeight(), found.get(0).describe() + more
                + " without context: about 1 in 11 random 10-digit numbers pass the check digit, so alone it is weak evidence"));
    }

    /**
     * Clinical context for identifiers: a keyword or column of a kind that weighs patient identifiers, or a location
     * approved for recordings. CCTV or Teams folders alone do not make a number a patient identifier.
     */
    private Optional<String> clinicalContext(ItemFacts facts) {
        for (RecordingKind kind : pack.recordings().kinds()) {
            boolean weighsIdentifiers = kind.signals().stream().anyMatch(s -> s.type() == SignalType.PATIENT_IDENTIFIER);
            for (Signal signal : kind.signals()) {
                boolean contextual = signal.type() == SignalType.CONTEXT_KEYWORD || signal.type() == SignalType.COLUMN;
                if (weighsIdentifiers && contextual) {
                    Optional<String> why = evidence.match(signal, facts, kind.id());
                    if (why.isPresent()) {
                        return Optional.of("clinical context: " + why.get());
                    }
                }
            }
        }
        LocationContext location = facts.location();
        if (location != null && !location.approvedKinds().isEmpty()) {
            return Optional.of("clinical context: the location is approved for " + String.join(", ", location.approvedKinds()));
        }
        return Optional.empty();
    }

    private static String media(ItemRecord item) {
        String mime = item.mimeType() == null ? "no MIME type" : "MIME type " + item.mimeType();
        String extension = item.extension().isEmpty() ? "no extension" : "extension ." + item.extension();
        return mime + ", " + extension + " and " + (item.media().any() ? "its media facets" : "no media facet");
    }
}
