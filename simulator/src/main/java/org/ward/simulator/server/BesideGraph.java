package org.ward.simulator.server;

import java.util.Map;

/**
 * An endpoint the simulator serves on its host beside Graph, outside {@code /v1.0} and {@code /beta}: SharePoint's
 * monitor URLs for long-running actions, which Graph hands out in a {@code Location} header and which are called
 * without Graph's token. Latency applies; Graph's pipeline (token, permissions, throttling, request log) does not.
 */
public interface BesideGraph {

    boolean handles(String path);

    /**
     * @param rawQuery the query string as sent, or null
     * @param headers request headers
     * @param origin scheme, host and port the caller used
     */
    GraphResponse handle(String method, String path, String rawQuery, Map<String, String> headers, String origin);
}
