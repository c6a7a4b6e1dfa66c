package org.ward.connector.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The read-only commands' version check on PostgreSQL, Ward's production database: it finds the same migrations as
 * Flyway (the common scripts and the vendor's) and reads Flyway's history table there.
 */
class SchemaHistoryPostgresTests {

    static EmbeddedPostgres postgres;
    static String url;

    @BeforeAll
    static void migrate() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        url = postgres.getJdbcUrl("postgres", "postgres");
        Flyway.configure().dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static SchemaHistory settings() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", url,
                "spring.flyway.locations", "classpath:db/migration/common")));
        return SchemaHistory.of(environment);
    }

    @Test
    void knowsTheVersionsFlywayApplied() {
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());

        assertThat(settings().known()).containsExactlyElementsOf(jdbc.queryForList("SELECT version FROM"
                + " flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank", String.class));
        assertThatCode(() -> settings().refuseUnlessCurrent(postgres.getPostgresDatabase(), url)).doesNotThrowAnyException();
    }

    @Test
    void refusesADatabaseWithoutWardsTables() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        jdbc.execute("CREATE DATABASE empty_ward");
        String emptyUrl = url.replace("/postgres?", "/empty_ward?");

        assertThatThrownBy(() -> settings().refuseUnlessCurrent(postgres.getDatabase("postgres", "empty_ward"), emptyUrl))
                .isInstanceOf(DatabaseConfigurationException.class)
                .hasMessageStartingWith("Ward's database (spring.datasource.url=" + emptyUrl + ") has tables of none and"
                        + " this Ward needs version " + settings().known().last() + ": run ward scan once");
    }
}
