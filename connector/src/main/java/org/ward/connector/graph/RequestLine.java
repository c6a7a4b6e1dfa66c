package org.ward.connector.graph;

import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A request as a tenant admin would name it, e.g. {@code GET /drives/b!x/root/delta}: method and path relative
 * to the Graph version root, without the query (which can carry delta tokens).
 */
record RequestLine(String method, String path) {

    static RequestLine of(Request request, String basePath) {
        return new RequestLine(request.method(), relative(request.url(), basePath));
    }

    static String relative(HttpUrl url, String basePath) {
        String path = "/" + String.join("/", url.pathSegments());
        if (!basePath.isEmpty() && (path.equals(basePath) || path.startsWith(basePath + "/"))) {
            path = path.substring(basePath.length());
        }
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
