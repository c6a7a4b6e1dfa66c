package org.ward.connector.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.ward.connector.database.DatabaseReadiness;

/**
 * At the start of every command that writes: recreates the append-only trigger if a database administrator dropped
 * it (and says so in the log itself), and seals a log of the old unkeyed chain with its first keyed entry, so a rewrite
 * of the older entries no longer fits. Read-only commands change nothing ({@code ward audit --verify} reports instead).
 */
@Component
public class AuditGuard implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AuditGuard.class);

    private final AuditLog log;
    private final AuditKey key;
    private final boolean readOnly;
    private final DatabaseReadiness readiness;

    AuditGuard(AuditLog log, AuditKey key, Environment environment, ObjectProvider<DatabaseReadiness> readiness) {
        this.log = log;
        this.key = key;
        this.readOnly = environment.getProperty("ward.database.read-only", Boolean.class, false);
        this.readiness = readiness.getIfAvailable();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (readOnly) {
            return;
        }
        if (readiness != null) {
            // ward serve may have started before its database answers: guard once it does.
            readiness.whenReady(this::guard);
        } else {
            guard();
        }
    }

    private void guard() {
        if (log.restoreTrigger()) {
            LOG.warn("The append-only trigger on ward_audit was missing; Ward recreated it");
            log.append(new AuditEvent("ward", null, "restore-append-only-trigger", null, null, null, "The trigger that keeps"
                    + " the audit log append-only was missing (dropped behind Ward's back); Ward recreated it. Run ward audit"
                    + " --verify to check the entries."));
        }
        log.head().filter(head -> head.chain() == AuditChain.UNKEYED).ifPresent(head -> log.append(new AuditEvent("ward",
                null, "seal-chain", null, null, null, "Entries 1 to " + head.id() + " were chained with the unkeyed SHA-256"
                        + " of earlier Ward versions; from this entry on the chain is keyed (HMAC-SHA256 with audit key "
                        + key.id() + "), which seals them.")));
    }
}
