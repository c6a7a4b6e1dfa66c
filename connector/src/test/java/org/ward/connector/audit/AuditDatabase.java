package org.ward.connector.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database migrated by Ward's own Flyway scripts, with the audit log on it (its key, its head folder). */
record AuditDatabase(DataSource dataSource, AuditLog log, AuditKey key, Path heads) {

    static AuditDatabase h2() {
        return migrated(new DriverManagerDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
                "h2");
    }

    static AuditDatabase migrated(DataSource dataSource, String vendor) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        AuditKey key = new AuditKey(secret);
        Path heads;
        try {
            heads = Files.createTempDirectory("ward-audit-heads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditDatabase(dataSource, new AuditLog(dataSource, new DataSourceTransactionManager(dataSource),
                Clock.systemUTC(), key, new AuditHeads(heads, key), text -> text), key, heads);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    AuditEntry append(String outcome) {
        return log.append(new AuditEvent("alice", "F-00000000000000a1", "remove-link",
                "DELETE /drives/d/items/i/permissions/p", "{\"id\":\"p\"}", null, outcome));
    }
}
