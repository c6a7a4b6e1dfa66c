package org.ward.connector;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
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
 * <p>It imports the auto-configurations it uses by name rather than excluding the ones it does not: everything else on
 * Ward's class path (Spring Batch, the web server, Actuator and metrics, Jackson's and Bean Validation's set-up, task
 * executors) would cost these commands' start and give them nothing. No {@code @Transactional} proxies either: the
 * register's transactional methods write, and these commands open the database read-only; the audit log keeps its
 * own transaction template on the data source's transaction manager.
 *
 * <p>Deliberately not a {@code @Configuration}: {@link WardApplication}'s component scan would otherwise pick it up and
 * apply its choices to the scan's context too.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class})
@ComponentScan(basePackageClasses = {DatabaseUpgrade.class, PolicyConfiguration.class, InstallationKey.class,
    FindingStore.class, AuditLog.class})
@ConfigurationPropertiesScan(basePackageClasses = {DatabaseUpgrade.class, PolicyConfiguration.class,
    InstallationKey.class, FindingStore.class, AuditLog.class})
public class WardReadOnlyApplication {
}
