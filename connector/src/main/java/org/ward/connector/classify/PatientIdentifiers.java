package org.ward.connector.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ward.connector.classify.ItemTexts.Source;
import org.ward.connector.inventory.ItemRecord;
import org.ward.connector.policy.IdentifierPolicy;
import org.ward.connector.policy.IdentifierPolicy.ScanTarget;
import org.ward.connector.policy.IdentifierType;

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

    PatientIdentifiers(IdentifierPolicy policy, IdentifierMasking masking, IdentifierFingerprint fingerprint) {
        this.policy = policy;
        this.scanner = new IdentifierScanner(policy);
        this.masking = masking;
        this.fingerprint = fingerprint;
    }

    /** @param clinicalContext a description of the item's clinical context, or null when it has none */
    List<IdentifierMatch> find(ItemRecord item, LocationContext location, String clinicalContext) {
        List<Source> sources = new ArrayList<>();
        if (policy.scans(ScanTarget.NAME)) {
            sources.add(new Source("file name", item.name()));
        }
        if (policy.scans(ScanTarget.PATH)) {
            sources.add(new Source("folder path", item.folderPath()));
        }
        if (policy.scans(ScanTarget.COLUMNS)) {
            sources.addAll(ItemTexts.columns(item));
        }
        List<IdentifierMatch> matches = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Source source : sources) {
            for (FoundIdentifier found : scanner.find(source.text())) {
                String print = fingerprint.of(found.type(), found.value());
                if (seen.add(print)) {
                    String context = found.type() == IdentifierType.MRN ? "found next to an MRN keyword"
                            : keywordContext(found.type(), item, location).orElse(clinicalContext);
                    boolean testRange = found.type() == IdentifierType.NHS_NUMBER && found.value().startsWith("999");
                    matches.add(new IdentifierMatch(found.type(), masking.mask(found.type(), found.value()), print,
                            source.where(), context, testRange));
                }
            }
        }
        return matches;
    }

    private Optional<String> keywordContext(IdentifierType type, ItemRecord item, LocationContext location) {
        List<String> keywords = new ArrayList<>(policy.contextKeywords());
        keywords.addAll(policy.settings(type).contextKeywords());
        List<Source> sources = new ArrayList<>(ItemTexts.context(item, location));
        sources.addAll(ItemTexts.columns(item));
        for (Source source : sources) {
            Optional<String> keyword = Words.firstIn(keywords, source.text());
            if (keyword.isPresent()) {
                return Optional.of("keyword \"" + keyword.get() + "\" in the " + source.where());
            }
        }
        return Optional.empty();
    }
}
