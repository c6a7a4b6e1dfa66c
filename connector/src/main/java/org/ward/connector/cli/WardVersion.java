package org.ward.connector.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (the Maven project version). */
final class WardVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = WardVersion.class.getPackage().getImplementationVersion();
        return new String[] {"ward " + (version == null ? "(development build)" : version)};
    }
}
