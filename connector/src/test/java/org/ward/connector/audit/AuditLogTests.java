package org.ward.connector.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** The audit log on H2: append-only, hash-chained, and tampering shows. */
class AuditLogTests {

    final AuditDatabase db = AuditDatabase.h2();

    @Test
    void firstEntryFollowsTheGenesisHash() {
        AuditEntry first = db.append("applied");
        assertThat(first.id()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo(AuditChain.GENESIS);
        assertThat(first.hash()).hasSize(64).isEqualTo(AuditChain.keyed(first, db.key()));
        assertThat(first.chain()).isEqualTo(AuditChain.KEYED);
        assertThat(first.keyId()).isEqualTo(db.key().id());
    }

    @Test
    void eachEntryCarriesThePreviousEntrysHash() {
        AuditEntry first = db.append("applied");
        AuditEntry second = db.append("applied");
        assertThat(second.id()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.hash());
    }

    @Test
    void entriesReadBackAsWritten() {
        AuditEntry written = db.append("applied");
        assertThat(db.log().entries()).containsExactly(written);
    }

    @Test
    void untouchedLogVerifies() {
        db.append("applied");
        db.append("refused (403 accessDenied)");
        AuditVerification verification = db.log().verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(2);
        assertThat(verification.headHash()).isEqualTo(db.log().entries().get(1).hash());
    }

    @Test
    void updateIsRefused() {
        db.append("applied");
        assertThatThrownBy(() -> db.jdbc().update("UPDATE ward_audit SET outcome = 'nothing happened'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void deleteIsRefused() {
        db.append("applied");
        assertThatThrownBy(() -> db.jdbc().update("DELETE FROM ward_audit")).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
    }

    @Test
    void truncateIsRefused() {
        db.append("applied");
        assertThatThrownBy(() -> db.jdbc().execute("TRUNCATE TABLE ward_audit")).isInstanceOf(DataAccessException.class);
        assertThat(db.log().entries()).hasSize(1);
    }

    @Test
    void entryChangedBehindWardsBackBreaksTheChain() {
        db.append("applied");
        db.append("applied");
        db.append("applied");
        db.jdbc().execute("DROP TRIGGER ward_audit_append_only");
        db.jdbc().update("UPDATE ward_audit SET actor = 'mallory' WHERE audit_id = 2");
        AuditVerification verification = db.log().verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(2);
        assertThat(verification.problem()).contains("changed");
    }

    @Test
    void entryRemovedBehindWardsBackBreaksTheChain() {
        db.append("applied");
        db.append("applied");
        db.append("applied");
        db.jdbc().execute("DROP TRIGGER ward_audit_append_only");
        db.jdbc().execute("SET REFERENTIAL_INTEGRITY FALSE");
        db.jdbc().update("DELETE FROM ward_audit WHERE audit_id = 2");
        AuditVerification verification = db.log().verify();
        assertThat(verification.brokenAt()).isEqualTo(3);
        assertThat(verification.problem()).isEqualTo("entry 2 is missing");
    }

    @Test
    void appendsFromManyThreadsFormOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<AuditEntry>> appends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                appends.add(() -> db.append("applied"));
            }
            for (Future<AuditEntry> done : pool.invokeAll(appends)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        AuditVerification verification = db.log().verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(40);
    }

    @Test
    void anActorLongerThanItsColumnIsKeptCutShort() {
        AuditEntry entry = db.log().append(new AuditEvent("b".repeat(600), "F-00000000000000a1", "accept-risk", null, null,
                null, "applied"));

        assertThat(entry.actor()).hasSize(400).endsWith(org.ward.connector.database.ColumnText.MARKER);
        assertThat(db.log().entries()).containsExactly(entry);
        assertThat(db.log().verify().intact()).isTrue();
    }

    @Test
    void anEntryNeedsAnActor() {
        assertThatThrownBy(() -> new AuditEvent(" ", null, "accept-risk", null, null, null, "applied"))
                .hasMessage("An audit entry needs an actor.");
    }
}
