package org.ward.rules.copies;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;
import org.ward.rules.policy.Severity;

/**
 * TEMPORARY_COPY_IN_ONEDRIVE: a patient recording in a user's OneDrive — parked there "temporarily", or a Teams
 * meeting recording left in its organiser's Recordings folder — with its age. Within the pack's grace period it is
 * low severity; past it, the rule's severity.
 */
final class TemporaryCopyInOneDriveCheck implements Check<OneDriveRecording> {

    @Override
    public CheckOutcome evaluate(OneDriveRecording copy, Rule rule, CheckContext context) {
        PolicyPack policy = context.pack();
        Instant now = context.now();
        Instant created = copy.recording().item().createdDateTime();
        Period grace = policy.sharing().temporaryCopies().gracePeriod();
        long days = created == null ? 0 : Duration.between(created, now).toDays();
        boolean past = created != null && created.atOffset(ZoneOffset.UTC).plus(grace).toInstant().isBefore(now);
        String folder = copy.topFolder();
        boolean temporaryFolder = policy.sharing().temporaryCopies().oneDriveFolders().stream().anyMatch(folder::equalsIgnoreCase);
        List<String> reasons = new ArrayList<>();
        reasons.add("Classified as " + copy.kindWords() + ".");
        reasons.add("It is in the OneDrive of " + copy.oneDrive().ownerUpn() + (folder.isEmpty() ? "" : ", folder \"" + folder
                + "\"" + (temporaryFolder ? " (where Teams and chats put files)" : "")) + ", " + days + " days old.");
        reasons.add(past ? "That is past the policy's grace period of " + grace + "."
                : "It is still within the policy's grace period of " + grace + ".");
        String title = "A " + copy.kindWords() + " has been in a OneDrive for " + days + " days" + (past ? ", past the"
                + " grace period." : ".");
        FindingDraft finding = FindingDraft.of(rule, title, reasons, copy.resource(), copy.oneDrive().ownerUpn())
                .withDetails(Map.of("ageDays", days, "gracePeriod", grace.toString(), "pastGrace", past, "folder", folder));
        return CheckOutcome.found(past ? finding : finding.withSeverity(Severity.LOW));
    }
}
