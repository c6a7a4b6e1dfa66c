package org.ward.connector;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Ward application context. It is started by the command line ({@code org.ward.connector.cli.WardCli}) once
 * the command's options are parsed, so that {@code --help} and usage errors never need configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WardApplication {
}
