package org.ward.connector.archive;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ward.connector.evidence.PackHandoff;
import org.ward.connector.graph.AzureAccess;

/** The Blob copy of reports and evidence packs ({@code ward.archive.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiveSettings.class)
public class ArchiveConfiguration {

    @Bean
    BlobArchive blobArchive(ArchiveSettings settings, AzureAccess azure) {
        return new BlobArchive(settings, azure);
    }

    /** ward serve's scheduled evidence packs go to the evidence container too, when one is configured. */
    @Bean
    PackHandoff evidencePackCopy(BlobArchive archive) {
        return pack -> {
            java.util.Optional<BlobArchive.Copy> copy = archive.copyEvidencePack(pack.folder());
            if (copy.isPresent() && !copy.get().copied()) {
                throw new java.io.IOException(copy.get().sentence());
            }
        };
    }
}
