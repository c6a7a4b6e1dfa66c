package org.ward.connector.database;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a failure to reach or use the database into one sentence naming the setting and what to do: a server that
 * does not answer, a refused user, a database that does not exist, a URL no driver understands, a data folder H2
 * cannot write to. Never a chain of Spring bean names.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * The sentence for a database failure anywhere in {@code failure}'s causes, or empty when it is not one.
     *
     * @param url the configured {@code spring.datasource.url}, or null when not known
     */
    public static Optional<String> explain(Throwable failure, String url) {
        String where = url == null ? "its database (spring.datasource.url)" : "its database at spring.datasource.url=" + url;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : firstLine(t.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("suitable driver") || lower.contains("failed to get driver instance")
                    || lower.contains("claims to not accept jdbcurl")) {
                return Optional.of("spring.datasource.url" + (url == null ? "" : "=" + url) + " is not a database URL"
                        + " Ward can open: use jdbc:postgresql://HOST:5432/DATABASE for PostgreSQL, or remove the setting"
                        + " to use the H2 file in the data folder.");
            }
            if (t instanceof SQLException sql) {
                return Optional.of(sentence(sql, where, message));
            }
        }
        return Optional.empty();
    }

    private static String sentence(SQLException sql, String where, String message) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        int code = sql.getErrorCode();
        String lower = message.toLowerCase(Locale.ROOT);
        if (state.startsWith("28")) {
            return "The database refused Ward's sign-in (" + message + "): check spring.datasource.username and"
                    + " spring.datasource.password.";
        }
        if (state.equals("3D000")) {
            return "Ward reached the database server but not " + where.replace("its database at ", "") + " (" + message
                    + "): create the database and a user that owns it (docs/admin-guide.md, section 3), or correct the"
                    + " URL.";
        }
        if (code == 90020) { // H2: database in use by a program that does not share it
            return "Another program has Ward's H2 database open and does not share it (" + message + "): close it (an H2"
                    + " console, another tool), then run again.";
        }
        if (code == 90097 || code == 90062 || code == 90028 || lower.contains("read only") || lower.contains("read-only")) {
            return "Ward cannot write " + where + " (" + message + "): make the data folder (ward.data-dir) and its"
                    + " files writable by the user Ward runs as.";
        }
        if (code == 90146) { // H2: IFEXISTS and no such database
            return "There is no Ward database at " + where.replace("its database at ", "") + " yet: run ward scan first.";
        }
        if (state.startsWith("08") || lower.contains("connection refused") || lower.contains("connect")
                || lower.contains("unknownhost") || lower.contains("timed out")) {
            return "Ward cannot reach " + where + " (" + message + "): check that the database server is running and"
                    + " reachable from this machine, and the URL, user and password (spring.datasource.*).";
        }
        return "Ward cannot use " + where + " (" + message + "): check spring.datasource.* and the database server.";
    }

    private static String firstLine(String message) {
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("").replaceAll("\\.$", "");
    }
}
