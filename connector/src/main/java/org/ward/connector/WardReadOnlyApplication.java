package org.ward.connector;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.ward.connector.audit.AuditConfiguration;
import org.ward.connector.audit.AuditGuard;
import org.ward.connector.audit.AuditSettings;
import org.ward.connector.database.DatabaseHost;
import org.ward.connector.database.DatabaseSettings;
import org.ward.connector.database.DatabaseUpgrade;
import org.ward.connector.database.EntraDatabaseTokens;
import org.ward.connector.database.ReadOnlyDatabase;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.policy.PolicyConfiguration;
import org.ward.connector.policy.PolicySettings;
import org.ward.connector.privacy.InstallationKey;
import org.ward.connector.privacy.MaskingConfiguration;
import org.ward.connector.privacy.PrivacySettings;

/**
 * The context of the commands that only read Ward's database ({@code ward findings}, {@code ward audit}): the
 * database and its version check, the policy pack, masking, the findings and the audit log. No Spring Batch, no Graph
 * client and no Graph settings, so these commands start in about the time of a bare Spring Boot application and work
 * on a machine that holds no Graph credentials.
 *
 * <p>It imports the auto-configurations it uses by name rather than excluding the ones it does not: everything else on
 * Ward's class path (Spring Batch, the web server, Actuator and metrics, Jackson's and Bean Validation's set-up, task
 * executors) would cost these commands' start and give them nothing. No Flyway either: these commands never upgrade,
 * and {@link ReadOnlyDatabase} checks the tables' version with one query. No {@code @Transactional} proxies: the
 * register's transactional methods write, and these commands open the database read-only; the audit log keeps its
 * own transaction template on the data source's transaction manager. Its beans are listed rather than found by a
 * component scan (which reads every class file of their packages at each start);
 * {@code ReadOnlyCommandsTests#theReadOnlyContextHoldsEveryComponentOfItsPackages} keeps the list complete.
 *
 * <p>Deliberately not a {@code @Configuration}: {@link WardApplication}'s component scan would otherwise pick it up and
 * apply its choices to the scan's context too.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class})
@Import({ReadOnlyDatabase.class, DatabaseHost.class, DatabaseUpgrade.class,
    EntraDatabaseTokens.class, PolicyConfiguration.class, InstallationKey.class, MaskingConfiguration.class,
    FindingStore.class, AuditConfiguration.class, AuditGuard.class})
@EnableConfigurationProperties({DatabaseSettings.class, PolicySettings.class, PrivacySettings.class, AuditSettings.class})
public class WardReadOnlyApplication {
}
