package org.ward.connector.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.ward.connector.demo.DemoTenant;
import org.ward.connector.notifications.WebhookSettings;
import org.ward.connector.serve.ServiceDefaults;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ward serve}: the webhook service, with scheduled scans and identity checks, until it is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run Ward as a service: receive Microsoft Graph change notifications for the tenant's drives and turn"
                + " each change into findings within seconds (through the scan's own delta, classification and checks),"
                + " run the full scan and the identity checks on their schedules, and answer health probes and Prometheus.",
            "Graph must reach ward.webhook.public-url over https (TLS ends at the platform in front of Ward). Stop with"
                + " SIGTERM or Ctrl-C: requests in flight finish, unfinished refreshes are handed back. See docs/serve.md.",
            "With --demo: the demo tenant in-process, a change made in it, and the findings it causes as they appear."})
final class ServeCommand implements WardTask {

    @Mixin
    LaunchOptions launch;

    @Option(names = "--port", paramLabel = "PORT", description = "The port to listen on (server.port; default 8080).")
    Integer port;

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text (default) or json: one JSON object per log"
            + " line on the console (Elastic Common Schema), for log collectors.")
    String logFormat;

    @Override
    public LaunchOptions launch() {
        return launch;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            return 8080;
        }
    }

    @Override
    public boolean web() {
        return true;
    }

    @Override
    public Map<String, Object> defaults() {
        return ServiceDefaults.properties();
    }

    private DemoTenant demo;

    @Override
    public DemoTenant startDemo(java.nio.file.Path dataDir) {
        demo = DemoTenant.startForService(dataDir);
        return demo;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (demo != null) {
            // The demo tenant's Graph runs on this machine: it reaches Ward directly, without a platform in front.
            int listen = port != null ? port : freePort();
            port = listen;
            p.put("ward.webhook.public-url", "http://127.0.0.1:" + listen);
            p.put("server.address", "127.0.0.1");
        }
        // A service logs to the console, where its platform collects it.
        p.put("logging.threshold.console", "INFO");
        if (port != null) {
            p.put("server.port", String.valueOf(port));
        }
        if (logFormat != null) {
            switch (logFormat.toLowerCase(Locale.ROOT)) {
                case "json" -> p.put("logging.structured.format.console", "ecs");
                case "text" -> {
                }
                default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--log-format takes text or json, not '" + logFormat + "'.");
            }
        }
        return p;
    }

    @Override
    public int run(ConfigurableApplicationContext context, Console console) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                stopped.countDown();
            }
        });
        int listening = context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
        WebhookSettings webhook = context.getBean(WebhookSettings.class);
        console.line("Ward is serving on port " + listening + ". Graph posts to " + webhook.notificationUrl()
                + " (lifecycle events: " + webhook.lifecycleUrl() + ").");
        console.line("Health: /actuator/health/liveness, /actuator/health/readiness; metrics: /actuator/prometheus."
                + " Stop with Ctrl-C.");
        if (demo != null) {
            DemoService.show(context, console, demo);
        }
        stopped.await();
        return ExitCodes.OK;
    }
}
