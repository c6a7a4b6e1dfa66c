package org.ward.rules.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ward.rules.classify.ConsentVerdict.Status;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.policy.ConsentPolicy;
import org.ward.rules.policy.ConsentPolicy.ConsentColumn;
import org.ward.rules.policy.ConsentPolicy.ConsentLink;
import org.ward.rules.policy.Glob;
import org.ward.rules.policy.PolicyPack;

/**
 * Is a consent record stored with the recording (GMC paras 22-24)? Evidence is a consent column on the recording,
 * or a consent form in the same folder that names the same patient identifier or contains the recording's name.
 */
public final class ConsentEvidence {

    /** Shorter names ("a", "01") would be found inside unrelated form names. */
    private static final int MIN_BASE_NAME = 4;

    private final ConsentPolicy policy;
    private final IdentifierScanner scanner;
    private final IdentifierMasking masking;
    private final IdentifierFingerprint fingerprint;
    private final List<Glob> formNames;

    public ConsentEvidence(PolicyPack pack, IdentifierFingerprint fingerprint) {
        this.policy = pack.consent();
        this.formNames = policy.formNamePatterns().stream().map(Glob::of).toList();
        this.scanner = new IdentifierScanner(pack.identifiers());
        this.masking = new IdentifierMasking(pack.identifiers());
        this.fingerprint = fingerprint;
    }

    /** @param sameFolder the other items in the recording's folder (the recording itself and folders are ignored) */
    public ConsentVerdict evaluate(ItemRecord recording, RecordingClassification classification, List<ItemRecord> sameFolder) {
        Set<String> own = classification.identifiers().stream().map(IdentifierMatch::fingerprint).collect(Collectors.toSet());
        Map<String, Set<String>> fingerprints = new HashMap<>();
        for (ItemRecord item : sameFolder) {
            fingerprints.put(item.itemId(), scanner.find(item.name()).stream()
                    .map(found -> fingerprint.of(found.type(), found.value())).collect(Collectors.toSet()));
        }
        return evaluate(recording, classification, own, sameFolder, fingerprints);
    }

    /**
     * The same judgement over stored facts, whose names are masked: identifiers are compared by fingerprint.
     *
     * @param ownFingerprints fingerprints of the identifiers found in the recording's name, path or columns
     * @param fingerprintsByItemId fingerprints of the identifiers found in each folder item's name
     */
    public ConsentVerdict evaluate(ItemRecord recording, RecordingClassification classification, Set<String> ownFingerprints,
            List<ItemRecord> sameFolder, Map<String, Set<String>> fingerprintsByItemId) {
        if (!classification.isRecording()) {
            return new ConsentVerdict(Status.NOT_REQUIRED, List.of(), "not a recording");
        }
        if (!policy.requires(classification.kind())) {
            return new ConsentVerdict(Status.NOT_REQUIRED, List.of(), "the pack does not require consent evidence for "
                    + classification.kind());
        }
        List<String> evidence = new ArrayList<>();
        columnEvidence(recording).ifPresent(evidence::add);
        List<ItemRecord> forms = sameFolder.stream().filter(i -> isForm(i, recording)).toList();
        for (ItemRecord form : forms) {
            link(form, recording, ownFingerprints, fingerprintsByItemId.getOrDefault(form.itemId(), Set.of()))
                    .ifPresent(evidence::add);
        }
        if (!evidence.isEmpty()) {
            return new ConsentVerdict(Status.PRESENT, evidence, "consent evidence: " + String.join("; ", evidence));
        }
        return new ConsentVerdict(Status.MISSING, List.of(), "no consent evidence: " + formsMissing(forms) + ", and "
                + columnsMissing());
    }

    private Optional<String> columnEvidence(ItemRecord recording) {
        for (ConsentColumn column : policy.columns()) {
            for (var entry : recording.columns().entrySet()) {
                String value = entry.getValue() == null ? "" : entry.getValue().strip();
                boolean named = entry.getKey().equalsIgnoreCase(column.name()) && !value.isEmpty();
                if (named && (column.values().isEmpty() || column.values().stream().anyMatch(value::equalsIgnoreCase))) {
                    return Optional.of("column " + entry.getKey() + " = " + masking.maskText(value));
                }
            }
        }
        return Optional.empty();
    }

    private boolean isForm(ItemRecord item, ItemRecord recording) {
        boolean sameParent = recording.parentId() == null || recording.parentId().equals(item.parentId());
        return !item.folder() && !item.itemId().equals(recording.itemId()) && sameParent
                && policy.formExtensions().contains(item.extension())
                && formNames.stream().anyMatch(g -> g.matches(item.name()));
    }

    private Optional<String> link(ItemRecord form, ItemRecord recording, Set<String> wanted, Set<String> formFingerprints) {
        String shown = "consent form \"" + masking.maskText(form.name()) + "\" in the same folder";
        if (policy.linkBy().contains(ConsentLink.IDENTIFIER)) {
            for (String found : formFingerprints) {
                if (wanted.contains(found)) {
                    return Optional.of(shown + " names the same patient identifier");
                }
            }
        }
        String base = normalise(baseName(recording.name()));
        // A masked name ("... 999 *** **17") says too little to match on: two patients can mask alike.
        boolean masked = recording.name().contains("*");
        if (policy.linkBy().contains(ConsentLink.BASE_NAME) && !masked && base.length() >= MIN_BASE_NAME
                && normalise(baseName(form.name())).contains(base)) {
            return Optional.of(shown + " contains the recording's name");
        }
        return Optional.empty();
    }

    private String formsMissing(List<ItemRecord> forms) {
        String kinds = String.join(" or ", policy.formNamePatterns()) + " (" + String.join(", ", policy.formExtensions()) + ")";
        if (forms.isEmpty()) {
            return "no file in the folder matches " + kinds;
        }
        String names = forms.stream().map(f -> "\"" + masking.maskText(f.name()) + "\"").collect(Collectors.joining(", "));
        return forms.size() + " consent form" + (forms.size() == 1 ? "" : "s") + " in the folder (" + names
                + ") but none names the recording's patient identifier or contains its name";
    }

    private String columnsMissing() {
        if (policy.columns().isEmpty()) {
            return "the pack names no consent columns";
        }
        return "no consent column is set (" + policy.columns().stream()
                .map(c -> c.values().isEmpty() ? c.name() : c.name() + " = " + String.join("/", c.values()))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
