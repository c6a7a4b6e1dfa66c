package org.ward.connector.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The database of the commands that only read it: their data source is handed to the beans that read it only once its
 * tables are checked to be this Ward's version ({@link SchemaHistory}, one query), in place of Flyway, whose set-up and
 * migration scan cost these commands more start-up than anything else they do with the database.
 *
 * <p>Imported by {@code WardReadOnlyApplication}; deliberately not a {@code @Configuration}, which
 * {@code WardApplication}'s component scan would pick up for the scan's context too.
 */
public class ReadOnlyDatabase {

    @Bean
    static BeanPostProcessor schemaCheckedDataSource(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource) {
                    SchemaHistory.of(environment).refuseUnlessCurrent(dataSource, environment.getProperty(DataFolder.URL));
                }
                return bean;
            }
        };
    }
}
