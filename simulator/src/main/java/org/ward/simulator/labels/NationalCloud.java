package org.ward.simulator.labels;

/**
 * Which Microsoft cloud the simulator plays. Graph's sensitivity-label APIs differ by cloud: assignSensitivityLabel
 * and the tenant's label list exist in the global service only (their national-cloud tables: US Government L4, L5
 * and China operated by 21Vianet are not available), and metered APIs are not available to Microsoft 365 GCC tenants
 * even through the worldwide endpoint (metered-api-overview, known limitations).
 */
public enum NationalCloud {
    /** The global service (graph.microsoft.com). */
    GLOBAL,
    /** A Microsoft 365 GCC tenant on the worldwide endpoint: global Graph, but no metered APIs. */
    GCC,
    /** US Government L4 (GCC High, graph.microsoft.us). */
    US_GOV_L4,
    /** US Government L5 (DOD, dod-graph.microsoft.us). */
    US_GOV_L5,
    /** China operated by 21Vianet (microsoftgraph.chinacloudapi.cn). */
    CHINA;

    /** Whether Graph in this cloud has the APIs only the global service has. */
    public boolean national() {
        return this == US_GOV_L4 || this == US_GOV_L5 || this == CHINA;
    }

    /** Reads "global", "gcc", "usgovl4", "usgovl5" or "china" (any case; "-" and "_" ignored). */
    public static NationalCloud parse(String text) {
        String key = text.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        return switch (key) {
            case "global" -> GLOBAL;
            case "gcc" -> GCC;
            case "usgovl4", "gcchigh" -> US_GOV_L4;
            case "usgovl5", "dod" -> US_GOV_L5;
            case "china" -> CHINA;
            default -> throw new IllegalArgumentException("Unknown cloud '" + text
                    + "': use global, gcc, usgovl4, usgovl5 or china");
        };
    }
}
