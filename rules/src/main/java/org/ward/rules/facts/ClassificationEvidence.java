package org.ward.rules.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why an item is, or is not, a patient recording, as an auditor can check it: every signal that counted with where it
 * matched and its weight, the score and the threshold it was measured against, what argued against it, the patient
 * identifiers found (masked) and, for a copy known by its content, the recording it copies. Identifiers are masked and
 * no clear value is ever held here, so the evidence can be stored, reported and logged as it is.
 *
 * @param recording whether the item is a patient recording
 * @param kind the recording kind that scored best (null when no kind's media signals match, e.g. a document)
 * @param kindTitle that kind's title
 * @param score the best kind's score, 0-100
 * @param threshold the score that kind needs
 * @param signals what counted for it, in the pack's order
 * @param against what argued against it: negative keywords (negative weights) and numbers that looked like identifiers
 *     but cannot be one (weight 0)
 * @param identifiers patient identifiers found on the item, masked
 * @param copyOf the recording this item is a copy of (same content hash), or null
 * @param verdict the closing sentence ("= 75: reaches the threshold 60 for consultation-video (...)")
 */
public record ClassificationEvidence(boolean recording, String kind, String kindTitle, int score, int threshold,
        List<Contribution> signals, List<Contribution> against, List<IdentifierEvidence> identifiers, CopyOf copyOf,
        String verdict) {

    public ClassificationEvidence {
        signals = signals == null ? List.of() : List.copyOf(signals);
        against = against == null ? List.of() : List.copyOf(against);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** Evidence with nothing but a verdict: a folder, or reasons kept from before evidence was structured. */
    public static ClassificationEvidence of(String verdict) {
        return new ClassificationEvidence(false, null, null, 0, 0, List.of(), List.of(), List.of(), null, verdict);
    }

    /**
     * One piece of evidence and its weight.
     *
     * @param signal what kind of evidence: the pack's signal type ("mime-type", "extension", "facet", "name-pattern",
     *     "teams-recordings-folder", "context-keyword", "column", "approved-location", "patient-identifier") or
     *     "negative-keyword", "not-an-identifier", "content-copy"
     * @param matched what matched: the pattern, extension, facet, keyword or column the pack names
     * @param where where it matched: "file name", "folder path", "site name", "site path", "library", "column X",
     *     "location"; null when the signal is about the file as a whole
     * @param weight the points it added (negative when it took points off, 0 when it is only a note)
     * @param because the same in words, identifiers masked ("keyword \"Consultations\" in the folder path ...")
     */
    public record Contribution(String signal, String matched, String where, int weight, String because) {

        /** "+30 keyword ...", "-40 negative keyword ...", or the words alone for a note. */
        public String sentence() {
            if (weight > 0) {
                return "+" + weight + " " + because;
            }
            return weight < 0 ? weight + " " + because : because;
        }

        Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("signal", signal);
            out.put("matched", matched);
            out.put("where", where);
            out.put("weight", weight);
            out.put("because", because);
            return out;
        }

        static Contribution fromMap(Map<?, ?> map) {
            return new Contribution(text(map, "signal"), text(map, "matched"), text(map, "where"), number(map, "weight"),
                    text(map, "because"));
        }
    }

    /**
     * A patient identifier on the item, masked.
     *
     * @param type "NHS number", "CHI number", "Medicare number", "MRN"
     * @param masked the masked value ("943 *** **19")
     * @param where where it was found ("file name", "folder path", "column PatientNHS")
     * @param strength "backed by context", "well-formed" (written the way people write it, no context) or "bare digits"
     * @param context what backs it, or null
     * @param testRange an NHS number from the 999 test range, never issued to a patient
     */
    public record IdentifierEvidence(String type, String masked, String where, String strength, String context,
            boolean testRange) {

        Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", type);
            out.put("masked", masked);
            out.put("where", where);
            out.put("strength", strength);
            out.put("context", context);
            out.put("testRange", testRange);
            return out;
        }

        static IdentifierEvidence fromMap(Map<?, ?> map) {
            return new IdentifierEvidence(text(map, "type"), text(map, "masked"), text(map, "where"), text(map, "strength"),
                    text(map, "context"), Boolean.TRUE.equals(map.get("testRange")));
        }
    }

    /**
     * The recording an item copies, found by its content hash.
     *
     * @param itemRef the recording's short item reference
     * @param site the site (or OneDrive) that holds it
     * @param path its path there, masked
     * @param kind its recording kind
     * @param score its own score
     * @param hash which hash matched: "quickXorHash" or "sha256Hash"
     */
    public record CopyOf(String itemRef, String site, String path, String kind, int score, String hash) {

        public Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("itemRef", itemRef);
            out.put("site", site);
            out.put("path", path);
            out.put("kind", kind);
            out.put("score", score);
            out.put("hash", hash);
            return out;
        }

        public static CopyOf fromMap(Map<?, ?> map) {
            return new CopyOf(text(map, "itemRef"), text(map, "site"), text(map, "path"), text(map, "kind"),
                    number(map, "score"), text(map, "hash"));
        }

        String sentence() {
            return "same content (" + hash + ") as " + kind + " recording " + path + " in " + site + " (item " + itemRef
                    + ", score " + score + "): a copy of a patient recording, whatever its name or place";
        }
    }

    /** The same evidence, now known to be a copy of {@code original}: a recording of the original's kind. */
    public ClassificationEvidence asCopyOf(CopyOf original, String originalKindTitle, int originalThreshold) {
        String closing = "= copy of a " + original.kind() + " recording (" + originalKindTitle + "); on its own it scored "
                + score + (kind == null ? "" : " for " + kind);
        return new ClassificationEvidence(true, original.kind(), originalKindTitle, score, originalThreshold, signals,
                against, identifiers, original, closing);
    }

    /** The reasons in order, one sentence each: signals, what argued against, the copy, the verdict. */
    public List<String> sentences() {
        List<String> out = new ArrayList<>();
        signals.forEach(s -> out.add(s.sentence()));
        against.forEach(s -> out.add(s.sentence()));
        if (copyOf != null) {
            out.add(copyOf.sentence());
        }
        if (verdict != null) {
            out.add(verdict);
        }
        return out;
    }

    /** One line for a spreadsheet cell or a terminal: the verdict, then each signal, separated by semicolons. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        if (kind == null) {
            out.append(verdict == null ? "" : verdict);
            return out.toString();
        }
        out.append(recording ? "Patient recording" : "Not a patient recording").append(" (").append(kindTitle == null
                ? kind : kindTitle).append("): score ").append(score).append(" of ").append(threshold).append(" needed");
        if (copyOf != null) {
            out.append("; ").append(copyOf.sentence());
        }
        for (Contribution signal : signals) {
            out.append("; ").append(signal.sentence());
        }
        for (Contribution signal : against) {
            out.append("; ").append(signal.sentence());
        }
        return out.toString();
    }

    /** For storage and reports: plain maps, lists, strings, numbers and booleans. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recording", recording);
        out.put("kind", kind);
        out.put("kindTitle", kindTitle);
        out.put("score", score);
        out.put("threshold", threshold);
        out.put("signals", signals.stream().map(Contribution::toMap).toList());
        out.put("against", against.stream().map(Contribution::toMap).toList());
        out.put("identifiers", identifiers.stream().map(IdentifierEvidence::toMap).toList());
        out.put("copyOf", copyOf == null ? null : copyOf.toMap());
        out.put("verdict", verdict);
        return out;
    }

    /** Reads what {@link #toMap()} wrote (after a round trip through JSON). */
    public static ClassificationEvidence fromMap(Map<?, ?> map) {
        return new ClassificationEvidence(Boolean.TRUE.equals(map.get("recording")), text(map, "kind"),
                text(map, "kindTitle"), number(map, "score"), number(map, "threshold"),
                maps(map.get("signals")).stream().map(Contribution::fromMap).toList(),
                maps(map.get("against")).stream().map(Contribution::fromMap).toList(),
                maps(map.get("identifiers")).stream().map(IdentifierEvidence::fromMap).toList(),
                map.get("copyOf") instanceof Map<?, ?> copy ? CopyOf.fromMap(copy) : null, text(map, "verdict"));
    }

    private static List<Map<?, ?>> maps(Object value) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> {
                if (item instanceof Map<?, ?> m) {
                    out.add(m);
                }
            });
        }
        return out;
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    private static int number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.intValue() : 0;
    }
}
