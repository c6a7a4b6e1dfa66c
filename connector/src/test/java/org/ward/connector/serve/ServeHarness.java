package org.ward.connector.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.Simulator;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.throttle.Latency;

/**
 * Starts {@code ward serve}'s real web application (Tomcat on a loopback port, the service's defaults) against an
 * in-process simulator whose notifier posts to it over real HTTP.
 */
public final class ServeHarness {

    /** The clinic fixture's app with Files.ReadWrite.All (subscriptions) and Sites.FullControl.All (sharing reports). */
    public static final String APP = "Ward full control";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeHarness() {
    }

    /** The clinic tenant, notifying at once, over http to loopback (the simulator's test switch). */
    public static Simulator clinic() {
        return Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/clinic.yaml")).latency(Latency.OFF)
                .notifications(NotificationSettings.immediate().allowingHttpOnLoopback()).start();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ward's settings for the simulator, an H2 file in {@code dir}, listening on {@code port}, with quick timings. */
    public static Map<String, Object> settings(Simulator simulator, Path dir, int port) {
        Map<String, Object> p = new LinkedHashMap<>(ScanHarness.asApp(ScanHarness.h2(simulator, dir), simulator, APP));
        p.putAll(service(port));
        return p;
    }

    /** The service's own settings: the port, the public URL on loopback, quick polling, no cron jobs. */
    public static Map<String, Object> service(int port) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", String.valueOf(port));
        p.put("server.address", "127.0.0.1");
        p.put("ward.webhook.public-url", "http://127.0.0.1:" + port);
        p.put("ward.serve.scan-cron", "-");
        p.put("ward.serve.identity-cron", "-");
        p.put("ward.serve.coalesce", "100ms");
        p.put("ward.serve.poll", "50ms");
        p.put("ward.serve.retry-after", "200ms");
        p.put("ward.serve.shutdown-grace", "2s");
        p.put("ward.subscriptions.check-every", "500ms");
        p.put("ward.subscriptions.retry-after", "200ms");
        p.put("ward.subscriptions.verify-every", "500ms");
        return p;
    }

    public static ConfigurableApplicationContext start(Map<String, Object> settings) {
        return WardApplication.run(settings, ServiceDefaults.properties(), true);
    }

    public static HttpResponse<String> post(int port, String pathAndQuery, String contentType, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file of the simulator's tenant and its drive. */
    public record Located(org.ward.simulator.tenant.Drive drive, org.ward.simulator.tenant.Item item) {
    }

    /** The live file with this name, wherever it is in the tenant. */
    public static Located find(Simulator simulator, String name) {
        return simulator.tenant().read(() -> {
            for (org.ward.simulator.tenant.Drive drive : simulator.tenant().drives()) {
                for (org.ward.simulator.tenant.Item item : drive.allItems()) {
                    if (!item.deleted && name.equals(item.name)) {
                        return new Located(drive, item);
                    }
                }
            }
            throw new IllegalStateException("The tenant has no file named " + name);
        });
    }

    /** A change notification as Graph posts it for a drive root. */
    public static String notification(String subscriptionId, String clientState) {
        return "{\"value\":[{\"subscriptionId\":\"" + subscriptionId + "\",\"subscriptionExpirationDateTime\":"
                + "\"2030-01-01T00:00:00Z\",\"changeType\":\"updated\",\"resource\":\"drives/d/root\",\"resourceData\":null,"
                + (clientState == null ? "" : "\"clientState\":\"" + clientState + "\",")
                + "\"tenantId\":\"t\"}]}";
    }
}
