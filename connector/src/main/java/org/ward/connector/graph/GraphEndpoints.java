package org.ward.connector.graph;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Where Ward sends Graph requests, where it signs in, and the scope it asks for: the cloud preset's values
 * unless {@code base-url}, {@code authority} or {@code scope} override them.
 *
 * @param baseUrl   Graph root including the version, e.g. {@code https://graph.microsoft.com/v1.0}
 * @param authority sign-in host without tenant, e.g. {@code https://login.microsoftonline.com}
 * @param scope     client-credentials scope, e.g. {@code https://graph.microsoft.com/.default}
 */
public record GraphEndpoints(URI baseUrl, URI authority, String scope) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    /** The host the token may be sent to; derived from the same setting the requests go to. */
    public String graphHost() {
        return baseUrl.getHost();
    }

    /** The version path, {@code /v1.0} or {@code /beta}, stripped when naming requests. */
    public String basePath() {
        return baseUrl.getPath();
    }

    static GraphEndpoints resolve(GraphCloud cloud, String baseUrl, String authority, String scope) {
        return new GraphEndpoints(
                graphBaseUrl(present(baseUrl) ? baseUrl.trim() : cloud.baseUrl()),
                authorityHost(present(authority) ? authority.trim() : cloud.authority()),
                scope(present(scope) ? scope.trim() : cloud.scope()));
    }

    private static URI graphBaseUrl(String value) {
        if (value == null) {
            throw new InvalidGraphSettingException("ward.graph.base-url is missing while ward.graph.cloud is custom: "
                    + "set it to the Graph root including /v1.0, e.g. https://localhost:9443/v1.0.");
        }
        URI uri = parse("ward.graph.base-url", value, "https://graph.microsoft.com/v1.0");
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !("http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK.contains(uri.getHost()))) {
            throw new InvalidGraphSettingException("ward.graph.base-url " + value + " does not use https: the Graph "
                    + "token provider only sends tokens over https (plain http is accepted for localhost only).");
        }
        String path = uri.getPath().replaceAll("/+$", "");
        if (!path.equals("/v1.0") && !path.equals("/beta")) {
            throw new InvalidGraphSettingException("ward.graph.base-url " + value + " must have the API version as its "
                    + "whole path, e.g. https://graph.microsoft.com/v1.0: the SDK's $batch support cuts it off by length.");
        }
        return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path);
    }

    private static URI authorityHost(String value) {
        if (value == null) {
            throw new InvalidGraphSettingException("ward.graph.authority is missing while ward.graph.cloud is custom: "
                    + "set it to the sign-in host without the tenant, e.g. https://localhost:9443.");
        }
        URI uri = parse("ward.graph.authority", value, "https://login.microsoftonline.com");
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidGraphSettingException("ward.graph.authority " + value + " uses " + uri.getScheme()
                    + ", but Microsoft's identity library (MSAL) only signs in against https authorities: use https "
                    + "(for a local simulator serve it over TLS and trust its CA with ward.graph.trust.ca-certificate).");
        }
        if (!uri.getPath().replaceAll("/+$", "").isEmpty() || uri.getRawQuery() != null) {
            throw new InvalidGraphSettingException("ward.graph.authority " + value + " must be the sign-in host only, "
                    + "e.g. https://login.microsoftonline.com: Ward adds ward.graph.tenant-id to it itself.");
        }
        return URI.create("https://" + uri.getRawAuthority());
    }

    private static String scope(String value) {
        if (!value.toLowerCase(Locale.ROOT).endsWith("/.default")) {
            throw new InvalidGraphSettingException("ward.graph.scope " + value + " must end in /.default, e.g. "
                    + "https://graph.microsoft.com/.default: app-only sign-in asks for all granted application permissions.");
        }
        return value;
    }

    private static URI parse(String setting, String value, String example) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "no scheme or host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidGraphSettingException(setting + " '" + value + "' is not a URL: write it like " + example + ".");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
