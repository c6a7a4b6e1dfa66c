package org.ward.connector.scan;

import org.ward.connector.runs.ScanStage;

/** Keys of the scan job's execution contexts. */
final class ScanKeys {

    static final String SCAN_ID = ScanStage.SCAN_ID;
    static final String DRIVE_ID = "driveId";
    static final String SITE_ID = "siteId";
    static final String DRIVE_NAME = "driveName";

    private ScanKeys() {
    }
}
