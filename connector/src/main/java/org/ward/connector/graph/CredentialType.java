package org.ward.connector.graph;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How Ward proves it is its app registration: a client secret, a certificate or the host's managed identity. */
public enum CredentialType {
    CLIENT_SECRET,
    CERTIFICATE,
    MANAGED_IDENTITY;

    /** The setting's spelling: {@code client-secret}, {@code certificate}, {@code managed-identity}. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static CredentialType parse(String value) {
        String wanted = value == null || value.isBlank() ? "client-secret" : value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.settingValue().equals(wanted.replace('_', '-')))
                .findFirst()
                .orElseThrow(() -> new InvalidGraphSettingException("ward.graph.credential '" + value + "' is not one of "
                        + Arrays.stream(values()).map(CredentialType::settingValue).collect(Collectors.joining(", "))
                        + ": choose how Ward signs in as its app registration."));
    }
}
