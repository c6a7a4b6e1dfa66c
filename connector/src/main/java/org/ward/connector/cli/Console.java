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
        out.println(shown(text));
    }

    void blank() {
        line("");
    }

    void error(String sentence) {
        endProgress();
        err.println("ward: " + shown(sentence));
    }

    /**
     * Text as a terminal should show it, not obey it. Names, reasons and descriptions come from a tenant and from other
     * people: an escape sequence in a file name or an accepted risk's reason would otherwise clear the screen, recolour
     * it or rewrite lines, and a bidirectional override would show a name other than the one stored. Each such character
     * is written as its code in Java's notation (ESC as backslash, u, 001b); line breaks and tabs stay.
     */
    static String shown(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean obeyed = c != '\n' && c != '\t' && (Character.getType(c) == Character.CONTROL
                    || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069);
            if (obeyed && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (obeyed) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
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
