package org.ward.connector.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit log's hash chain: each row's hash covers the previous row's hash and the row's own content, every field
 * length-prefixed so that no two different rows can read the same. Two versions, recorded per row in its
 * {@code chain} column:
 * <ul>
 * <li>1 — SHA-256 without a key: the first Ward's chain. Anyone who can write the table can recompute it, so it is
 * kept only to verify logs written before version 2 (they stay verifiable, and are sealed by the first keyed row).</li>
 * <li>2 — HMAC-SHA256 with the audit key, which lives outside the database ({@link AuditKey}); the row also names the
 * key (its id), so a wrong key is told apart from tampering.</li>
 * </ul>
 * Once a keyed row exists, no unkeyed row may follow it. Pure.
 */
final class AuditChain {

    /** The "previous hash" of the first row. */
    static final String GENESIS = "0".repeat(64);
    static final int UNKEYED = 1;
    static final int KEYED = 2;

    private AuditChain() {
    }

    private static String content(AuditEntry e) {
        StringBuilder content = new StringBuilder(e.previousHash());
        for (String field : new String[] {String.valueOf(e.id()), e.at().toString(), e.actor(), e.findingId(), e.action(),
            e.request(), e.before(), e.after(), e.outcome()}) {
            content.append('|').append(field == null ? "-1:" : field.length() + ":" + field);
        }
        return content.toString();
    }

    /** The version-1 hash: SHA-256 of the content, no key. */
    static String hash(AuditEntry e) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /** The version-2 hash: HMAC-SHA256 with the audit key over the version, the key's id and the content. */
    static String keyed(AuditEntry e, AuditKey key) {
        return key.mac("v2|" + e.keyId() + "|" + content(e));
    }

    /** Walks the rows in order and reports the first that does not follow from the one before. */
    static AuditVerification verify(List<AuditEntry> entries, AuditKey key) {
        String previous = GENESIS;
        long expectedId = 1;
        int unkeyed = 0;
        int keyed = 0;
        for (AuditEntry e : entries) {
            if (e.id() != expectedId) {
                return broken(entries, e, "entry " + expectedId + " is missing", previous, unkeyed, keyed);
            }
            if (!e.previousHash().equals(previous)) {
                return broken(entries, e, "it does not follow from the entry before it (an entry before it was changed or"
                        + " removed)", previous, unkeyed, keyed);
            }
            if (e.chain() == UNKEYED && keyed > 0) {
                return broken(entries, e, "it is chained with the old unkeyed hash after the log was sealed with the keyed"
                        + " one, so it was written behind Ward's back", previous, unkeyed, keyed);
            }
            if (e.chain() == KEYED && !key.id().equals(e.keyId())) {
                return broken(entries, e, "it was sealed with audit key " + e.keyId() + " and this Ward has key " + key.id()
                        + " (set ward.audit.key, or restore the installation key, to the one that sealed the log; if"
                        + " no such key ever existed, the entry was forged)", previous, unkeyed, keyed);
            }
            String expected = e.chain() == KEYED ? keyed(e, key) : hash(e);
            if (!expected.equals(e.hash())) {
                return broken(entries, e, "its content no longer matches its " + (e.chain() == KEYED ? "keyed " : "")
                        + "hash (it was changed)", previous, unkeyed, keyed);
            }
            if (e.chain() == KEYED) {
                keyed++;
            } else {
                unkeyed++;
            }
            previous = e.hash();
            expectedId++;
        }
        return new AuditVerification(entries.size(), null, null, previous, unkeyed, keyed);
    }

    private static AuditVerification broken(List<AuditEntry> entries, AuditEntry at, String problem, String previous,
            int unkeyed, int keyed) {
        return new AuditVerification(entries.size(), at.id(), problem, previous, unkeyed, keyed);
    }
}
