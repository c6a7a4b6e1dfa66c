package org.ward.connector.audit;

import java.time.Instant;

/**
 * One row of the audit log, as stored.
 *
 * @param id its place in the chain, 1, 2, 3, ...
 * @param at when (UTC, milliseconds)
 * @param actor who: the person at the command line (--actor, --by, else the OS user name)
 * @param findingId the finding it is about, null when none
 * @param action what: remove-link, replace-link, remove-grant, accept-risk
 * @param request the Graph request, method and path ("DELETE /drives/b!x/items/01A/permissions/p1"); null when none
 * @param before the permission (or finding) before, as JSON; null when there was none
 * @param after the permission (or finding) after, as JSON; null when it is gone
 * @param outcome applied, or why not ("refused (403 accessDenied): ...")
 * @param previousHash the previous row's hash ({@link AuditChain#GENESIS} for the first)
 * @param hash the row's hash over the previous hash and its own content (see {@link AuditChain})
 * @param chain the chain version: 1 unkeyed SHA-256 (logs written before the audit key), 2 HMAC-SHA256 with the key
 * @param keyId the id of the audit key a version-2 row was sealed with, null for version 1
 */
public record AuditEntry(long id, Instant at, String actor, String findingId, String action, String request,
        String before, String after, String outcome, String previousHash, String hash, int chain, String keyId) {
}
