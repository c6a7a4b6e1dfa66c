package org.ward.connector.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The same guarantees on PostgreSQL, whose trigger is PL/pgSQL. */
class AuditLogPostgresTests {

    static EmbeddedPostgres postgres;
    static AuditDatabase db;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        db = AuditDatabase.migrated(postgres.getPostgresDatabase(), "postgresql");
        db.append("applied");
        db.append("applied");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void chainVerifiesAfterTheRoundTrip() {
        assertThat(db.log().verify().intact()).isTrue();
    }

    @Test
    void updateIsRefused() {
        assertThatThrownBy(() -> db.jdbc().update("UPDATE ward_audit SET outcome = 'nothing happened'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ward_audit is append-only: UPDATE is refused");
    }

    @Test
    void deleteIsRefused() {
        assertThatThrownBy(() -> db.jdbc().update("DELETE FROM ward_audit WHERE audit_id = 2"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("ward_audit is append-only: DELETE is refused");
    }

    @Test
    void truncateIsRefused() {
        assertThatThrownBy(() -> db.jdbc().execute("TRUNCATE ward_audit CASCADE"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("TRUNCATE is refused");
        assertThat(db.log().entries()).hasSize(2);
    }
}
