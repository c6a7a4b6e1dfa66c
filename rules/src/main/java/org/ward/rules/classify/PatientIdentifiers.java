package org.ward.rules.classify;

import org.ward.rules.facts.ClassificationEvidence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ward.rules.classify.ItemTexts.Source;
import org.ward.rules.classify.Words.Keywords;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.policy.IdentifierPolicy;
import org.ward.rules.policy.IdentifierPolicy.ScanTarget;
import org.ward.rules.policy.IdentifierType;

/**
 * Finds the patient identifiers on an item (name, folder path, columns, as the pack says) and decides whether
 * context backs each one. About 1 in 11 random 10-digit numbers pass the NHS check digit, so a bare number is weak
 * evidence; a keyword such as "NHS" or "patient" anywhere on the item, or clinical folder or site context, makes it
 * strong — the same idea as Purview's keyword proximity, with the path standing in for surrounding text.
 */
final class PatientIdentifiers {

    private final IdentifierPolicy policy;
    private final IdentifierScanner scanner;
    private final IdentifierMasking masking;
    private final IdentifierFingerprint fingerprint;
    private final Map<IdentifierType, Keywords> keywords = new EnumMap<>(IdentifierType.class);

    PatientIdentifiers(IdentifierPolicy policy, IdentifierMasking masking, IdentifierFingerprint fingerprint) {
        this.policy = policy;
        this.scanner = new IdentifierScanner(policy);
        this.masking = masking;
        this.fingerprint = fingerprint;
        for (IdentifierType type : IdentifierType.values()) {
            List<String> words = new ArrayList<>(policy.contextKeywords());
            words.addAll(policy.settings(type).contextKeywords());
            keywords.put(type, Keywords.of(words));
        }
    }

    /**
     * The identifiers on an item, and the checksum-valid numbers that cannot be identifiers where they were written.
     *
     * @param matches identifiers, masked and fingerprinted
     * @param notIdentifiers why each rejected number is not counted, as evidence notes (no values)
     */
    record Found(List<IdentifierMatch> matches, List<ClassificationEvidence.Contribution> notIdentifiers) {
    }

    /**
     * @param clinicalContext a description of the item's clinical context, or null when it has none; asked only when an
     *     identifier without a keyword of its own is found
     */
    Found find(ItemFacts facts, java.util.function.Supplier<String> clinicalContext) {
        ItemRecord item = facts.item();
        List<Source> sources = new ArrayList<>();
        if (policy.scans(ScanTarget.NAME)) {
            sources.add(new Source("file name", item.name()));
        }
        if (policy.scans(ScanTarget.PATH)) {
            sources.add(new Source("folder path", item.folderPath()));
        }
        if (policy.scans(ScanTarget.COLUMNS)) {
            sources.addAll(facts.columns());
        }
        List<IdentifierMatch> matches = new ArrayList<>();
        List<ClassificationEvidence.Contribution> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Source source : sources) {
            IdentifierScanner.Scan scan = scanner.scan(source.text());
            for (FoundIdentifier found : scan.found()) {
                String print = fingerprint.of(found.type(), found.value());
                if (seen.add(print)) {
                    String context = found.type() == IdentifierType.MRN ? "found next to an MRN keyword"
                            : keywordContext(found.type(), facts).orElseGet(clinicalContext);
                    boolean testRange = found.type() == IdentifierType.NHS_NUMBER && found.value().startsWith("999");
                    matches.add(new IdentifierMatch(found.type(), masking.mask(found.type(), found.value()), print,
                            source.where(), context, testRange, scanner.wellFormed(found, source.text())));
                }
            }
            for (IdentifierScanner.Rejected no : scan.rejected()) {
                rejected.add(new ClassificationEvidence.Contribution("not-an-identifier", no.type().label(), source.where(), 0,
                        "not counted: a number in the " + source.where() + " passes the " + no.type().label()
                                + " check digit, but " + no.reason()));
            }
        }
        return new Found(matches, rejected);
    }

    private Optional<String> keywordContext(IdentifierType type, ItemFacts facts) {
        List<Source> sources = new ArrayList<>(facts.context());
        sources.addAll(facts.columns());
        for (Source source : sources) {
            Optional<String> keyword = keywords.get(type).firstIn(source.words());
            if (keyword.isPresent()) {
                return Optional.of("keyword \"" + keyword.get() + "\" in the " + source.where());
            }
        }
        return Optional.empty();
    }
}
