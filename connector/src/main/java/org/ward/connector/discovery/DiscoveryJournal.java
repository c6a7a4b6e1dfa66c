package org.ward.connector.discovery;

import java.util.Optional;

/**
 * What discovery has already read in the scan it runs for, unit by unit (the site list, a site's drives, a group's
 * facts, a user's OneDrive). A unit once read is not read again when discovery is retried or the scan restarted, so a
 * fault half-way costs only the units not yet read, never a restart from zero.
 */
public interface DiscoveryJournal {

    /** Remembers nothing: every discovery reads everything. */
    DiscoveryJournal NONE = new DiscoveryJournal() {
        @Override
        public Optional<String> recall(String unit) {
            return Optional.empty();
        }

        @Override
        public void remember(String unit, String body) {
        }
    };

    /** What an earlier attempt read for this unit, as it was stored. */
    Optional<String> recall(String unit);

    /** Keeps what was just read for this unit; it must survive the attempt failing later. */
    void remember(String unit, String body);
}
