package org.ward.connector.cli;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.remediate.AppliedWrite;
import org.ward.connector.remediate.RemediationAction;
import org.ward.connector.remediate.RemediationPlan;
import org.ward.connector.remediate.RemediationReadiness;
import org.ward.connector.remediate.RemediationResult;
import org.ward.connector.remediate.Remediator;
import org.ward.rules.classify.IdentifierMasking;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ward remediate FINDING_ID [--apply]}: shows what Ward would do about a finding, and with --apply does it. */
@Command(name = "remediate", mixinStandardHelpOptions = true,
        description = {"Show what Ward would do about one finding - remove a link, replace a link with an expiring one,"
                + " remove a grant, or (for copies and where recordings are kept) tell the owner - and the Graph requests"
                + " it maps to. Nothing changes unless --apply is given and ward.remediation.enabled is true.",
            "Every change is written to the append-only audit log; applying twice does nothing the second time.",
            "Exits 1 when Graph refuses, 2 when remediation is not enabled or the finding is unknown."})
final class RemediateCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Parameters(index = "0", paramLabel = "FINDING_ID", description = "The finding's id (F-...), as ward findings lists it.")
    String findingId;

    @Option(names = "--apply", description = "Make the change (default: a dry run that changes nothing).")
    boolean apply;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who is making the change, for the audit log"
            + " (default: the operating-system user).")
    String actor;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        Remediator remediator = context.getBean(Remediator.class);
        IdentifierMasking masking = context.getBean(IdentifierMasking.class);
        boolean announced = apply && context.getBean(RemediationReadiness.class).enabled();
        if (announced) {
            // Say what is about to happen, and what it costs (a link's URL changes), before doing it.
            remediator.plan(findingId).ifPresent(plan -> {
                describe(plan, masking, console);
                plan.action().warnings().forEach(w -> console.line("Note: " + w));
            });
        }
        RemediationResult result = apply ? remediator.apply(findingId, actor == null ? System.getProperty("user.name") : actor)
                : remediator.preview(findingId);
        return switch (result.outcome()) {
            case UNKNOWN_FINDING, NOT_ENABLED -> fail(console, result, ExitCodes.USAGE);
            case REFUSED -> {
                result.writes().stream().filter(AppliedWrite::done).forEach(w -> console.line("Done: " + w.request()));
                yield fail(console, result, ExitCodes.FAILED);
            }
            case PREVIEWED -> preview(result, masking, console);
            case APPLIED -> {
                result.writes().forEach(w -> console.line("Done: " + w.request()));
                result.notes().forEach(console::line);
                yield ExitCodes.OK;
            }
            case NOT_AUTOMATED -> {
                if (!announced) {
                    describe(result.plan(), masking, console);
                }
                console.line("No automated action: " + result.plan().action().describe());
                console.line("What the policy asks: " + masking.maskText(result.plan().remediation()));
                yield ExitCodes.OK;
            }
            case ALREADY_DONE, SITE_PERMISSION, BY_PROTECT -> {
                if (!announced) {
                    describe(result.plan(), masking, console);
                }
                result.notes().forEach(console::line);
                yield ExitCodes.OK;
            }
        };
    }

    private static int preview(RemediationResult result, IdentifierMasking masking, Console console) {
        describe(result.plan(), masking, console);
        RemediationAction action = result.plan().action();
        console.line("Now:        " + result.before().describe());
        console.line("Would:      " + action.describe());
        action.requests().forEach(r -> console.line("Graph:      " + r));
        action.warnings().forEach(w -> console.line("Note:       " + w));
        result.notes().forEach(console::line);
        console.line("Dry run: nothing was changed. Run again with --apply to do it.");
        return ExitCodes.OK;
    }

    private static void describe(RemediationPlan plan, IdentifierMasking masking, Console console) {
        var f = plan.finding();
        console.line("Finding:    " + f.id() + " " + f.type() + " (" + f.severity().yamlName() + ", "
                + f.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")");
        console.line("            " + masking.maskText(f.title()));
        console.line("Where:      " + masking.maskText(f.resource().path() != null ? f.resource().path() : f.resource().webUrl()));
        console.line("Owner:      " + (plan.owners().upns().isEmpty() ? "unknown" : String.join(", ", plan.owners().upns())));
    }

    private static int fail(Console console, RemediationResult result, int code) {
        result.notes().forEach(console::error);
        return code;
    }
}
