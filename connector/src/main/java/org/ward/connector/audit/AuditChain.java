package org.ward.connector.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit log's hash chain: each row's hash is SHA-256 over the previous row's hash and the row's own content,
 * every field length-prefixed so that no two different rows can read the same. Pure.
 */
final class AuditChain {

    /** The "previous hash" of the first row. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEntry e) {
        StringBuilder content = new StringBuilder(e.previousHash());
        for (String field : new String[] {String.valueOf(e.id()), e.at().toString(), e.actor(), e.findingId(), e.action(),
            e.request(), e.before(), e.after(), e.outcome()}) {
            content.append('|').append(field == null ? "-1:" : field.length() + ":" + field);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /** Walks the rows in order and reports the first that does not follow from the one before. */
    static AuditVerification verify(List<AuditEntry> entries) {
        String previous = GENESIS;
        long expectedId = 1;
        for (AuditEntry e : entries) {
            if (e.id() != expectedId) {
                return new AuditVerification(entries.size(), e.id(), "entry " + expectedId + " is missing", previous);
            }
            if (!e.previousHash().equals(previous)) {
                return new AuditVerification(entries.size(), e.id(), "it does not follow from the entry before it"
                        + " (an entry before it was changed or removed)", previous);
            }
            if (!hash(e).equals(e.hash())) {
                return new AuditVerification(entries.size(), e.id(), "its content no longer matches its hash (it was"
                        + " changed)", previous);
            }
            previous = e.hash();
            expectedId++;
        }
        return new AuditVerification(entries.size(), null, null, previous);
    }
}
