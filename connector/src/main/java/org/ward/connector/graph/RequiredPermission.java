package org.ward.connector.graph;

import java.util.List;

/**
 * An application permission Ward asks an administrator to consent to, what it is for, and which other permissions
 * would do instead (a broader permission always satisfies a narrower need).
 *
 * @param permission the application permission
 * @param purpose what Ward does with it, in a sentence
 * @param capability the capability that needs it (scan, sharing, identity, remediation)
 * @param required whether a scan cannot run without it (optional ones narrow what Ward can check)
 * @param satisfiedBy this permission or any of these
 */
public record RequiredPermission(String permission, String purpose, String capability, boolean required,
        List<String> satisfiedBy) {

    public boolean satisfied(java.util.Set<String> granted) {
        return granted.contains(permission) || satisfiedBy.stream().anyMatch(granted::contains);
    }
}
