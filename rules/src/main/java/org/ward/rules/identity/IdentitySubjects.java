package org.ward.rules.identity;

import org.ward.rules.findings.FindingResource;

/**
 * What identity findings are about, as finding resources: a user (keyed by object id, shown by UPN), a source IP
 * address, or the whole tenant. They belong to no site.
 */
final class IdentitySubjects {

    private IdentitySubjects() {
    }

    static FindingResource user(String userId, String upn) {
        return new FindingResource(null, null, "user:" + (userId == null || userId.isBlank() ? upn : userId), null, upn);
    }

    static FindingResource ip(String address) {
        return new FindingResource(null, null, "ip:" + address, null, address);
    }

    static FindingResource tenant() {
        return new FindingResource(null, null, "tenant", null, "tenant");
    }

    /** The resource of an anomaly's subject. */
    static FindingResource of(Anomaly anomaly) {
        if (anomaly.subject().startsWith("ip:")) {
            return ip(anomaly.label());
        }
        if (anomaly.subject().equals("tenant")) {
            return tenant();
        }
        return new FindingResource(null, null, anomaly.subject(), null, anomaly.label());
    }
}
