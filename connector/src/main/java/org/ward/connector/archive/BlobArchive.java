package org.ward.connector.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ward.connector.graph.AzureAccess;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ParallelTransferOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;

/**
 * Copies a folder Ward wrote (a scan's reports, an evidence pack) into the configured Blob container, under the
 * folder's own name: {@code scan-42/findings.json}, {@code evidence-2026-12-07/manifest.json}. Copying the same folder
 * again writes the same blobs over themselves (Put Blob, or Put Block and Put Block List for large files, replace a
 * blob whole), so a retried or repeated copy leaves one copy of each file. It never throws: the outcome is one
 * sentence, logged, for the caller to print; the files stay on disk either way.
 */
public final class BlobArchive {

    private static final Logger LOG = LoggerFactory.getLogger(BlobArchive.class);

    private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8", "json",
            "application/json", "csv", "text/csv; charset=utf-8", "pdf", "application/pdf", "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "txt", "text/plain; charset=utf-8",
            "sig", "application/octet-stream", "p7s", "application/pkcs7-signature");

    private final ArchiveSettings settings;
    private final AzureAccess azure;

    public BlobArchive(ArchiveSettings settings, AzureAccess azure) {
        this.settings = settings;
        this.azure = azure;
    }

    /** What became of a copy. */
    public record Copy(boolean copied, int files, String sentence) {
    }

    /** Copies a scan's report folder as {@code name} (e.g. {@code scan-42}), if a reports container is configured. */
    public Optional<Copy> copyReports(Path folder, String name) {
        return Optional.ofNullable(settings.reportsContainerUrl()).map(url -> copy("reports", url, folder, name));
    }

    /**
     * Copies an evidence pack's folder under its own folder name, if an evidence container is configured. This is the
     * hook for whatever writes packs (the {@code ward evidence} command, the service's evidence schedule).
     */
    public Optional<Copy> copyEvidencePack(Path folder) {
        return Optional.ofNullable(settings.evidenceContainerUrl())
                .map(url -> copy("evidence pack", url, folder, folder.toAbsolutePath().normalize().getFileName().toString()));
    }

    private Copy copy(String what, URI container, Path folder, String name) {
        Instant deadline = Instant.now().plus(settings.timeout());
        String where = container.toString().replaceAll("/+$", "") + "/" + name + "/";
        int done = 0;
        try {
            List<Path> files = files(folder);
            BlobContainerClient client = client(container);
            ParallelTransferOptions transfer = new ParallelTransferOptions()
                    .setBlockSizeLong(settings.blockSize().toBytes())
                    .setMaxSingleUploadSizeLong(settings.maxSingleUploadSize().toBytes()).setMaxConcurrency(2);
            for (Path file : files) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return failed(what, folder, where, done, "it took longer than ward.archive.timeout ("
                            + settings.timeout() + ")");
                }
                String blob = name + "/" + folder.relativize(file).toString().replace('\\', '/');
                client.getBlobClient(blob).uploadFromFileWithResponse(new BlobUploadFromFileOptions(file.toString())
                        .setParallelTransferOptions(transfer)
                        .setHeaders(new BlobHttpHeaders().setContentType(contentType(file))), left, Context.NONE);
                done++;
            }
            String sentence = "Copied the " + what + " (" + done + (done == 1 ? " file" : " files") + ") to " + where + ".";
            LOG.info(sentence);
            return new Copy(true, done, sentence);
        } catch (BlobStorageException e) {
            return failed(what, folder, where, done, storage(e));
        } catch (ClientAuthenticationException e) {
            return failed(what, folder, where, done, "Ward could not sign in to Azure Storage as " + azure.identity() + " ("
                    + firstLine(e.getMessage()) + ")");
        } catch (RuntimeException e) {
            return failed(what, folder, where, done, firstLine(String.valueOf(e.getMessage())));
        }
    }

    private BlobContainerClient client(URI container) {
        return new BlobContainerClientBuilder().endpoint(container.toString()).credential(azure.credential())
                .httpClient(azure.httpClient())
                // A few quick retries of a failed request; a storage account that stays unreachable must not hold up
                // the scan or pack that asked for the copy beyond ward.archive.timeout.
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3, Duration.ofMinutes(2),
                        Duration.ofSeconds(1), Duration.ofSeconds(10), null))
                .buildClient();
    }

    private Copy failed(String what, Path folder, String where, int done, String why) {
        String sentence = "Could not copy the " + what + " to " + where + ": " + why + (why.endsWith(".") ? "" : ".")
                + " The files are still in " + folder.toAbsolutePath() + (done > 0 ? " (" + done + " were copied)." : ".");
        LOG.warn(sentence);
        return new Copy(false, done, sentence);
    }

    private String storage(BlobStorageException e) {
        String code = e.getErrorCode() == null ? "" : e.getErrorCode().toString();
        return switch (code) {
            case "AuthorizationPermissionMismatch", "AuthorizationFailure" -> "Azure Storage answered " + e.getStatusCode()
                    + " " + code + ": give " + azure.identity() + " the Storage Blob Data Contributor role on the storage"
                    + " account or container";
            case "ContainerNotFound" -> "the container does not exist (404 ContainerNotFound): create it, or correct the"
                    + " URL";
            case "InvalidAuthenticationInfo", "NoAuthenticationInformation" -> "Azure Storage refused the token of "
                    + azure.identity() + " (" + e.getStatusCode() + " " + code + ")";
            default -> "Azure Storage answered " + e.getStatusCode() + (code.isEmpty() ? "" : " " + code);
        };
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException(folder.toAbsolutePath() + " is not a folder");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Ward could not list " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream"
                : CONTENT_TYPES.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.strip().lines().findFirst().orElse("no detail");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
