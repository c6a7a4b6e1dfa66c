package org.ward.connector.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.identity.IdentityService;
import org.ward.connector.identity.IdentityRun;
import org.ward.rules.Catalogues;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.identity.IdentityCatalogue;
import org.ward.rules.policy.Severity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ward identity}: the identity checks on their own: MFA, conditional access, sign-in anomalies, risky users. */
@Command(name = "identity", mixinStandardHelpOptions = true,
        description = {"Check identities: MFA registration and enforcement, legacy authentication, Entra ID Protection's"
                + " risky users, and anomalies in the sign-in log (impossible travel, unfamiliar countries, password spray,"
                + " brute force, MFA fatigue, single-factor sign-ins), ranked by each user's reach into patient data.",
            "The sign-in log is read from where the last run stopped. Checks the tenant's licence or Ward's permissions do"
                + " not allow are listed as not run, with the reason."})
final class IdentityCommand implements WardTask {

    private static final List<IdentityCatalogue> TYPES = List.of(IdentityCatalogue.values());

    @Mixin
    LaunchOptions launch;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = FindingFilters.FailOnConverter.class,
            description = "Exit with code 3 when an open identity finding of"
            + " this severity or higher exists (critical, high, medium, low, info).")
    Severity failOn;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        Severity threshold = failOn;
        console.progress("Checking identities (identity endpoints are read slowly, as Microsoft's limits require) ...",
                System.currentTimeMillis());
        IdentityRun run;
        try {
            run = context.getBean(IdentityService.class).run(null, context.getBean(GraphSettings.class).tenantId());
        } finally {
            console.endProgress();
        }
        lines(run, open(context.getBean(FindingStore.class))).forEach(console::line);
        if (!run.incomplete().isEmpty()) {
            console.error("The identity checks are incomplete: " + String.join("; ", run.incomplete())
                    + ". Run them again to complete them.");
            return ExitCodes.FAILED;
        }
        if (threshold != null && open(context.getBean(FindingStore.class)).stream()
                .anyMatch(f -> f.status() == FindingStatus.OPEN && f.severity().ordinal() <= threshold.ordinal())) {
            console.line("");
            console.line("An open identity finding at or above " + threshold.yamlName() + " exists (--fail-on): exit code 3.");
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    private static List<Finding> open(FindingStore findings) {
        return findings.open().stream().filter(f -> TYPES.contains(f.type()))
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::type, Catalogues.ORDER)
                        .thenComparing(f -> String.valueOf(f.resource().path())))
                .toList();
    }

    /** What the run did, for the console. */
    static List<String> lines(IdentityRun run, List<Finding> open) {
        List<String> out = new java.util.ArrayList<>();
        out.add("Identity checks, run #" + run.runId() + ".");
        if (run.signInSource() != null) {
            out.add(String.format(Locale.ROOT, "Sign-ins: %,d analysed from the %s log, %s to %s (%,d re-read to complete"
                    + " short windows).", run.signIns(), run.signInSource(), minute(run.from()), minute(run.to()),
                    run.replayed()));
        }
        out.add("");
        if (open.isEmpty()) {
            out.add("No open identity findings.");
        } else {
            out.add("Open identity findings: " + open.size());
            for (Finding f : open) {
                out.add(String.format(Locale.ROOT, "  %-8s %-22s %-40s %s", f.severity().yamlName(), f.type().name(),
                        f.resource().path(), f.title()));
            }
        }
        out.add("Opened " + run.opened() + ", resolved " + run.resolved() + " by this run.");
        if (!run.notRun().isEmpty()) {
            out.add("");
            out.add("Not run:");
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(run.notRun()).entrySet()) {
                out.add("  " + e.getKey() + ": " + e.getValue());
            }
        }
        return out;
    }

    private static String minute(java.time.Instant t) {
        return t == null ? "-" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(t);
    }
}
