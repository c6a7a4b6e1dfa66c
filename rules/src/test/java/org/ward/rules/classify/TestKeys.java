package org.ward.rules.classify;

import java.nio.charset.StandardCharsets;

/** A fixed fingerprint key so fingerprints are comparable across a test. */
final class TestKeys {

    static final IdentifierFingerprint FINGERPRINT =
            new IdentifierFingerprint("ward-test-key-0123456789".getBytes(StandardCharsets.UTF_8));

    private TestKeys() {
    }
}
