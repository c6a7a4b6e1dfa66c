package org.ward.connector.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.ward.rules.classify.RecordingClassification;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.MediaFacets;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A drive's first round inserts its items without looking for stored copies; when Graph's delta lists an item twice
 * (Microsoft says it may), the chunk is written as a replacement and the chunk's transaction goes on, on H2 and on
 * PostgreSQL (where a failed statement would otherwise end the transaction).
 */
class ItemStoreFirstRoundTests {

    static EmbeddedPostgres postgres;
    static DataSource h2;
    static DataSource pg;

    @BeforeAll
    static void start() throws IOException {
        h2 = migrated(new DriverManagerDataSource("jdbc:h2:mem:items-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""),
                "h2");
        postgres = EmbeddedPostgres.builder().start();
        pg = migrated(postgres.getPostgresDatabase(), "postgresql");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aDrivesFirstItemsAreInsertedAsNew() {
        for (DataSource db : List.of(h2, pg)) {
            ItemStore store = store(db);
            assertThat(store.holdsNone("first")).isTrue();

            boolean stillNew = inOneTransaction(db, () -> store.insertNew(items("first", 0, 3, "v1"), 1));

            assertThat(stillNew).isTrue();
            assertThat(store.holdsNone("first")).isFalse();
            assertThat(names(db, "first")).containsOnly(Map.entry("i0", "v1"), Map.entry("i1", "v1"), Map.entry("i2", "v1"));
        }
    }

    @Test
    void anItemListedTwiceInAFirstRoundIsStoredOnceAsLastListed() {
        for (DataSource db : List.of(h2, pg)) {
            ItemStore store = store(db);

            boolean stillNew = inOneTransaction(db, () -> {
                store.insertNew(items("twice", 0, 3, "v1"), 1);
                boolean second = store.insertNew(items("twice", 2, 5, "v2"), 1);
                // The transaction is still usable after the refused insert.
                store.keepUnchanged("twice", List.of("i0"), 1);
                return second;
            });

            assertThat(stillNew).isFalse();
            assertThat(names(db, "twice")).containsOnly(Map.entry("i0", "v1"), Map.entry("i1", "v1"), Map.entry("i2", "v2"),
                    Map.entry("i3", "v2"), Map.entry("i4", "v2"));
        }
    }

    private static ItemStore store(DataSource db) {
        return new ItemStore(new JdbcTemplate(db), new DataSourceTransactionManager(db));
    }

    private static <T> T inOneTransaction(DataSource db, java.util.function.Supplier<T> work) {
        return new TransactionTemplate(new DataSourceTransactionManager(db)).execute(status -> work.get());
    }

    private static List<StoredItem> items(String driveId, int from, int to, String name) {
        RecordingClassification notRecording = new RecordingClassification(false, null, 0, List.of(), List.of());
        return IntStream.range(from, to).mapToObj(i -> new StoredItem(new ItemRecord(driveId, "i" + i, "root", name,
                "/" + name, false, "application/pdf", 10, null, null, null, null, null, null,
                new MediaFacets(false, false, false, false, null), null, null, Map.of()), notRecording)).toList();
    }

    private static Map<String, String> names(DataSource db, String driveId) {
        Map<String, String> names = new java.util.HashMap<>();
        new JdbcTemplate(db).query("SELECT item_id, name FROM ward_item WHERE drive_id = ?",
                rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, driveId);
        return names;
    }

    private static DataSource migrated(DataSource db, String vendor) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate();
        return db;
    }
}
