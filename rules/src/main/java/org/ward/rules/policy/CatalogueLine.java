package org.ward.rules.policy;

import java.util.List;

/**
 * What a family's catalogue says about one finding type besides its name.
 *
 * @param checkClass the class that judges it
 * @param severity the default severity
 * @param remediation an action Ward applies, or advice to the owner
 * @param params the rule's parameters with their defaults
 */
public record CatalogueLine(Class<?> checkClass, Severity severity, Remediation remediation, List<ParamSpec> params) {

    public CatalogueLine {
        params = List.copyOf(params);
    }
}
