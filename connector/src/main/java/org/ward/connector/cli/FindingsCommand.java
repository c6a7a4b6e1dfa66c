package org.ward.connector.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.remediate.FindingOwners;
import org.ward.connector.remediate.LabelByProtect;
import org.ward.connector.remediate.RemediationPlan;
import org.ward.connector.remediate.RemediationPlanner;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Severity;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code ward findings}: the findings register, filtered; {@code --owner} gives one owner their own list. */
@Command(name = "findings", mixinStandardHelpOptions = true,
        description = {"List findings from the register (no Graph calls), with what Ward can do about each:"
                + " ward remediate FINDING_ID shows it in detail.",
            "A site owner lists their own with --owner their.name@example.org."})
final class FindingsCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Option(names = "--owner", paramLabel = "UPN", description = "Only findings this person owns (site, group or team"
            + " owner, or the OneDrive's user); case does not matter.")
    String owner;

    @Option(names = "--type", paramLabel = "TYPE", converter = FindingFilters.TypeConverter.class,
            description = "Only this finding type, e.g. ANONYMOUS_LINK or anonymous-link.")
    FindingType type;

    @Option(names = "--severity", paramLabel = "SEVERITY", converter = FindingFilters.SeverityConverter.class,
            description = "Only this severity: critical, high, medium, low or info.")
    Severity severity;

    @Option(names = "--status", paramLabel = "STATUS", defaultValue = "open", converter = FindingFilters.StatusConverter.class,
            description = "open (the default; includes accepted risks whose acceptance has run out), resolved,"
                    + " accepted-risk or all.")
    FindingFilters.Status status;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = FindingFilters.FormatConverter.class,
            description = "table (the default) or json.")
    FindingFilters.Format format;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public boolean databaseOnly() {
        return true;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) {
        IdentifierMasking masking = context.getBean(IdentifierMasking.class);
        PolicyPack policy = context.getBean(PolicyPack.class);
        Instant now = Instant.now();
        RemediationPlanner planner = new RemediationPlanner();
        List<RemediationPlan> plans = context.getBean(FindingStore.class).all().stream().filter(f -> selected(f, now))
                .map(f -> planner.plan(f, policy, now)).toList();
        if (format == FindingFilters.Format.JSON) {
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            console.line(json.writeValueAsString(plans.stream().map(p -> fields(p, masking, now)).toList()));
            return ExitCodes.OK;
        }
        for (RemediationPlan plan : plans) {
            Finding f = plan.finding();
            console.line(f.id() + "  " + f.severity().yamlName().toUpperCase(Locale.ROOT) + "  " + f.type() + "  "
                    + FindingFilters.words(f, now));
            console.line("  " + masking.maskText(f.title()));
            console.line("  Where: " + masking.maskText(where(f.resource().path(), f.resource().webUrl()))
                    + (f.resource().itemRef() == null ? "" : " (item " + f.resource().itemRef() + ")"));
            f.classification().filter(e -> e.kind() != null).ifPresent(e -> console.line("  Why a recording: "
                    + masking.maskText(e.summary()) + "."));
            if (f.status() == FindingStatus.ACCEPTED_RISK) {
                console.line("  Accepted by " + f.acceptedBy() + " through " + accepted(f) + ": "
                        + masking.maskText(f.acceptedReason()));
            }
            console.line("  Owner: " + (plan.owners().upns().isEmpty() ? "unknown" : String.join(", ", plan.owners().upns()))
                    + "  |  Ward can: " + (plan.automated() ? plan.action().kind() + " ("
                            + (plan.action() instanceof LabelByProtect ? "ward protect" : "ward remediate " + f.id()) + ")"
                            : "tell the owner"));
        }
        console.line(plans.size() + " finding" + (plans.size() == 1 ? "" : "s") + " (" + status.words()
                + (owner == null ? "" : ", owned by " + masking.maskText(owner)) + ").");
        return ExitCodes.OK;
    }

    /** "path in URL", or whichever of the two is known; a finding about the whole tenant is "the tenant". */
    static String where(String path, String webUrl) {
        if (path != null && webUrl != null) {
            return path + " in " + webUrl;
        }
        return path != null ? path : webUrl != null ? webUrl : "the tenant as a whole";
    }

    /** "2027-03-31 (Europe/London)": the last day, as it was typed. */
    static String accepted(Finding f) {
        return f.acceptedLastDay() + " (" + f.acceptedLastDayZone() + ")";
    }

    @SuppressWarnings("unchecked")
    private static Object masked(Object value, IdentifierMasking masking) {
        if (value instanceof String text) {
            return masking.maskText(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), masked(v, masking)));
            return out;
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(v -> masked(v, masking)).toList();
        }
        return value;
    }

    private boolean selected(Finding f, Instant now) {
        return status.matches(f, now) && (type == null || f.type() == type) && (severity == null || f.severity() == severity)
                && (owner == null || FindingOwners.of(f).includes(owner));
    }

    private static Map<String, Object> fields(RemediationPlan plan, IdentifierMasking masking, Instant now) {
        Finding f = plan.finding();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", f.id());
        out.put("type", f.type().name());
        out.put("severity", f.severity().yamlName());
        out.put("status", FindingFilters.words(f, now));
        out.put("title", masking.maskText(f.title()));
        out.put("owners", new ArrayList<>(plan.owners().upns()));
        out.put("webUrl", masking.maskText(f.resource().webUrl()));
        out.put("path", masking.maskText(f.resource().path()));
        out.put("itemRef", f.resource().itemRef());
        out.put("classification", f.classification().map(e -> masked(e.toMap(), masking)).orElse(null));
        out.put("firstSeen", String.valueOf(f.firstSeen()));
        out.put("lastSeen", String.valueOf(f.lastSeen()));
        if (f.status() == FindingStatus.ACCEPTED_RISK) {
            out.put("acceptedBy", f.acceptedBy());
            out.put("acceptedReason", masking.maskText(f.acceptedReason()));
            out.put("acceptedUntil", accepted(f));
        }
        out.put("wardCan", plan.automated() ? plan.action().kind() : "tell-owner");
        out.put("remediation", masking.maskText(plan.remediation()));
        return out;
    }
}
