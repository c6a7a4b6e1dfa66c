package org.ward.rules.policy;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.ward.rules.policy.PolicyNode.ListNode;
import org.ward.rules.policy.PolicyNode.ScalarKind;
import org.ward.rules.policy.PolicyNode.ScalarNode;

/**
 * Reads one YAML value as a typed value. A wrong value is recorded as a located problem and null is returned, so
 * the caller falls back to a default and binding carries on.
 */
final class Scalars {

    private Scalars() {
    }

    /**
     * A value from a closed list; {@code options} is ordered as the message should list them, and a long list is
     * named by {@code noun} instead ("a known finding type").
     */
    static <T> T choiceOf(PolicyNode node, Map<String, T> options, String noun, Problems problems) {
        String text = textOf(node, problems);
        if (text == null) {
            return null;
        }
        T value = options.get(text);
        if (value == null) {
            String hint = Suggestions.closest(text, options.keySet());
            String expected = options.size() <= 10 ? "one of " + String.join(", ", options.keySet()) : noun;
            problems.add(node.origin(), "\"" + text + "\" is not " + expected
                    + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
        }
        return value;
    }

    static Pattern regexOf(PolicyNode node, Problems problems) {
        String text = textOf(node, problems);
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            problems.add(node.origin(), "\"" + text + "\" is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
            return null;
        }
    }

    /** A list of text values; anything else is reported and read as an empty list. */
    static List<String> textsOf(PolicyNode node, Problems problems) {
        if (!(node instanceof ListNode list)) {
            problems.add(node.origin(), "expected a list, found " + node.shape());
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (PolicyNode item : list.items()) {
            String text = textOf(item, problems);
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    static boolean isNull(PolicyNode node) {
        return node == null || node instanceof ScalarNode s && s.kind() == ScalarKind.NULL;
    }

    static String textOf(PolicyNode node, Problems problems) {
        if (node instanceof ScalarNode s && s.kind() != ScalarKind.NULL) {
            return s.text();
        }
        problems.add(node.origin(), "expected text, found " + node.shape());
        return null;
    }

    static Integer integerOf(PolicyNode node, int min, int max, Problems problems) {
        if (!(node instanceof ScalarNode s) || s.kind() != ScalarKind.INTEGER) {
            problems.add(node.origin(), "expected a whole number, found " + node.shape());
            return null;
        }
        try {
            int value = Integer.parseInt(s.text().replace("_", ""));
            if (value < min || value > max) {
                problems.add(node.origin(), s.text() + " is outside " + min + " to " + max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(node.origin(), "expected a whole number, found " + node.shape());
            return null;
        }
    }

    static Boolean booleanOf(PolicyNode node, Problems problems) {
        if (node instanceof ScalarNode s && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s.text().toLowerCase(Locale.ROOT));
        }
        problems.add(node.origin(), "expected true or false, found " + node.shape());
        return null;
    }

    static Period periodOf(PolicyNode node, Problems problems) {
        String text = textOf(node, problems);
        if (text == null) {
            return null;
        }
        try {
            Period period = Period.parse(text);
            if (period.isNegative() || period.isZero()) {
                problems.add(node.origin(), "\"" + text + "\" must be a positive period");
                return null;
            }
            return period;
        } catch (DateTimeParseException e) {
            problems.add(node.origin(), "\"" + text + "\" is not an ISO-8601 period such as P7D, P3M or P8Y");
            return null;
        }
    }

    static Duration durationOf(PolicyNode node, Problems problems) {
        String text = textOf(node, problems);
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                problems.add(node.origin(), "\"" + text + "\" must be a positive duration");
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problems.add(node.origin(), "\"" + text + "\" is not an ISO-8601 duration such as PT5M, PT20M or PT1H");
            return null;
        }
    }
}
