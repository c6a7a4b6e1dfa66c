package org.ward.rules.policy;

import java.util.Arrays;
import java.util.Optional;

/** Patient identifier types a pack can enable; {@link #key()} is the name used in YAML and reports. */
public enum IdentifierType {
    NHS_NUMBER("nhs-number", "NHS number"),
    CHI_NUMBER("chi-number", "CHI number"),
    MEDICARE_NUMBER("medicare-number", "Medicare number"),
    MRN("mrn", "MRN");

    private final String key;
    private final String label;

    IdentifierType(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    /** How people call it ("NHS number"), used in reasons. */
    public String label() {
        return label;
    }

    public static Optional<IdentifierType> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
