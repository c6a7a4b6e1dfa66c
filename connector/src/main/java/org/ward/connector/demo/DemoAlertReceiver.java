package org.ward.connector.demo;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.ward.simulator.tls.CertificateAuthority;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The demo's local alert receiver: an HTTPS endpoint on loopback (certificate from the simulator's CA) that checks
 * each webhook's HMAC signature the way docs/alerts.md tells a receiver to, and appends every alert it accepts to a
 * JSON-lines file in the demo's data folder. It shows where the webhook channel's alerts went.
 */
final class DemoAlertReceiver implements AutoCloseable {

    static final String PATH = "/ward-alerts";

    private final HttpsServer server;
    private final String secret;
    private final Path file;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    DemoAlertReceiver(CertificateAuthority authority, Path file) {
        this.file = file;
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
        try {
            char[] password = "demo-receiver".toCharArray();
            KeyStore keys = authority.serverKeyStore(password);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(factory.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The demo's alert receiver could not start: " + e.getMessage(), e);
        }
        server.createContext(PATH, exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String timestamp = exchange.getRequestHeaders().getFirst("X-Ward-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-Ward-Signature");
            boolean valid = timestamp != null && signature != null && MessageDigest.isEqual(
                    signature.getBytes(StandardCharsets.US_ASCII),
                    ("sha256=" + sign(timestamp + "." + new String(body, StandardCharsets.UTF_8)))
                            .getBytes(StandardCharsets.US_ASCII));
            if (valid) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, (new String(body, StandardCharsets.UTF_8).strip() + "\n").getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                accepted.incrementAndGet();
            } else {
                refused.incrementAndGet();
            }
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "https://localhost:" + server.getAddress().getPort() + PATH;
    }

    String secret() {
        return secret;
    }

    Path file() {
        return file;
    }

    int accepted() {
        return accepted.get();
    }

    int refused() {
        return refused.get();
    }

    private String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
