package org.ward.connector.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.audit.AuditEntry;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.audit.AuditCheck;
import org.ward.connector.audit.AuditVerification;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code ward audit}: the append-only audit log, and a check of its hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"List the audit log: every change Ward made to the tenant and every accepted risk - who, when,"
                + " the finding, the Graph request, the permission before and after, the outcome.",
            "--verify walks the hash chain and exits 1 when an entry was changed or removed."})
final class AuditCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Option(names = "--finding", paramLabel = "FINDING_ID", description = "Only the entries about this finding.")
    String findingId;

    @Option(names = "--verify", description = "Check that every entry is still as Ward wrote it.")
    boolean verify;

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
    public int run(ConfigurableApplicationContext context, Console console) {
        AuditLog log = context.getBean(AuditLog.class);
        if (verify) {
            AuditCheck check = log.check();
            AuditVerification v = check.chain();
            if (!check.intact()) {
                console.error("The audit log fails verification: " + String.join("; ", check.problems()) + ".");
                return ExitCodes.FAILED;
            }
            console.line("The audit log's " + (v.entries() == 1 ? "one entry is" : v.entries() + " entries form")
                    + " an unbroken hash chain" + (v.keyed() > 0 ? ", keyed with audit key " + check.keyId()
                            + (v.unkeyed() > 0 ? " (the " + v.unkeyed() + " earlier unkeyed entries are sealed by the first"
                                    + " keyed one)" : "") : "") + "; the append-only trigger is in place; the heads written to "
                    + check.headFolder() + " match. Last hash: " + v.headHash() + ".");
            if (check.unsealed()) {
                console.line("These entries were written by an earlier Ward with the unkeyed chain: the next command that"
                        + " writes (a scan) seals them with the audit key; until then a database administrator could"
                        + " rewrite them undetected.");
            }
            return ExitCodes.OK;
        }
        List<AuditEntry> entries = findingId == null ? log.entries() : log.entriesFor(findingId);
        if (format == FindingFilters.Format.JSON) {
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            console.line(json.writeValueAsString(entries.stream().map(AuditCommand::fields).toList()));
            return ExitCodes.OK;
        }
        for (AuditEntry e : entries) {
            console.line("#" + e.id() + "  " + e.at() + "  " + e.actor() + "  " + (e.findingId() == null ? "-" : e.findingId())
                    + "  " + e.action() + "  " + (e.request() == null ? "" : e.request() + "  ") + e.outcome());
        }
        console.line(entries.size() + " entr" + (entries.size() == 1 ? "y" : "ies") + ".");
        return ExitCodes.OK;
    }

    private static Map<String, Object> fields(AuditEntry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("at", e.at().toString());
        out.put("actor", e.actor());
        out.put("findingId", e.findingId());
        out.put("action", e.action());
        out.put("request", e.request());
        out.put("before", e.before());
        out.put("after", e.after());
        out.put("outcome", e.outcome());
        out.put("previousHash", e.previousHash());
        out.put("hash", e.hash());
        return out;
    }
}
