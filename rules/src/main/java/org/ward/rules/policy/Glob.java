package org.ward.rules.policy;

import java.util.regex.Pattern;

/**
 * A case-insensitive wildcard pattern as written in policy files: '*' matches any run of characters, '?' one
 * character, everything else (including '|', '(' and '.') is literal. Used for file names, site URLs and
 * login names, where regular expressions would make simple entries hard to write correctly.
 */
public record Glob(String pattern, Pattern compiled) {

    public static Glob of(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return new Glob(pattern, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL));
    }

    public boolean matches(String text) {
        return text != null && compiled.matcher(text).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
