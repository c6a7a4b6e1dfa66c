package org.ward.connector.evidence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ward.connector.audit.AuditHeads;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.report.ScanReports;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.policy.PolicyPack;

/** The evidence pack's beans; the signing key is loaded (and checked against its certificate) at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceSettings.class)
class EvidenceConfiguration {

    @Bean
    EvidencePack evidencePack(ScanReports reports, ScanRuns runs, AuditLog audit, AuditHeads heads, PolicyPack policy,
            IdentifierMasking identifierMasking, EvidenceSettings settings) {
        return new EvidencePack(reports, runs, audit, heads, policy, identifierMasking, settings,
                PackSigner.from(settings.signing()));
    }

    @Bean
    ScheduledEvidence scheduledEvidence(EvidencePack packs, EvidenceSettings settings,
            org.ward.connector.graph.GraphConnectionCheck connection,
            org.springframework.beans.factory.ObjectProvider<PackHandoff> handoffs) {
        return new ScheduledEvidence(packs, settings, connection, handoffs.orderedStream().toList());
    }
}
