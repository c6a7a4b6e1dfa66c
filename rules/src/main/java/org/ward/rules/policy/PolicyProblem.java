package org.ward.rules.policy;

/**
 * One thing wrong with a policy file, located precisely enough for a person to fix it.
 *
 * @param source the file as the user named it ("policies/my-trust.yaml", "classpath:policies/nhs-england.yaml")
 * @param line the 1-based line, 0 when the problem is about the file as a whole
 * @param field the field path inside the file ("rules[3].severity"), null when the problem has no field
 * @param message what is wrong, as a clause without the final full stop
 */
public record PolicyProblem(String source, int line, String field, String message) {

    static PolicyProblem at(Origin origin, String message) {
        return new PolicyProblem(origin.source(), origin.line(), origin.path().isEmpty() ? null : origin.path(), message);
    }

    /** The problem as one sentence: {@code policies/my-trust.yaml line 14, field rules[3].severity: ... .} */
    public String sentence() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(" line ").append(line);
        }
        if (field != null) {
            s.append(line > 0 ? ", field " : " field ").append(field);
        }
        s.append(": ").append(message);
        if (!message.endsWith(".")) {
            s.append('.');
        }
        return s.toString();
    }
}
