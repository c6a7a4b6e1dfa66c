package org.ward.rules.policy;

import java.time.Period;
import java.util.List;

/**
 * One parameter a rule takes, with its type and default. Defaults live here, in the catalogue line, and nowhere else:
 * the binder fills them in, and a check reads the value without a fallback of its own.
 *
 * @param name the key under the rule's {@code params}
 * @param kind its type
 * @param fallback the default
 * @param choices the allowed values of a choice, empty otherwise
 */
public record ParamSpec(String name, Kind kind, Object fallback, List<String> choices) {

    /** The types a parameter can have. */
    public enum Kind { INTEGER, BOOLEAN, PERIOD, CHOICE }

    public ParamSpec {
        choices = List.copyOf(choices);
    }

    public static ParamSpec integer(String name, int fallback) {
        return new ParamSpec(name, Kind.INTEGER, fallback, List.of());
    }

    public static ParamSpec bool(String name, boolean fallback) {
        return new ParamSpec(name, Kind.BOOLEAN, fallback, List.of());
    }

    public static ParamSpec period(String name, Period fallback) {
        return new ParamSpec(name, Kind.PERIOD, fallback, List.of());
    }

    public static ParamSpec choice(String name, String fallback, String... choices) {
        return new ParamSpec(name, Kind.CHOICE, fallback, List.of(choices));
    }

    /** The default as a pack writes it: {@code 1}, {@code true}, {@code P7D}, {@code medium}. */
    public String fallbackText() {
        return String.valueOf(fallback);
    }
}
