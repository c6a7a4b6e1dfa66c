package org.ward.connector.cli;

/** Ward's exit codes, for schedulers and pipelines (docs/admin-guide.md lists them). */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** It failed: Graph unreachable, refused, or the work could not finish. */
    static final int FAILED = 1;
    /** The command line or the configuration is wrong. */
    static final int USAGE = 2;
    /** {@code --fail-on}: a finding at or above the given severity is open. */
    static final int FINDINGS = 3;

    private ExitCodes() {
    }
}
