package org.ward.connector.sharing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.sharing.*}: how Ward keeps its picture of who can reach recordings up to date.
 *
 * @param enabled whether scans read and judge sharing at all (the sharing step reports itself not run otherwise)
 * @param changeTracking {@code auto} (use delta's sharing-change reports when the app has Sites.FullControl.All),
 *     {@code on} or {@code off} (re-read every recording's permissions on every scan)
 * @param fullSweepEvery even with change tracking, re-read every recording's permissions this often: delta does
 *     not report changes to a site's own groups, and may miss library-level changes
 * @param membershipRefresh how long group memberships read from Graph are trusted
 */
@ConfigurationProperties("ward.sharing")
public record SharingSettings(@DefaultValue("true") boolean enabled, @DefaultValue("auto") String changeTracking, @DefaultValue("P7D") Duration fullSweepEvery,
        @DefaultValue("P1D") Duration membershipRefresh) {

    public SharingSettings {
        if (!java.util.List.of("auto", "on", "off").contains(changeTracking)) {
            throw new IllegalArgumentException("ward.sharing.change-tracking is '" + changeTracking
                    + "': set it to auto, on or off.");
        }
    }
}
