package org.ward.rules.labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * RECORD_LABEL_BLOCKS_RETENTION_LABEL: a patient recording that needs the pack's retention label but carries another
 * label that declares it a record (locked, unlocked or regulatory). Ward never changes a record's label, so the
 * recording keeps the wrong retention schedule until a records manager decides. PASS: no record label, or the pack's.
 */
final class RecordLabelBlocksRetentionLabelCheck implements Check<RecordLabelFacts> {

    @Override
    public CheckOutcome evaluate(RecordLabelFacts facts, Rule rule, CheckContext context) {
        Optional<String> required = context.labels().retentionLabelFor(facts.recording().kind());
        if (required.isEmpty() || !facts.label().present() || !facts.label().record()
                || facts.label().name().strip().equalsIgnoreCase(required.get())) {
            return CheckOutcome.PASS;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recordLabel", facts.label().name());
        details.put("behavior", facts.label().behavior());
        details.put("recordLocked", facts.label().recordLocked());
        details.put("requiredLabel", required.get());
        return CheckOutcome.found(FindingDraft.of(rule, "A " + facts.kindWords() + " is " + facts.label().recordWords()
                + " under the label \"" + facts.label().name() + "\", so Ward cannot give it \"" + required.get() + "\".",
                List.of("Classified as " + facts.kindWords() + ".", "Its retention label \"" + facts.label().name()
                        + "\" declares it " + facts.label().recordWords() + ": changing a record's label takes"
                        + " Sites.FullControl.All, a locked or regulatory record keeps its label, and no application may"
                        + " remove a record label, so Ward leaves it to the records manager."),
                facts.resource(), facts.owner()).withDetails(details));
    }
}
