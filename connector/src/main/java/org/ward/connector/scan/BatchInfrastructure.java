package org.ward.connector.scan;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.database.DatabaseVendor;

/**
 * Spring Batch's job repository on Ward's database. It takes the database's type from the configured URL
 * ({@link DatabaseVendor}) instead of asking the database, so {@code ward serve} starts while the database is down.
 * It lives with the scan, not the database package, so the read-only commands' context holds no batch infrastructure.
 */
@Configuration(proxyBeanMethods = false)
class BatchInfrastructure extends JdbcDefaultBatchConfiguration {

    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final DatabaseVendor vendor;

    BatchInfrastructure(DataSource dataSource, PlatformTransactionManager transactionManager, DatabaseVendor vendor) {
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.vendor = vendor;
    }

    @Override
    protected DataSource getDataSource() {
        return dataSource;
    }

    @Override
    protected PlatformTransactionManager getTransactionManager() {
        return transactionManager;
    }

    @Override
    protected String getDatabaseType() throws MetaDataAccessException {
        String type = vendor.batchDatabaseType();
        return type != null ? type : super.getDatabaseType();
    }
}
