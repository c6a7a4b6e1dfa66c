package org.ward.rules.recordings;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ward.rules.classify.ConsentVerdict;
import org.ward.rules.classify.RecordingClassification;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * RECORDING_WITHOUT_CONSENT_EVIDENCE: a recording of a kind that needs consent, with no consent record beside it
 * (a consent form in the same folder naming the same patient or recording, or a consent column, as the pack says).
 * Identifiers are compared by fingerprint, since Ward keeps no identifier in clear text.
 */
final class RecordingWithoutConsentEvidenceCheck implements Check<RecordingFacts> {

    @Override
    public CheckOutcome evaluate(RecordingFacts facts, Rule rule, CheckContext context) {
        ClassifiedItem recording = facts.recording();
        if (GracePeriod.within(rule, recording.item().createdDateTime(), context.now())) {
            return CheckOutcome.PASS;
        }
        RecordingClassification classification = new RecordingClassification(true, recording.kind(), recording.score(),
                recording.reasons(), List.of());
        Map<String, Set<String>> fingerprints = facts.folder().stream().collect(Collectors.toMap(
                r -> r.item().itemId(), r -> r.identifiers().stream().map(i -> i.fingerprint()).collect(Collectors.toSet()),
                (a, b) -> a));
        Set<String> own = recording.identifiers().stream().map(i -> i.fingerprint()).collect(Collectors.toSet());
        List<ItemRecord> folder = facts.folder().stream().map(ClassifiedItem::item).toList();
        ConsentVerdict verdict = context.consent().evaluate(recording.item(), classification, own, folder, fingerprints);
        if (verdict.status() != ConsentVerdict.Status.MISSING) {
            return CheckOutcome.PASS;
        }
        return CheckOutcome.found(FindingDraft.of(rule,
                "A " + facts.kindWords() + " has no consent record beside it.",
                List.of("Classified as " + facts.kindWords() + "; the policy requires consent evidence for it.",
                        capitalise(verdict.reason()) + "."),
                facts.resource(), facts.owner()));
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
