package org.ward.simulator.throttle;

import java.time.Duration;

/**
 * Fault injection rates (0 to 1 each), all off by default.
 *
 * @param serviceUnavailable share of requests answered 503 with Retry-After
 * @param gatewayTimeout share answered 504
 * @param connectionReset share whose connection is dropped before any response
 * @param malformedJson share whose JSON body is cut short (well-formed HTTP, broken JSON)
 * @param truncatedBody share whose body stops mid-way and the connection closes
 * @param slow share delayed by {@code slowDelay}
 * @param slowDelay the extra delay of a slow response
 * @param seed seed of the random draws, so a run can be repeated
 */
public record Faults(double serviceUnavailable, double gatewayTimeout, double connectionReset, double malformedJson,
        double truncatedBody, double slow, Duration slowDelay, long seed) {

    public static final Faults NONE = new Faults(0, 0, 0, 0, 0, 0, Duration.ofSeconds(5), 1);

    public boolean any() {
        return serviceUnavailable + gatewayTimeout + connectionReset + malformedJson + truncatedBody + slow > 0;
    }

    /** The faults that can be injected into a response. */
    public enum Kind {
        NONE("none"), SERVICE_UNAVAILABLE("serviceUnavailable"), GATEWAY_TIMEOUT("gatewayTimeout"),
        CONNECTION_RESET("connectionReset"), MALFORMED_JSON("malformedJson"), TRUNCATED_BODY("truncatedBody"),
        SLOW("slow");

        private final String logName;

        Kind(String logName) {
            this.logName = logName;
        }

        /** How the request log names it. */
        public String logName() {
            return logName;
        }
    }

    /** Draws the fault for one request from a uniform number in [0, 1). */
    public Kind draw(double uniform) {
        double edge = serviceUnavailable;
        if (uniform < edge) {
            return Kind.SERVICE_UNAVAILABLE;
        }
        edge += gatewayTimeout;
        if (uniform < edge) {
            return Kind.GATEWAY_TIMEOUT;
        }
        edge += connectionReset;
        if (uniform < edge) {
            return Kind.CONNECTION_RESET;
        }
        edge += malformedJson;
        if (uniform < edge) {
            return Kind.MALFORMED_JSON;
        }
        edge += truncatedBody;
        if (uniform < edge) {
            return Kind.TRUNCATED_BODY;
        }
        edge += slow;
        return uniform < edge ? Kind.SLOW : Kind.NONE;
    }
}
