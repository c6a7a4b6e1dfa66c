package org.ward.connector.audit;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ward.audit.*}.
 *
 * @param key the audit chain's key, base64 of at least 32 random bytes (from Key Vault through the environment, e.g.
 *     {@code WARD_AUDIT_KEY}); empty to derive it from the installation key in the data folder
 * @param headExportDir where each day's chain head is written (default {@code <data-dir>/audit-heads}); point it at
 *     storage the database's administrators cannot change (a write-once share, another server)
 */
@ConfigurationProperties("ward.audit")
public record AuditSettings(String key, Path headExportDir) {
}
