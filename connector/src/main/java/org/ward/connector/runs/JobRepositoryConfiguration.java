package org.ward.connector.runs;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.database.DatabaseVendor;

/**
 * Spring Batch's job repository, told the database's type by its URL ({@link DatabaseVendor}) rather than by asking
 * the database while the context starts, so {@code ward serve} starts while the database is down. It lives with the
 * scans it records, outside the packages the read-only commands' context holds.
 */
@Configuration(proxyBeanMethods = false)
class JobRepositoryConfiguration extends JdbcDefaultBatchConfiguration {

    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final DatabaseVendor vendor;

    JobRepositoryConfiguration(DataSource dataSource, PlatformTransactionManager transactionManager, DatabaseVendor vendor) {
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
