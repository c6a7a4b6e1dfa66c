package org.ward.connector.evidence;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;
import org.ward.connector.graph.GraphConnectionCheck;

/**
 * The evidence pack ward serve writes on {@code ward.evidence.schedule}: a dated, sealed pack of the latest completed
 * scan in {@code ward.evidence.scheduled-out}, then handed to every {@link PackHandoff}. The service runs it under a
 * lock, so with several instances each occurrence is written once.
 */
public final class ScheduledEvidence {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledEvidence.class);

    private final EvidencePack packs;
    private final EvidenceSettings settings;
    private final GraphConnectionCheck connection;
    private final List<PackHandoff> handoffs;

    public ScheduledEvidence(EvidencePack packs, EvidenceSettings settings, GraphConnectionCheck connection,
            List<PackHandoff> handoffs) {
        this.packs = packs;
        this.settings = settings;
        this.connection = connection;
        this.handoffs = List.copyOf(handoffs);
    }

    /** The schedule, empty when packs are written only by {@code ward evidence --out}. */
    public Optional<CronExpression> cron() {
        return settings.cron();
    }

    /** The schedule as written in the settings (for the service's cron trigger). */
    public String schedule() {
        return settings.schedule().trim();
    }

    /**
     * Writes one pack now and hands it on.
     *
     * @return the pack, or empty when no scan has completed yet (nothing to pack; said in the log)
     * @throws IOException when the folder cannot be written (the occurrence fails; the next one tries again)
     */
    public Optional<EvidencePack.Written> write(Instant now) throws IOException {
        Optional<EvidencePack.Written> written = packs.write(settings.scheduledOut(),
                GrantedPermissions.readFrom(connection), now);
        if (written.isEmpty()) {
            LOG.warn("Scheduled evidence pack not written: no scan has completed yet, so there is no evidence to pack.");
            return written;
        }
        EvidencePack.Written pack = written.get();
        LOG.info("Scheduled evidence pack of scan #{} written to {} ({} files, {}).", pack.scanId(),
                pack.folder().toAbsolutePath(), pack.files().size(), pack.signer() == null ? "unsigned" : "signed by "
                        + pack.signer());
        for (PackHandoff handoff : handoffs) {
            try {
                handoff.handOn(pack);
            } catch (IOException | RuntimeException e) {
                // The pack stays in scheduled-out, sealed: an operator can copy it by hand.
                LOG.error("Handing the evidence pack {} on ({}) failed: {}. The pack stays in {}.", pack.folder()
                        .getFileName(), handoff.getClass().getSimpleName(), e.getMessage(), settings.scheduledOut(), e);
            }
        }
        return written;
    }
}
