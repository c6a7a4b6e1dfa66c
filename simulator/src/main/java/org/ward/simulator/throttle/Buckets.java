package org.ward.simulator.throttle;

/** The names of the throttling budgets the simulator keeps per application. */
public final class Buckets {

    /** SharePoint and OneDrive resource units per app per tenant per minute. */
    public static final String SHAREPOINT = "sharepoint";
    /** Directory (users, groups) resource units per app per tenant per 10 seconds. */
    public static final String DIRECTORY = "directory";
    /** Identity and access reports: requests per app per tenant per 10 seconds. */
    public static final String REPORTS = "reports";
    /** Identity protection and conditional access: requests per tenant per second, answered without Retry-After. */
    public static final String IDENTITY_PROTECTION = "identityProtection";
    /** Requests that no budget meters. */
    public static final String NONE = "none";

    private Buckets() {
    }
}
