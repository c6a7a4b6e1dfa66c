package org.ward.rules.policy;

import java.util.Locale;

/** How urgent a finding is. Written in lower case in policy YAML and reports. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** The name as written in YAML ("high"). */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
