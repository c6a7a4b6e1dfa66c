package org.ward.connector;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.database.DatabaseUpgrade;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.policy.PolicyConfiguration;
import org.ward.connector.privacy.InstallationKey;

/**
 * The context of the commands that only read Ward's database ({@code ward findings}, {@code ward audit}): the
 * database and its upgrade check, the policy pack, masking, the findings and the audit log. No Spring Batch, no Graph
 * client and no Graph settings, so these commands start in about the time of a bare Spring Boot application and work
 * on a machine that holds no Graph credentials.
 *
 * <p>Deliberately not a {@code @Configuration}: {@link WardApplication}'s component scan would otherwise pick it up and
 * apply its exclusions to the scan's context too.
 */
@EnableAutoConfiguration(excludeName = {"org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
    "org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
    "org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration",
    "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration"})
@ComponentScan(basePackageClasses = {DatabaseUpgrade.class, PolicyConfiguration.class, InstallationKey.class,
    FindingStore.class, AuditLog.class})
@ConfigurationPropertiesScan(basePackageClasses = {DatabaseUpgrade.class, PolicyConfiguration.class,
    InstallationKey.class, FindingStore.class, AuditLog.class})
public class WardReadOnlyApplication {
}
