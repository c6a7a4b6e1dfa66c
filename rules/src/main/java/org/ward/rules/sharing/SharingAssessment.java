package org.ward.rules.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;

/** Runs the sharing checks of the catalogue the pack enables over each recording's permissions. Pure. */
public final class SharingAssessment {

    private final EnabledChecks<RecordingAccess> checks;

    public SharingAssessment(CheckContext context) {
        this.checks = EnabledChecks.of(SharingCatalogue.values(), t -> Optional.of(t.check().create()), context);
    }

    /** The finding types this assessment decides; open findings of these types not found again are resolved. */
    public Set<FindingType> types() {
        return checks.types();
    }

    public List<FindingDraft> assess(RecordingAccess access) {
        List<FindingDraft> findings = new ArrayList<>();
        checks.run(access, access.recording().item().path(), findings::add);
        return findings;
    }

    /** Why checks could not decide, as coverage-gap sentences. */
    public List<String> notEvaluatedSentences() {
        return checks.notEvaluatedSentences();
    }
}
