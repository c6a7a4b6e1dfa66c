package org.ward.rules.copies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * COPY_LEFT_AFTER_UPLOAD: a recording in a OneDrive whose content (same quickXorHash, or sha256Hash where both
 * have one) is also in an approved location: the upload happened and the copy stayed. Names both places.
 */
final class CopyLeftAfterUploadCheck implements Check<OneDriveRecording> {

    @Override
    public CheckOutcome evaluate(OneDriveRecording copy, Rule rule, CheckContext context) {
        if (copy.sameContentApproved().isEmpty()) {
            return CheckOutcome.PASS;
        }
        OneDriveRecording.ApprovedCopy first = copy.sameContentApproved().get(0);
        List<String> reasons = new ArrayList<>();
        reasons.add("Classified as " + copy.kindWords() + ".");
        reasons.add("This copy: the OneDrive of " + copy.oneDrive().ownerUpn() + ", " + copy.recording().item().path() + ".");
        for (OneDriveRecording.ApprovedCopy approved : copy.sameContentApproved()) {
            reasons.add("The same content is in the approved " + approved.site() + " (" + approved.webUrl() + "), "
                    + approved.path() + (approved.uploaded() == null ? "" : ", since "
                    + approved.uploaded().toString().substring(0, 10)) + ".");
        }
        reasons.add("Ward deletes nothing: the OneDrive's owner should delete this copy once they confirm the upload.");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("copy", copy.recording().item().path());
        details.put("approvedSite", first.webUrl());
        details.put("approvedPath", first.path());
        return CheckOutcome.found(FindingDraft.of(rule, "A " + copy.kindWords() + " uploaded to " + first.site()
                + " still has a copy in a OneDrive.", reasons, copy.resource(), copy.oneDrive().ownerUpn()).withDetails(details));
    }
}
