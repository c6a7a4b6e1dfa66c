package org.ward.connector.graph;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.graph.user-agent.*}: Microsoft's traffic decoration {@code NONISV|Company|App/Version}
 * (or {@code ISV|…}); decorated traffic is prioritised when SharePoint throttles.
 *
 * @param company the organisation running Ward
 * @param app     the application name
 * @param version the application version; empty takes the jar's version
 * @param isv     true when Ward is run by a software vendor for its customers
 */
public record UserAgentSettings(
        @DefaultValue("Ward") String company,
        @DefaultValue("Ward") String app,
        String version,
        @DefaultValue("false") boolean isv) {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String FALLBACK_VERSION = "0.1.0";

    public UserAgentSettings {
        company = token("company", company == null ? "Ward" : company.trim());
        app = token("app", app == null ? "Ward" : app.trim());
        if (version != null && !version.isBlank()) {
            version = token("version", version.trim());
        }
    }

    /** The decorated product, e.g. {@code NONISV|Ward|Ward} (the version is appended by the SDK handler). */
    public String product() {
        return (isv ? "ISV" : "NONISV") + "|" + company + "|" + app;
    }

    public String resolvedVersion() {
        if (version != null && !version.isBlank()) {
            return version;
        }
        String fromJar = UserAgentSettings.class.getPackage().getImplementationVersion();
        return fromJar == null ? FALLBACK_VERSION : fromJar;
    }

    public String header() {
        return product() + "/" + resolvedVersion();
    }

    public static UserAgentSettings defaults() {
        return new UserAgentSettings("Ward", "Ward", null, false);
    }

    private static String token(String name, String value) {
        if (!TOKEN.matcher(value).matches()) {
            throw new InvalidGraphSettingException("ward.graph.user-agent." + name + " '" + value + "' may only hold "
                    + "letters, digits, '.', '-' and '_' because it goes into the User-Agent header: write it without spaces.");
        }
        return value;
    }
}
