package org.ward.connector.standins;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ward.simulator.Simulator;

import com.sun.net.httpserver.HttpExchange;

/**
 * Azure Blob Storage's data plane for block blobs, as far as uploading goes, with Microsoft Entra authorization only
 * (the storage account of the templates has shared-key access off): Put Blob, Put Block and Put Block List, on
 * IP-style URLs {@code https://127.0.0.1:port/<account>/<container>/<blob>}. Shapes and errors follow Microsoft's
 * pages: https://learn.microsoft.com/rest/api/storageservices/put-blob, .../put-block, .../put-block-list,
 * .../authorize-with-azure-active-directory (bearer tokens need x-ms-version 2017-11-09 or later, and HTTPS), and
 * .../blob-service-error-codes. Anything else is answered 400 UnsupportedHttpVerb/UnsupportedQueryParameter, never
 * silently accepted.
 */
public final class BlobServiceStandIn extends AzureServiceStandIn {

    /** Microsoft's audience for Azure Storage tokens. */
    public static final String AUDIENCE = "https://storage.azure.com";

    private static final Pattern BLOCK_LIST_ENTRY = Pattern.compile("<(Latest|Committed|Uncommitted)>([^<]*)</\\1>");

    /** A stored blob: its bytes and content type. */
    public record Blob(byte[] content, String contentType) {
    }

    private final String account;
    private final Set<String> containers = ConcurrentHashMap.newKeySet();
    private final Map<String, Blob> blobs = new ConcurrentHashMap<>();
    private final Map<String, Map<String, byte[]>> uncommitted = new ConcurrentHashMap<>();
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final AtomicLong etag = new AtomicLong(0x8DC0000000000000L);

    public BlobServiceStandIn(Simulator simulator, String account, String... containers) {
        super(simulator, AUDIENCE);
        this.account = account;
        this.containers.addAll(List.of(containers));
    }

    /** The URL of a container of this account. */
    public String containerUrl(String container) {
        return origin() + "/" + account + "/" + container;
    }

    /** Blobs by {@code container/name}. */
    public Map<String, Blob> blobs() {
        return Map.copyOf(blobs);
    }

    /** Operations served (or refused), in order: {@code PutBlob container/name 201}, {@code PutBlock ... 201}, .... */
    public List<String> operations() {
        return List.copyOf(operations);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getRawPath().split("/", 4);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String comp = query.getOrDefault("comp", "");
        String operation = !exchange.getRequestMethod().equals("PUT") ? exchange.getRequestMethod()
                : comp.equals("block") ? "PutBlock" : comp.equals("blocklist") ? "PutBlockList" : comp.isEmpty()
                        ? "PutBlob" : "PUT?comp=" + comp;
        String name = path.length == 4 ? path[2] + "/" + URLDecoder.decode(path[3], StandardCharsets.UTF_8) : "";
        int status = serve(exchange, operation, path, query);
        operations.add(operation + " " + name + " " + status);
    }

