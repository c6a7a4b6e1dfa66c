package org.ward.connector.report;

/** Which Ward wrote a report: the jar manifest's version (the Maven project version). */
public final class WardBuild {

    private WardBuild() {
    }

    public static String version() {
        String version = WardBuild.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
