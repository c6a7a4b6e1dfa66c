package org.ward.simulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * One HTTP/1.1 request written byte for byte over TLS, for URLs that Java's HTTP client refuses to build (a '%' that
 * is not a percent-encoding): what a careless client really sends.
 *
 * @param status the status code
 * @param contentType the Content-Type header, or null
 * @param body the body as text
 */
record RawHttps(int status, String contentType, String body) {

    static RawHttps get(Simulator simulator, String target, String accessToken) {
        URI base = URI.create(simulator.info().graphBaseUrl());
        try (SSLSocket socket = (SSLSocket) tls(simulator).getSocketFactory().createSocket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + (accessToken == null ? "" : "Authorization: Bearer " + accessToken + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawHttps parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int headersEnd = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, headersEnd).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String contentType = null;
        for (String line : head) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                contentType = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return new RawHttps(status, contentType, text.substring(headersEnd + 4));
    }

    private static SSLContext tls(Simulator simulator) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("simulator", CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(simulator.info().caCertificate()))));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            return tls;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot trust the simulator's CA", e);
        }
    }
}
