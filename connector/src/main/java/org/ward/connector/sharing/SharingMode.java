package org.ward.connector.sharing;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphConnectionCheck;

/**
 * Whether delta can tell Ward whose sharing changed. Microsoft's scan guidance needs Sites.FullControl.All for the
 * sharing {@code Prefer} headers; without it Ward re-reads the permissions of every recording each scan.
 */
@Component
public class SharingMode {

    private final GraphConnectionCheck connection;
    private final SharingSettings settings;
    private volatile Boolean tracked;

    public SharingMode(GraphConnectionCheck connection, SharingSettings settings) {
        this.connection = connection;
        this.settings = settings;
    }

    public boolean deltaReportsSharingChanges() {
        Boolean known = tracked;
        if (known == null) {
            known = switch (settings.changeTracking()) {
                case "on" -> true;
                case "off" -> false;
                default -> connection.grantedPermissions().has("Sites.FullControl.All");
            };
            tracked = known;
        }
        return known;
    }
}
