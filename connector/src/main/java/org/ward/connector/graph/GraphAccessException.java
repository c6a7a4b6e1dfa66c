package org.ward.connector.graph;

/**
 * Ward could not get what it asked Graph or Microsoft Entra ID for. The message is one sentence a tenant
 * admin understands, naming the request and the fix; {@link #status()} and {@link #code()} carry Graph's
 * HTTP status and error code when there was an answer (0 and empty otherwise).
 */
public class GraphAccessException extends RuntimeException {

    private final int status;
    private final String code;

    public GraphAccessException(String sentence, int status, String code, Throwable cause) {
        super(sentence, cause);
        this.status = status;
        this.code = code == null ? "" : code;
    }

    public GraphAccessException(String sentence, Throwable cause) {
        this(sentence, 0, "", cause);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
