package org.ward.connector.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every command that connects to a tenant shares. */
final class LaunchOptions {

    @Option(names = "--demo", description = "Use the built-in demo tenant (Upwell Health Centre): an in-process Graph"
            + " simulator reached over HTTPS through the same code path as a real tenant.")
    boolean demo;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML or properties file with Ward's settings"
            + " (ward.graph.*, ward.policy.*, spring.datasource.*). See docs/admin-guide.md.")
    Path config;

    @Option(names = "--policy", paramLabel = "PACK|FILE", description = "The policy pack: a built-in name (nhs-england,"
            + " hipaa, au-privacy) or an organisation file that extends one. Default: nhs-england.")
    String policy;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where Ward keeps its database and working files"
            + " (default: ward.data-dir from the settings, else ./ward-data).")
    Path dataDir;
}
