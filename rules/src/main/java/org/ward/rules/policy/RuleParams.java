package org.ward.rules.policy;

import java.time.Period;
import java.util.Map;

/**
 * A rule's parameters after validation, with defaults filled in. Asking for a parameter the rule's finding type
 * does not declare is a programming error.
 */
public record RuleParams(Map<String, Object> values) {

    public RuleParams {
        values = Map.copyOf(values);
    }

    public int integer(String name) {
        return (Integer) value(name);
    }

    public boolean bool(String name) {
        return (Boolean) value(name);
    }

    public Period period(String name) {
        return (Period) value(name);
    }

    public String text(String name) {
        return (String) value(name);
    }

    private Object value(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no rule parameter named " + name + "; known: " + values.keySet());
        }
        return value;
    }
}
