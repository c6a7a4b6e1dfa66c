package org.ward.connector.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2's guard on {@code ward_audit} (PostgreSQL has a PL/pgSQL trigger): refuses every UPDATE and DELETE, so not
 * even a bug in Ward can rewrite the audit log. Named in db/migration/h2/V5__audit.sql.
 */
public final class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("ward_audit is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " is refused.");
    }
}
