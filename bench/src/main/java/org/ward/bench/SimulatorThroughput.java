package org.ward.bench;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.ward.simulator.Simulator;
import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.throttle.Latency;

/**
 * Simple Graph requests per second: authenticated GETs of single drive items over HTTPS keep-alive connections,
 * with latency and throttling off, measured after a warm-up.
 */
final class SimulatorThroughput {

    private final BenchMain.Options options;

    SimulatorThroughput(BenchMain.Options options) {
        this.options = options;
    }

    void run() throws Exception {
        int seconds = options.integer("seconds", 10);
        int threads = options.integer("threads", 16);
        // The JIT needs several seconds of this traffic before the figure settles; a short warm-up halves it.
        int warmUp = options.integer("warm-up", 10);
        try (Simulator simulator = Simulator.builder().latency(Latency.OFF).throttling(false).requestLogCapacity(1_000).start()) {
            var tenant = simulator.tenant();
            AppRegistration app = tenant.read(() -> tenant.apps().iterator().next());
            String token = simulator.tokens().issue(tenant, app, "https://graph.microsoft.com", false);
            List<String> urls = tenant.read(() -> tenant.drives().stream().flatMap(d -> d.allItems().stream().filter(i -> !i.deleted)
                    .map(i -> simulator.info().graphBaseUrl() + "/drives/" + d.id + "/items/" + i.id)).limit(500).toList());
            HttpClient http = HttpClient.newBuilder().sslContext(trusting(simulator)).version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(4)).build();
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long warmUpEnd = System.nanoTime() + Duration.ofSeconds(warmUp).toNanos();
            long end = warmUpEnd + Duration.ofSeconds(seconds).toNanos();
            List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                workers.add(pool.submit(() -> {
                    int i = offset;
                    while (System.nanoTime() < end) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get(i++ % urls.size())))
                                .header("Authorization", "Bearer " + token).GET().build();
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            if (System.nanoTime() > warmUpEnd) {
                                (status == 200 ? done : failed).incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (var worker : workers) {
                worker.get();
            }
            pool.shutdown();
            System.out.printf("Simulator throughput: %,.0f requests/s (%d threads, %d s after a %d s warm-up, %d failed, %d cores)%n",
                    done.get() / (double) seconds, threads, seconds, warmUp, failed.get(), Runtime.getRuntime().availableProcessors());
        }
    }

    static SSLContext trusting(Simulator simulator) throws Exception {
        var ca = CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Files.readAllBytes(simulator.info().caCertificate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("simulator", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
