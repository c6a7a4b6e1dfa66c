package org.ward.connector.remediate;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.remediation.*}: whether {@code ward remediate --apply} may change sharing in the tenant. Off by
 * default, so a scan-only deployment never writes to Graph.
 *
 * @param enabled {@code true} or {@code false}; read as text so that a typo stops Ward with a sentence instead of
 *     Spring's conversion error
 */
@ConfigurationProperties("ward.remediation")
public record RemediationSettings(@DefaultValue("false") String enabled) {

    public RemediationSettings {
        String value = enabled == null ? "" : enabled.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new InvalidRemediationSettingException("ward.remediation.enabled is '" + enabled + "': set it to true to"
                    + " let ward remediate --apply change sharing in the tenant, or false (the default) to keep Ward"
                    + " read-only.");
        }
        enabled = value;
    }

    public boolean applyAllowed() {
        return enabled.equals("true");
    }
}
