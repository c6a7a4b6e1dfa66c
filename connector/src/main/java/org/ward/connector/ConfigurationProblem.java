package org.ward.connector;

/**
 * Marks a failure that the setup must fix (a setting, a file, the data folder) rather than the tenant or the network:
 * its message is one sentence naming what to change, and the command line exits with the configuration code (2).
 */
public interface ConfigurationProblem {
}
