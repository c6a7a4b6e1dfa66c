package org.ward.rules.copies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;

/** Runs the copy checks of the catalogue the pack enables over each recording found in a OneDrive. Pure. */
public final class CopyAssessment {

    private final EnabledChecks<OneDriveRecording> checks;

    public CopyAssessment(CheckContext context) {
        this.checks = EnabledChecks.of(CopiesCatalogue.values(), t -> Optional.of(t.check().create()), context);
    }

    /** The finding types this assessment decides; open findings of these types not found again are resolved. */
    public Set<FindingType> types() {
        return checks.types();
    }

    public List<FindingDraft> assess(OneDriveRecording copy) {
        List<FindingDraft> findings = new ArrayList<>();
        checks.run(copy, copy.recording().item().path(), findings::add);
        return findings;
    }

    /** Why checks could not decide, as coverage-gap sentences. */
    public List<String> notEvaluatedSentences() {
        return checks.notEvaluatedSentences();
    }
}
