package org.ward.connector.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.ward.simulator.tls.CertificateAuthority;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTPS receiver on loopback (a Teams Workflows trigger, a webhook, a JSON-lines endpoint): records every
 * request and answers with the status it is told to. A body larger than {@code maxBytes} gets 413, as Teams' 28 KB
 * limit does.
 */
final class HttpsReceiver implements AutoCloseable {

    record Request(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    private final HttpsServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status;
    private final int maxBytes;

    HttpsReceiver(CertificateAuthority authority, int status, int maxBytes) throws Exception {
        this.status = new AtomicInteger(status);
        this.maxBytes = maxBytes;
        char[] password = "receiver".toCharArray();
        KeyStore keys = authority.serverKeyStore(password);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int answer = body.length > this.maxBytes ? 413 : this.status.get();
            if (answer / 100 == 2) {
                requests.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                        new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "https://localhost:" + server.getAddress().getPort() + path;
    }

    void answer(int newStatus) {
        status.set(newStatus);
    }

    /** What it took (2xx answers only). */
    List<Request> requests() {
        return List.copyOf(requests);
    }

    void clear() {
        requests.clear();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
