package org.ward.connector.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The compliant recording checklist of the NHS recording guidance Ward follows (transcribed, with its source, in
 * {@code evidence/recording-checklist.yaml}), each item assessed: checked by Ward, with the open findings of its rules as
 * the evidence, or needing a person, with why.
 */
final class RecordingChecklist {

    static final String RESOURCE = "/evidence/recording-checklist.yaml";

    record Source(String title, String publisher, String note) {
    }

    /** One item as transcribed: its rules when Ward checks it, or why a person must. */
    record Item(String id, String text, List<String> ward, String evidence, String person, List<String> supports) {

        Item {
            ward = ward == null ? List.of() : List.copyOf(ward);
            supports = supports == null ? List.of() : List.copyOf(supports);
        }

        boolean checkedByWard() {
            return !ward.isEmpty();
        }
    }

    record Checklist(Source source, List<Item> items) {
    }

    /** One assessed item: who checks it, the result, and the evidence or the reason. */
    record Assessed(int number, Item item, String by, String result, String evidence) {
    }

    private final Checklist checklist;

    private RecordingChecklist(Checklist checklist) {
        this.checklist = checklist;
    }

    static RecordingChecklist load() {
        try (InputStream in = RecordingChecklist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from Ward's jar.");
            }
            YAMLMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
            return new RecordingChecklist(yaml.readValue(in, Checklist.class));
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " cannot be read: " + e.getMessage(), e);
        }
    }

    Source source() {
        return checklist.source();
    }

    List<Item> items() {
        return checklist.items();
    }

    /** Every item assessed against the pack in force and the findings register. */
    List<Assessed> assess(PolicyPack pack, List<Finding> findings, RuleCoverage coverage) {
        List<Assessed> out = new ArrayList<>();
        int number = 0;
        for (Item item : checklist.items()) {
            number++;
            if (!item.checkedByWard()) {
                String helps = item.supports().isEmpty() ? "" : " Related findings open now: " + openSummary(item.supports(),
                        pack, findings) + ".";
                out.add(new Assessed(number, item, "a person", "needs a person", item.person() + helps));
                continue;
            }
            List<String> notEvaluated = new ArrayList<>();
            List<String> partly = new ArrayList<>();
            long open = 0;
            for (String ruleId : item.ward()) {
                Optional<Rule> rule = pack.ruleById(ruleId);
                if (rule.isEmpty() || !rule.get().enabled()) {
                    notEvaluated.add(ruleId + (rule.isEmpty() ? " (not in pack " + pack.id() + ")" : " (disabled in pack "
                            + pack.id() + ")"));
                    continue;
                }
                if (coverage.notRun(ruleId).isPresent()) {
                    notEvaluated.add(ruleId + " (" + coverage.notRun(ruleId).get() + ")");
                    continue;
                }
                coverage.partly(ruleId).ifPresent(why -> partly.add(ruleId + " (" + why + ")"));
                open += findings.stream().filter(f -> ruleId.equals(f.ruleId()) && f.status() == FindingStatus.OPEN).count();
            }
            String result;
            if (open > 0) {
                result = "not met: " + open + " open finding" + (open == 1 ? "" : "s");
            } else if (notEvaluated.size() == item.ward().size()) {
                result = "not evaluated";
            } else if (!notEvaluated.isEmpty() || !partly.isEmpty()) {
                result = "no open finding, but not fully evaluated";
            } else {
                result = "met: no open finding";
            }
            String evidence = item.evidence() + " Rules: " + openSummary(item.ward(), pack, findings) + "."
                    + (notEvaluated.isEmpty() ? "" : " Not evaluated, because these rules do not run: "
                            + String.join(", ", notEvaluated) + ".")
                    + (partly.isEmpty() ? "" : " Not evaluated for some items: " + String.join(", ", partly) + ".");
            out.add(new Assessed(number, item, "Ward", result, evidence));
        }
        return out;
    }

    private static String openSummary(List<String> ruleIds, PolicyPack pack, List<Finding> findings) {
        List<String> parts = new ArrayList<>();
        for (String ruleId : ruleIds) {
            long open = findings.stream().filter(f -> ruleId.equals(f.ruleId()) && f.status() == FindingStatus.OPEN).count();
            parts.add(ruleId + " " + open + " open");
        }
        return String.join(", ", parts);
    }

    Table table(List<Assessed> assessed) {
        List<List<String>> rows = new ArrayList<>();
        for (Assessed a : assessed) {
            rows.add(List.of(String.valueOf(a.number()), a.item().text(), a.by(), a.result(), a.evidence()));
        }
        return new Table("Recording checklist", List.of("item", "requirement", "checkedBy", "result", "evidenceOrWhy"), rows);
    }

    /** Where the items come from, for the pack's readers. */
    Map<String, String> attribution() {
        return Map.of("title", source().title(), "publisher", source().publisher(), "note", source().note());
    }
}
