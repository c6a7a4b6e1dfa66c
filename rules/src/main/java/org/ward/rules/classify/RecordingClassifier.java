package org.ward.rules.classify;

import org.ward.rules.facts.ClassificationEvidence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.ward.rules.facts.ClassificationEvidence.Contribution;
import org.ward.rules.classify.Words.Keywords;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.RecordingKind;
import org.ward.rules.policy.RecordingPolicy.NegativeKeywords;
import org.ward.rules.policy.Signal;
import org.ward.rules.policy.SignalType;

/**
 * Is this item a patient recording, of which kind, and why. Pure: the item, its location and the pack in; a
 * verdict with a score and its evidence out. A kind applies only when one of its media signals (MIME type, extension,
 * facet) matches, so folders and documents are never recordings; each matching signal adds its weight, the pack's
 * negative keywords (staff training, webinars, marketing) take theirs off, and the best-scoring kind wins if it
 * reaches its threshold. Scores are capped at 100, so a tie at the cap goes to the kind with more evidence before the
 * cap (then to the kind listed first).
 */
public final class RecordingClassifier {

    private final PolicyPack pack;
    private final IdentifierMasking masking;
    private final PatientIdentifiers identifiers;
    private final SignalEvidence evidence;
    private final List<Negative> negatives = new ArrayList<>();
    private final java.util.Map<MediaKey, boolean[]> mediaKinds = new java.util.concurrent.ConcurrentHashMap<>();

    private record Negative(NegativeKeywords group, Keywords keywords) {
    }

    public RecordingClassifier(PolicyPack pack, IdentifierFingerprint fingerprint) {
        this.pack = pack;
        this.masking = new IdentifierMasking(pack.identifiers());
        this.identifiers = new PatientIdentifiers(pack.identifiers(), masking, fingerprint);
        this.evidence = new SignalEvidence(pack, masking);
        pack.recordings().negativeKeywords().forEach(g -> negatives.add(new Negative(g, Keywords.of(g.values()))));
    }

    public RecordingClassification classify(ItemRecord item, LocationContext location) {
        if (item.folder()) {
            return new RecordingClassification(false, null, 0, List.of("a folder is never a recording"), List.of(),
                    ClassificationEvidence.of("a folder is never a recording"));
        }
        ItemFacts facts = ItemFacts.of(item, location);
        PatientIdentifiers.Found found = identifiers.find(facts, () -> clinicalContext(facts).orElse(null));
        boolean[] media = mediaKinds(item);
        if (!any(media)) {
            return notMedia(item, found);
        }
        List<Contribution> against = new ArrayList<>(againstFor(facts));
        int penalty = -against.stream().mapToInt(Contribution::weight).sum();
        against.addAll(new LinkedHashSet<>(found.notIdentifiers()));
        KindScore best = null;
        List<RecordingKind> kinds = pack.recordings().kinds();
        for (int k = 0; k < kinds.size(); k++) {
            // A kind none of whose media signals matches does not apply: most items are documents, not weighed further.
            KindScore score = media[k] ? score(kinds.get(k), facts, found.matches(), penalty) : null;
            if (score != null && (best == null || score.points() > best.points()
                    || (score.points() == best.points() && score.uncapped() > best.uncapped()))) {
                best = score;
            }
        }
        if (best == null) {
            return notMedia(item, found);
        }
        List<ClassificationEvidence.IdentifierEvidence> ids = found.matches().stream().map(IdentifierMatch::evidence).toList();
        boolean recording = best.points() >= best.kind().threshold();
        String verdict = "= " + best.points() + (recording ? ": reaches" : ": below") + " the threshold "
                + best.kind().threshold() + " for " + best.kind().id() + " (" + best.kind().title() + ")"
                + (recording ? "" : ", so not a recording");
        return RecordingClassification.of(new ClassificationEvidence(recording, best.kind().id(), best.kind().title(),
                best.points(), best.kind().threshold(), best.signals(), against, ids, null, verdict), found.matches());
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
        return any(mediaKinds(item));
    }

    /** What media signals read of an item: its MIME type, its extension and Graph's facets, nothing else. */
    private record MediaKey(String mimeType, String extension, boolean audio, boolean video, boolean photo,
            boolean image) {

        static MediaKey of(ItemRecord item) {
            return new MediaKey(item.mimeType(), item.extension(), item.media().audio(), item.media().video(),
                    item.media().photo(), item.media().image());
        }
    }

