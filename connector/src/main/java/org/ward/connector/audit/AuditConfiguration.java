package org.ward.connector.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.ConfigurationProblem;
import org.ward.connector.privacy.InstallationKey;
import org.ward.rules.classify.IdentifierMasking;

/** The audit log's beans: its key (configured, or derived from the installation key), its head folder, the log. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
public class AuditConfiguration {

    @Bean
    AuditKey auditKey(AuditSettings settings, InstallationKey installation) {
        if (settings.key() == null || settings.key().isBlank()) {
            return AuditKey.derivedFrom(installation.bytes());
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(settings.key().trim());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length < 32) {
            throw new InvalidAuditSettingException("ward.audit.key must be base64 of at least 32 random bytes (for example"
                    + " `openssl rand -base64 32`, kept in Key Vault); leave it unset to derive the key from the"
                    + " installation key.");
        }
        return new AuditKey(key);
    }

    @Bean
    AuditHeads auditHeads(AuditSettings settings, AuditKey auditKey, @Value("${ward.data-dir:ward-data}") String dataDir) {
        Path folder = settings.headExportDir() != null ? settings.headExportDir() : Path.of(dataDir).resolve("audit-heads");
        return new AuditHeads(folder.toAbsolutePath(), auditKey);
    }

    @Bean
    AuditLog auditLog(DataSource dataSource, PlatformTransactionManager transactions, Clock wardClock, AuditKey auditKey,
            AuditHeads auditHeads, IdentifierMasking identifierMasking) {
        return new AuditLog(dataSource, transactions, wardClock, auditKey, auditHeads, identifierMasking::maskText);
    }

    /** A {@code ward.audit.*} setting is wrong. */
    static final class InvalidAuditSettingException extends IllegalArgumentException implements ConfigurationProblem {

        InvalidAuditSettingException(String sentence) {
            super(sentence);
        }
    }
}
