package org.ward.connector.database;

import org.ward.connector.ConfigurationProblem;

/**
 * The database or the data folder cannot be used as configured: one sentence naming the setting or file and what to
 * do. Ward exits with the configuration exit code.
 */
public class DatabaseConfigurationException extends IllegalStateException implements ConfigurationProblem {

    public DatabaseConfigurationException(String sentence) {
        super(sentence);
    }

    public DatabaseConfigurationException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