    /**
     * Whether each kind's media signals match the item, by the kinds' order. A tenant holds few distinct types, so the
     * answer is remembered per MIME type, extension and facets instead of matching every kind's patterns for each of a
     * hundred thousand items (twice: the inventory asks before reading columns, then classifies). Kept small.
     */
    private boolean[] mediaKinds(ItemRecord item) {
        MediaKey key = MediaKey.of(item);
        boolean[] kinds = mediaKinds.get(key);
        if (kinds == null) {
            ItemFacts facts = new ItemFacts(item, null, List.of(), List.of());
            List<RecordingKind> all = pack.recordings().kinds();
            kinds = new boolean[all.size()];
            for (int k = 0; k < kinds.length; k++) {
                kinds[k] = anyMedia(all.get(k), facts);
            }
            if (mediaKinds.size() >= 4_096) {
                mediaKinds.clear();
            }
            mediaKinds.put(key, kinds);
        }
        return kinds;
    }

    private static boolean any(boolean[] kinds) {
        for (boolean kind : kinds) {
            if (kind) {
                return true;
            }
        }
        return false;
    }

    /** The verdict for a file no kind's media signal matches: never a recording, whatever else it says. */
    private static RecordingClassification notMedia(ItemRecord item, PatientIdentifiers.Found found) {
        List<ClassificationEvidence.IdentifierEvidence> ids = found.matches().stream().map(IdentifierMatch::evidence).toList();
        String verdict = "not audio, video or an image: " + media(item) + " match no recording kind's media signals";
        return RecordingClassification.of(new ClassificationEvidence(false, null, null, 0, 0, List.of(), List.of(), ids,
                null, verdict), found.matches());
    }

    private boolean anyMedia(RecordingKind kind, ItemFacts facts) {
        for (Signal signal : kind.signals()) {
            if (signal.type().isMedia() && evidence.match(signal, facts, kind.id()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private record KindScore(RecordingKind kind, int points, int uncapped, List<Contribution> signals) {
    }

    /** The kind's score, or null when none of its media signals matches. */
    private KindScore score(RecordingKind kind, ItemFacts facts, List<IdentifierMatch> found, int penalty) {
        int points = 0;
        boolean media = false;
        List<Contribution> signals = new ArrayList<>();
        for (Signal signal : kind.signals()) {
            Optional<Contribution> contribution = signal.type() == SignalType.PATIENT_IDENTIFIER
                    ? identifierContribution(signal, found)
                    : evidence.match(signal, facts, kind.id()).map(m -> new Contribution(signal.type().key(), m.matched(),
                            m.where(), signal.weight(), m.because()));
            if (contribution.isPresent()) {
                media |= signal.type().isMedia();
                points += contribution.get().weight();
                signals.add(contribution.get());
            }
        }
        int net = points - penalty;
        return media ? new KindScore(kind, Math.max(0, Math.min(100, net)), net, signals) : null;
    }

    /** The pack's negative keywords found on the item or its location, once per group, with negative weights. */
    private List<Contribution> againstFor(ItemFacts facts) {
        List<Contribution> against = new ArrayList<>();
        for (Negative negative : negatives) {
            evidence.negative(negative.keywords(), facts).ifPresent(m -> against.add(new Contribution("negative-keyword",
                    m.matched(), m.where(), -negative.group().weight(), "negative " + m.because()
                            + ": staff, training or publicity media rather than a patient's")));
        }
        return against;
    }

    /**
     * The strongest identifier counts: one backed by context its full weight, one written the way people write it
     * ("943 476 5919") the signal's formatted weight, ten bare digits its weak weight.
     */
    private static Optional<Contribution> identifierContribution(Signal signal, List<IdentifierMatch> found) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String more = found.size() > 1 ? " (and " + (found.size() - 1) + " more)" : "";
        Optional<IdentifierMatch> strong = found.stream().filter(IdentifierMatch::withContext).findFirst();
        if (strong.isPresent()) {
            IdentifierMatch id = strong.get();
            return Optional.of(new Contribution(signal.type().key(), id.type().label(), id.foundIn(), signal.weight(),
                    id.describe() + ", backed by " + id.context() + more));
        }
        Optional<IdentifierMatch> formatted = found.stream().filter(IdentifierMatch::wellFormed).findFirst();
        if (formatted.isPresent() && signal.formattedWeight() > signal.weakWeight()) {
            IdentifierMatch id = formatted.get();
            return Optional.of(new Contribution(signal.type().key(), id.type().label(), id.foundIn(), signal.formattedWeight(),
                    id.describe() + more + ", written the way " + id.type().label() + "s are written but without context:"
                            + " stronger than bare digits, weaker than a keyword"));
        }
        IdentifierMatch id = found.get(0);
        return Optional.of(new Contribution(signal.type().key(), id.type().label(), id.foundIn(), signal.weakWeight(),
                id.describe() + more + " without context: about 1 in 11 random 10-digit numbers pass the check digit, so"
                        + " alone it is weak evidence"));
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
                    Optional<SignalMatch> why = evidence.match(signal, facts, kind.id());
                    if (why.isPresent()) {
                        return Optional.of("clinical context: " + why.get().because());
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
