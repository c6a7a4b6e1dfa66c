package org.ward.connector.discovery;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The discovery journal in Ward's database ({@code ward_discovery_unit}): each unit is written in a transaction of its
 * own, so it outlives a discovery step that fails after it; a scan's units are forgotten once its discovery is done.
 */
@Repository
public class DiscoveryUnits {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    public DiscoveryUnits(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The journal of one scan. */
    public DiscoveryJournal of(long scanId) {
        return new DiscoveryJournal() {
            @Override
            public Optional<String> recall(String unit) {
                return jdbc.sql("SELECT body FROM ward_discovery_unit WHERE scan_id = ? AND unit = ?").params(scanId, unit)
                        .query(String.class).optional();
            }

            @Override
            public void remember(String unit, String body) {
                ownTransaction.executeWithoutResult(status -> {
                    jdbc.sql("DELETE FROM ward_discovery_unit WHERE scan_id = ? AND unit = ?").params(scanId, unit).update();
                    jdbc.sql("INSERT INTO ward_discovery_unit (scan_id, unit, body) VALUES (?, ?, ?)")
                            .params(scanId, unit, body).update();
                });
            }
        };
    }

    /** Forgets the units of every scan but this one (theirs are of no use any more). */
    public void forgetAllBut(long scanId) {
        jdbc.sql("DELETE FROM ward_discovery_unit WHERE scan_id <> ?").param(scanId).update();
    }

    /** Forgets a scan's units once its discovery has been recorded. */
    public void forget(long scanId) {
        jdbc.sql("DELETE FROM ward_discovery_unit WHERE scan_id = ?").param(scanId).update();
    }
}
