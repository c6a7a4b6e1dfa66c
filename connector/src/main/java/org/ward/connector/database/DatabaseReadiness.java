package org.ward.connector.database;

/**
 * Present only where the database may still be unreachable once the context has started ({@code ward serve}, which
 * starts, reports itself not ready and waits): work that needs the database at start is handed to it instead of being
 * run at once. The commands have no such bean: their context does not start without the database.
 */
public interface DatabaseReadiness {

    /** Whether the database answers and is migrated. */
    boolean ready();

    /** Runs {@code work} now when the database is ready, or right after it becomes ready (on another thread). */
    void whenReady(Runnable work);
}