    private int serve(HttpExchange exchange, String operation, String[] path, Map<String, String> query) throws IOException {
        String version = exchange.getRequestHeaders().getFirst("x-ms-version");
        if (version == null) {
            return fail(exchange, 400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is not"
                    + " specified.", "HeaderName", "x-ms-version");
        }
        if (exchange.getRequestHeaders().getFirst("x-ms-date") == null
                && exchange.getRequestHeaders().getFirst("Date") == null) {
            return fail(exchange, 403, "AuthenticationFailed", "Server failed to authenticate the request. The Date or"
                    + " x-ms-date header is required.", null, null);
        }
        if (!authorized(exchange)) {
            return exchange.getResponseCode();
        }
        if (version.compareTo("2017-11-09") < 0) {
            return fail(exchange, 400, "InvalidHeaderValue", "Authorization with a bearer token requires x-ms-version"
                    + " 2017-11-09 or later.", "HeaderName", "x-ms-version");
        }
        if (path.length < 4 || !path[1].equals(account) || path[3].isEmpty()) {
            return fail(exchange, 400, "InvalidUri", "The requested URI does not represent any resource on the server.",
                    null, null);
        }
        if (!containers.contains(path[2])) {
            return fail(exchange, 404, "ContainerNotFound", "The specified container does not exist.", null, null);
        }
        String name = path[2] + "/" + URLDecoder.decode(path[3], StandardCharsets.UTF_8);
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length == null) {
            return fail(exchange, 411, "MissingContentLengthHeader", "The Content-Length header was not specified.", null,
                    null);
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length != Long.parseLong(length)) {
            return fail(exchange, 400, "InvalidInput", "The Content-Length does not match the body.", null, null);
        }
        return switch (operation) {
            case "PutBlob" -> putBlob(exchange, name, body);
            case "PutBlock" -> putBlock(exchange, name, query.get("blockid"), body);
            case "PutBlockList" -> putBlockList(exchange, name, new String(body, StandardCharsets.UTF_8));
            default -> fail(exchange, 400, "UnsupportedHttpVerb", "The resource doesn't support the specified HTTP verb"
                    + " (this stand-in serves Put Blob, Put Block and Put Block List).", null, null);
        };
    }

    private int putBlob(HttpExchange exchange, String name, byte[] body) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("x-ms-blob-type");
        if (type == null) {
            return fail(exchange, 400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is not"
                    + " specified.", "HeaderName", "x-ms-blob-type");
        }
        if (!type.equals("BlockBlob")) {
            return fail(exchange, 400, "InvalidHeaderValue", "The value for one of the HTTP headers is not in the correct"
                    + " format.", "HeaderName", "x-ms-blob-type");
        }
        if ("*".equals(exchange.getRequestHeaders().getFirst("If-None-Match")) && blobs.containsKey(name)) {
            return fail(exchange, 409, "BlobAlreadyExists", "The specified blob already exists.", null, null);
        }
        blobs.put(name, new Blob(body, contentType(exchange)));
        uncommitted.remove(name); // Put Blob discards a blob's uncommitted blocks
        exchange.getResponseHeaders().set("Content-MD5", Base64.getEncoder().encodeToString(md5(body)));
        return created(exchange);
    }

    private int putBlock(HttpExchange exchange, String name, String blockId, byte[] body) throws IOException {
        if (blockId == null || !validBase64(blockId) || Base64.getDecoder().decode(blockId).length > 64) {
            return fail(exchange, 400, "InvalidQueryParameterValue", "Value for one of the query parameters specified in"
                    + " the request URI is invalid.", "QueryParameterName", "blockid");
        }
        Map<String, byte[]> blocks = uncommitted.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        boolean sameLength = blocks.keySet().stream().allMatch(id -> id.length() == blockId.length());
        if (!sameLength) {
            return fail(exchange, 400, "InvalidBlobOrBlock", "The specified blob or block content is invalid (block ids of"
                    + " one blob must all have the same length).", null, null);
        }
        blocks.put(blockId, body);
        exchange.getResponseHeaders().set("Content-MD5", Base64.getEncoder().encodeToString(md5(body)));
        return created(exchange);
    }

    private int putBlockList(HttpExchange exchange, String name, String xml) throws IOException {
        if (!xml.contains("<BlockList>")) {
            return fail(exchange, 400, "InvalidXmlDocument", "XML specified is not syntactically valid.", null, null);
        }
        Map<String, byte[]> blocks = uncommitted.getOrDefault(name, Map.of());
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        Matcher entry = BLOCK_LIST_ENTRY.matcher(xml);
        int count = 0;
        while (entry.find()) {
            byte[] block = blocks.get(entry.group(2));
            if (block == null) {
                return fail(exchange, 400, "InvalidBlockList", "The specified block list is invalid.", null, null);
            }
            content.write(block);
            count++;
        }
        if (count == 0 && !xml.contains("<BlockList></BlockList>") && !xml.contains("<BlockList/>")) {
            return fail(exchange, 400, "InvalidXmlDocument", "XML specified is not syntactically valid.", null, null);
        }
        String type = exchange.getRequestHeaders().getFirst("x-ms-blob-content-type");
        blobs.put(name, new Blob(content.toByteArray(), type == null ? "application/octet-stream" : type));
        uncommitted.remove(name); // committing discards the blocks not in the list
        return created(exchange);
    }

    private String contentType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("x-ms-blob-content-type");
        if (type == null) {
            type = exchange.getRequestHeaders().getFirst("Content-Type");
        }
        return type == null ? "application/octet-stream" : type;
    }

    private int created(HttpExchange exchange) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("ETag", "\"0x" + Long.toHexString(etag.incrementAndGet()).toUpperCase() + "\"");
        headers.set("Last-Modified", RFC_1123.format(Instant.now()));
        headers.set("x-ms-request-id", requestId());
        headers.set("x-ms-version", exchange.getRequestHeaders().getFirst("x-ms-version"));
        headers.set("x-ms-request-server-encrypted", "true");
        respond(exchange, 201, null, new byte[0]);
        return 201;
    }

    private int fail(HttpExchange exchange, int status, String code, String message, String detailName, String detail)
            throws IOException {
        exchange.getResponseHeaders().set("x-ms-error-code", code);
        exchange.getResponseHeaders().set("x-ms-request-id", requestId());
        String extra = detailName == null ? "" : "<" + detailName + ">" + detail + "</" + detailName + ">";
        respond(exchange, status, "application/xml", utf8("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code
                + "</Code><Message>" + message + "\nRequestId:" + requestId() + "\nTime:" + Instant.now() + "</Message>"
                + extra + "</Error>"));
        return status;
    }

    @Override
    protected byte[] error(String code, String message) {
        return utf8("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>");
    }

    @Override
    protected void unauthenticated(HttpExchange exchange, String code, String message) throws IOException {
        // Storage's challenge names the tenant's authority and the resource, so clients can ask for the right token.
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization_uri=https://login.microsoftonline.com/"
                + tenantId() + "/oauth2/authorize resource_id=" + AUDIENCE);
        fail(exchange, 401, code, message, null, null);
    }

    @Override
    protected void forbidden(HttpExchange exchange) throws IOException {
        fail(exchange, 403, "AuthorizationPermissionMismatch", "This request is not authorized to perform this operation"
                + " using this permission.", null, null);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                query.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static boolean validBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] md5(byte[] body) {
        try {
            return MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
