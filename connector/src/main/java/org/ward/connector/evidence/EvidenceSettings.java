package org.ward.connector.evidence;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.ward.connector.ConfigurationProblem;

/**
 * {@code ward.evidence.*}: how evidence packs are signed, how much history their charts show, and when the service
 * writes one on its own.
 *
 * @param signing the key and certificate that sign each pack's file list; unset leaves packs unsigned (and
 *     {@code ward evidence --verify} says so)
 * @param historyScans how many of the latest completed scans the summary's trend chart covers (1 to 100)
 * @param schedule a Spring cron expression ({@code 0 0 6 * * MON}: Mondays at 06:00) for the service to write a pack
 *     on its own; empty for none. Checked at start; the long-running service ({@code ward serve}) acts on it
 * @param scheduledOut where scheduled packs go (each in a dated folder); required with {@code schedule}
 */
@ConfigurationProperties("ward.evidence")
public record EvidenceSettings(@DefaultValue Signing signing, @DefaultValue("10") int historyScans, String schedule,
        Path scheduledOut) {

    public EvidenceSettings {
        if (historyScans < 1 || historyScans > 100) {
            throw new InvalidEvidenceSettingException("ward.evidence.history-scans is " + historyScans + ": give how many"
                    + " of the latest scans the summary's trend chart covers, from 1 to 100 (default 10).");
        }
        if (schedule != null && !schedule.isBlank()) {
            if (!CronExpression.isValidExpression(schedule.trim())) {
                throw new InvalidEvidenceSettingException("ward.evidence.schedule is '" + schedule + "': give a cron"
                        + " expression of six fields (second minute hour day month weekday), e.g. '0 0 6 * * MON' for"
                        + " Mondays at 06:00, or leave it empty.");
            }
            if (scheduledOut == null) {
                throw new InvalidEvidenceSettingException("ward.evidence.schedule is set but ward.evidence.scheduled-out is"
                        + " not: name the folder scheduled evidence packs are written to.");
            }
        }
    }

    /** The schedule, if one is set. */
    public java.util.Optional<CronExpression> cron() {
        return schedule == null || schedule.isBlank() ? java.util.Optional.empty()
                : java.util.Optional.of(CronExpression.parse(schedule.trim()));
    }

    /**
     * {@code ward.evidence.signing.*}: either a PKCS#12 key store, or a PEM private key (PKCS#8) with its PEM
     * certificate.
     *
     * @param keystore a PKCS#12 file (.p12/.pfx) holding the signing key and its certificate
     * @param keystorePassword its password (from Key Vault through the environment, e.g.
     *     {@code WARD_EVIDENCE_SIGNING_KEYSTORE_PASSWORD})
     * @param alias the key's alias in the key store; empty when it holds one key
     * @param privateKey a PEM file with the private key ({@code BEGIN PRIVATE KEY}, unencrypted PKCS#8)
     * @param certificate a PEM file with the certificate of that key (the first certificate is the signer's; any
     *     more are its chain)
     */
    public record Signing(Path keystore, String keystorePassword, String alias, Path privateKey, Path certificate) {

        public Signing {
            if (keystore != null && (privateKey != null || certificate != null)) {
                throw new InvalidEvidenceSettingException("Both ward.evidence.signing.keystore and"
                        + " ward.evidence.signing.private-key/certificate are set: give either a PKCS#12 key store or a"
                        + " PEM key with its certificate, not both.");
            }
            if ((privateKey == null) != (certificate == null)) {
                throw new InvalidEvidenceSettingException("ward.evidence.signing." + (privateKey == null ? "private-key" : "certificate")
                        + " is missing: a PEM private key needs its PEM certificate beside it (ward.evidence.signing.private-key"
                        + " and ward.evidence.signing.certificate).");
            }
            readable("ward.evidence.signing.keystore", keystore);
            readable("ward.evidence.signing.private-key", privateKey);
            readable("ward.evidence.signing.certificate", certificate);
        }

        public boolean configured() {
            return keystore != null || privateKey != null;
        }

        private static void readable(String name, Path file) {
            if (file != null && !Files.isReadable(file)) {
                throw new InvalidEvidenceSettingException(name + " is " + file + ", which cannot be read: give the path of"
                        + " the file, readable by the account Ward runs as.");
            }
        }
    }

    /** A {@code ward.evidence.*} setting is wrong. */
    static final class InvalidEvidenceSettingException extends IllegalArgumentException implements ConfigurationProblem {

        InvalidEvidenceSettingException(String sentence) {
            super(sentence);
        }
    }
}
