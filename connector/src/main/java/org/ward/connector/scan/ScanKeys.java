package org.ward.connector.scan;

/** Keys of the scan job's execution contexts. */
final class ScanKeys {

    static final String SCAN_ID = "ward.scanId";
    static final String DRIVE_ID = "driveId";
    static final String SITE_ID = "siteId";
    static final String DRIVE_NAME = "driveName";

    private ScanKeys() {
    }
}
