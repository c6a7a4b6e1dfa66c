package org.ward.connector.archive;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.ward.connector.ConfigurationProblem;

/**
 * {@code ward.archive.*}: the Blob containers that keep copies of reports and evidence packs.
 *
 * @param reportsContainerUrl the container for each scan's report folder ({@code ward scan --report-dir}), e.g.
 *     {@code https://wardstore.blob.core.windows.net/reports}; empty for no copies
 * @param evidenceContainerUrl the container for evidence packs; empty for no copies
 * @param blockSize files larger than {@code max-single-upload-size} are sent in blocks of this size
 * @param maxSingleUploadSize files up to this size are sent in one request
 * @param timeout how long copying one folder may take before Ward gives up on it (the files stay on disk)
 */
@ConfigurationProperties("ward.archive")
public record ArchiveSettings(URI reportsContainerUrl, URI evidenceContainerUrl, @DefaultValue("8MB") DataSize blockSize,
        @DefaultValue("32MB") DataSize maxSingleUploadSize, @DefaultValue("10m") Duration timeout) {

    /** Azure Storage's limits: a block of at most 4000 MiB, a single Put Blob of at most 5000 MiB. */
    private static final long MAX_BLOCK = 4000L * 1024 * 1024;
    private static final long MAX_SINGLE = 5000L * 1024 * 1024;

    public ArchiveSettings {
        container("ward.archive.reports-container-url", reportsContainerUrl);
        container("ward.archive.evidence-container-url", evidenceContainerUrl);
        if (blockSize.toBytes() < 1 || blockSize.toBytes() > MAX_BLOCK || maxSingleUploadSize.toBytes() < 1
                || maxSingleUploadSize.toBytes() > MAX_SINGLE) {
            throw new InvalidArchiveSettingException("ward.archive.block-size is " + blockSize + " and"
                    + " ward.archive.max-single-upload-size " + maxSingleUploadSize + ": Azure Storage takes blocks of up"
                    + " to 4000MB and single uploads of up to 5000MB; give sizes from 1B up to those.");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidArchiveSettingException("ward.archive.timeout is " + timeout + ": give a positive duration"
                    + " such as 10m.");
        }
    }

    private static void container(String setting, URI url) {
        if (url == null) {
            return;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
        if (!scheme.equals("https") || url.getHost() == null || path.isEmpty() || url.getQuery() != null
                || url.getFragment() != null) {
            throw new InvalidArchiveSettingException(setting + " is '" + url + "': give the https URL of a Blob"
                    + " container without a SAS token, such as https://wardstore.blob.core.windows.net/reports (Ward signs"
                    + " in with its Azure identity, ward.azure.credential).");
        }
    }

    /** A {@code ward.archive.*} setting is wrong. */
    static final class InvalidArchiveSettingException extends IllegalArgumentException implements ConfigurationProblem {

        InvalidArchiveSettingException(String sentence) {
            super(sentence);
        }
    }
}
