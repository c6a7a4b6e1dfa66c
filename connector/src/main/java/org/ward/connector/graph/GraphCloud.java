package org.ward.connector.graph;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Microsoft's national clouds: each has its own Graph root, sign-in authority and token scope, and an app
 * registered in one cloud cannot sign in to another. {@code CUSTOM} takes both URLs from the settings.
 */
public enum GraphCloud {
    GLOBAL("https://graph.microsoft.com", "https://login.microsoftonline.com"),
    USGOV("https://graph.microsoft.us", "https://login.microsoftonline.us"),
    DOD("https://dod-graph.microsoft.us", "https://login.microsoftonline.us"),
    CHINA("https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn"),
    CUSTOM(null, null);

    /** Scope used when neither the preset nor the settings name one (custom endpoints, e.g. a simulator). */
    static final String GLOBAL_SCOPE = "https://graph.microsoft.com/.default";

    private final String graphRoot;
    private final String authority;

    GraphCloud(String graphRoot, String authority) {
        this.graphRoot = graphRoot;
        this.authority = authority;
    }

    /** Graph base URL including the API version, or null for {@code CUSTOM}. */
    public String baseUrl() {
        return graphRoot == null ? null : graphRoot + "/v1.0";
    }

    /** Sign-in authority host, or null for {@code CUSTOM}. */
    public String authority() {
        return authority;
    }

    /** The client-credentials scope: the cloud's own Graph resource with {@code /.default}. */
    public String scope() {
        return graphRoot == null ? GLOBAL_SCOPE : graphRoot + "/.default";
    }

    /** The setting's spelling: {@code global}, {@code usgov}, ... */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GraphCloud parse(String value) {
        String wanted = value == null || value.isBlank() ? "global" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(cloud -> cloud.settingValue().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new InvalidGraphSettingException("ward.graph.cloud '" + value + "' is not one of "
                        + Arrays.stream(values()).map(GraphCloud::settingValue).collect(Collectors.joining(", "))
                        + ": pick the Microsoft cloud your tenant lives in (global also covers GCC)."));
    }
}
