package org.ward.rules.facts;

/** An identifier as stored: never the clear value. */
public record StoredIdentifier(String type, String masked, String fingerprint, String foundIn) {
}
