package org.ward.connector.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.protect.LabelChange.State;
import org.ward.connector.protect.PlannedLabel;
import org.ward.connector.protect.PlannedLabel.Decision;
import org.ward.connector.protect.PlannedLabel.Target;
import org.ward.connector.protect.ProtectionPlan;
import org.ward.connector.protect.Protector;
import org.ward.connector.protect.Protector.Result;
import org.ward.connector.protect.Protector.RetentionWrite;
import org.ward.rules.classify.IdentifierMasking;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code ward protect [--apply]}: plans every label change the findings call for, and with --apply makes them. */
@Command(name = "protect", mixinStandardHelpOptions = true,
        description = {"Plan every label change the open findings call for: the retention label each recording's kind"
                + " needs, the sensitivity label for Office and PDF files naming a patient beside recordings, and the"
                + " container label of each site or team (which Graph lets only a person apply). Each item's label is read"
                + " from Graph first; Ward never lowers a label, never touches a record label, and keeps a label a person"
                + " applied unless the pack says otherwise.",
            "Nothing changes unless --apply is given and ward.protection.enabled is true. Sensitivity labels go through a"
                + " durable queue paced under the tenant's cap; every Graph write is written to the audit log. Running it"
                + " twice changes nothing the second time.",
            "Exits 1 when Graph refuses Ward (a permission), 2 when protection is not enabled or there is no scan yet."})
final class ProtectCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Option(names = "--apply", description = "Apply the labels (default: a dry run that changes nothing).")
    boolean apply;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who is applying them, for the audit log (default: the"
            + " operating-system user).")
    String actor;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "PT1H", description = "With --apply, how long to"
            + " work through the queue of sensitivity labels (paced under the tenant's cap) before leaving the rest queued"
            + " for the next run (default ${DEFAULT-VALUE}).")
    Duration wait;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FindingFilters.FormatConverter.class,
            description = "table (default) or json.")
    FindingFilters.Format format;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) throws InterruptedException {
        Protector protector = context.getBean(Protector.class);
        IdentifierMasking masking = context.getBean(IdentifierMasking.class);
        Result result = apply ? protector.apply(actor == null ? System.getProperty("user.name") : actor, wait,
                line -> console.progress(line, System.currentTimeMillis())) : protector.plan();
        console.endProgress();
        if (format == FindingFilters.Format.JSON && result.plan() != null) {
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            console.line(json.writeValueAsString(fields(result, masking)));
        } else if (result.plan() != null) {
            show(result, masking, console);
        }
        return switch (result.outcome()) {
            case NOT_ENABLED, NO_SCAN -> fail(console, result, ExitCodes.USAGE);
            case MISSING_PERMISSION, REFUSED -> fail(console, result, ExitCodes.FAILED);
            case PLANNED -> {
                result.notes().forEach(n -> console.line("Note: " + n));
                console.line("Dry run: nothing was changed. Run again with --apply to apply the "
                        + result.plan().changes() + " change" + (result.plan().changes() == 1 ? "" : "s") + ".");
                yield ExitCodes.OK;
            }
            case APPLIED -> {
                result.notes().forEach(n -> console.line("Note: " + n));
                console.line("Done, and written to the audit log. The next ward scan reads the labels and resolves the"
                        + " findings they fix.");
                yield ExitCodes.OK;
            }
        };
    }

    private static int fail(Console console, Result result, int code) {
        result.notes().forEach(console::error);
        return code;
    }

    private void show(Result result, IdentifierMasking masking, Console console) {
        ProtectionPlan plan = result.plan();
        console.line(apply ? "Protection: applying the plan." : "Protection plan (dry run: nothing is changed).");
        for (Target target : Target.values()) {
            Map<Decision, Long> counts = plan.counts().getOrDefault(target, Map.of());
            if (counts.isEmpty()) {
                continue;
            }
            console.blank();
            console.line(heading(target) + ": " + counts.entrySet().stream().map(e -> e.getKey().words() + " " + e.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse(""));
            for (Decision decision : counts.keySet()) {
                plan.countsByLabelAndPlace(target, decision).forEach((label, places) -> console.line("  " + decision.words()
                        + " \"" + label + "\": " + places.values().stream().mapToLong(Long::longValue).sum() + " ("
                        + places.entrySet().stream().map(p -> p.getKey() + " " + p.getValue()).reduce((a, b) -> a + ", " + b)
                                .orElse("") + ")"));
            }
        }
        console.blank();
        console.line("Each item:");
        for (PlannedLabel label : plan.labels()) {
            console.line("  " + label.decision().words().toUpperCase(Locale.ROOT) + "  " + label.target().words() + " \""
                    + label.label() + "\"  " + label.place() + "  " + masking.maskText(label.path()) + "  (now: "
                    + label.now() + ")");
            console.line("      " + masking.maskText(label.why()));
        }
        if (!result.retention().isEmpty()) {
            console.blank();
            long applied = result.retention().stream().filter(w -> w.state() == State.APPLIED).count();
            console.line("Retention labels applied: " + applied + " of " + result.retention().size() + ".");
            for (RetentionWrite write : result.retention()) {
                if (write.state() != State.APPLIED) {
                    console.line("  " + masking.maskText(write.label().path()) + ": " + write.outcome());
                }
            }
        }
        if (result.queue() != null) {
            console.blank();
            console.line("Sensitivity labels: " + result.queued() + " queued by this run, " + result.queue().submitted()
                    + " accepted by Graph; ended " + (result.queue().ended().isEmpty() ? "none"
                            : result.queue().ended().entrySet().stream().map(e -> e.getKey().words() + " " + e.getValue())
                                    .reduce((a, b) -> a + ", " + b).orElse(""))
                    + "; " + result.queue().queued() + " still queued, " + result.queue().running() + " still running.");
        }
        console.blank();
    }

    private static String heading(Target target) {
        return switch (target) {
            case RETENTION -> "Retention labels (recordings)";
            case SENSITIVITY -> "Sensitivity labels (Office and PDF files naming a patient beside recordings)";
            case CONTAINER -> "Container labels (sites and teams holding recordings)";
        };
    }

    private static Map<String, Object> fields(Result result, IdentifierMasking masking) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> items = new ArrayList<>();
        for (PlannedLabel label : result.plan().labels()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("findingId", label.findingId());
            item.put("target", label.target().words());
            item.put("decision", label.decision().words());
            item.put("label", label.label());
            item.put("now", label.now());
            item.put("place", label.place());
            item.put("placeUrl", masking.maskText(label.placeUrl()));
            item.put("path", masking.maskText(label.path()));
            item.put("why", masking.maskText(label.why()));
            items.add(item);
        }
        out.put("labels", items);
        out.put("notes", result.notes().stream().map(masking::maskText).toList());
        return out;
    }
}
