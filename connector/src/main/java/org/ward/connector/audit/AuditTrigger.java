package org.ward.connector.audit;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The triggers that keep {@code ward_audit} append-only, as the database holds them: whether they are there (and
 * enabled), and recreating them when a database administrator dropped them.
 */
final class AuditTrigger {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    AuditTrigger(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Asked on first use, not at start: ward serve starts while its database is down. */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("Ward cannot read its database's kind: " + e.getMessage(), e);
            }
            postgres = known;
        }
        return known;
    }

    /** Whether the triggers refusing UPDATE, DELETE (and on PostgreSQL TRUNCATE) are in place and enabled. */
    boolean present() {
        if (postgres()) {
            Integer enabled = jdbc.queryForObject("SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = 'ward_audit'::regclass"
                    + " AND NOT tgisinternal AND tgenabled <> 'D' AND tgname IN ('ward_audit_no_update_or_delete',"
                    + " 'ward_audit_no_truncate')", Integer.class);
            return enabled != null && enabled == 2;
        }
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TRIGGERS WHERE"
                + " UPPER(TRIGGER_NAME) = 'WARD_AUDIT_APPEND_ONLY' AND UPPER(EVENT_OBJECT_TABLE) = 'WARD_AUDIT'"
                + " AND JAVA_CLASS = '" + AppendOnlyTrigger.class.getName() + "'", Integer.class);
        return found != null && found > 0;
    }

    /** Recreates the triggers as the migrations made them. */
    void restore() {
        if (postgres()) {
            jdbc.execute("""
                    CREATE OR REPLACE FUNCTION ward_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        RAISE EXCEPTION 'ward_audit is append-only: % is refused', TG_OP;
                    END;
                    $$""");
            jdbc.execute("DROP TRIGGER IF EXISTS ward_audit_no_update_or_delete ON ward_audit");
            jdbc.execute("DROP TRIGGER IF EXISTS ward_audit_no_truncate ON ward_audit");
            jdbc.execute("CREATE TRIGGER ward_audit_no_update_or_delete BEFORE UPDATE OR DELETE ON ward_audit FOR EACH ROW"
                    + " EXECUTE FUNCTION ward_audit_refuse_change()");
            jdbc.execute("CREATE TRIGGER ward_audit_no_truncate BEFORE TRUNCATE ON ward_audit FOR EACH STATEMENT"
                    + " EXECUTE FUNCTION ward_audit_refuse_change()");
            return;
        }
        jdbc.execute("DROP TRIGGER IF EXISTS ward_audit_append_only");
        jdbc.execute("CREATE TRIGGER ward_audit_append_only BEFORE UPDATE, DELETE ON ward_audit FOR EACH ROW CALL '"
                + AppendOnlyTrigger.class.getName() + "'");
    }
}
