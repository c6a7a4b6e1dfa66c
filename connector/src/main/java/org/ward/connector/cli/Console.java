package org.ward.connector.cli;

import java.io.PrintStream;

/**
 * Where commands write for people: results to standard output, one-sentence failures to standard error, and a
 * progress line that rewrites itself on a terminal and prints now and then otherwise (logs, CI, schedulers).
 */
final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private long lastProgressLine;
    private int progressWidth;

    Console(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    static Console system() {
        return new Console(System.out, System.err, System.console() != null);
    }

    void line(String text) {
        endProgress();
        out.println(text);
    }

    void blank() {
        line("");
    }

    void error(String sentence) {
        endProgress();
        err.println("ward: " + sentence);
    }

    /** A progress update; on a terminal it replaces the previous one, elsewhere at most one line each 5 s. */
    synchronized void progress(String text, long nowMillis) {
        if (terminal) {
            String padded = text.length() < progressWidth ? text + " ".repeat(progressWidth - text.length()) : text;
            out.print("\r" + padded);
            out.flush();
            progressWidth = text.length();
        } else if (nowMillis - lastProgressLine >= 5_000) {
            out.println(text);
            lastProgressLine = nowMillis;
        }
    }

    synchronized void endProgress() {
        if (terminal && progressWidth > 0) {
            out.println();
            progressWidth = 0;
        }
    }

    PrintStream out() {
        return out;
    }
}
