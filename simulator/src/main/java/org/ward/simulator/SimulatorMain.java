package org.ward.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.ward.simulator.fixture.FixtureException;
import org.ward.simulator.fixture.TenantGenerator;
import org.ward.simulator.labels.NationalCloud;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.throttle.Budget;
import org.ward.simulator.throttle.Faults;
import org.ward.simulator.throttle.Latency;

/** {@code java -jar ward-simulator.jar}: runs the simulator until stopped and prints how to reach it. */
public final class SimulatorMain {

    /** The permissions a generated tenant's app receives: what a full Ward deployment asks for. */
    public static final List<String> FULL_PERMISSIONS = List.of("Sites.FullControl.All", "Files.ReadWrite.All",
            "User.Read.All", "Group.Read.All", "Team.ReadBasic.All", "Channel.ReadBasic.All", "AuditLog.Read.All",
            "Directory.Read.All", "Policy.Read.All", "IdentityRiskyUser.Read.All", "IdentityRiskEvent.Read.All",
            "RoleManagement.Read.Directory", "SensitivityLabels.Read.All");

    private static final String USAGE = """
            Usage: java -jar ward-simulator.jar [options]

            A Microsoft Graph simulator for Ward: HTTPS on 127.0.0.1, the identity platform's token endpoint,
            Graph v1.0 resources with throttling, latency and fault injection.

            Tenant (one of):
              --tenant demo                 the built-in demo tenant "Upwell Health Centre" (default)
              --tenant-file FILE            a tenant fixture (YAML or JSON; see docs/tenant-fixtures.md)
              --tenant generated --sites N --items-per-site M [--seed S] [--sign-ins N] [--unique-share F]
                                            a large deterministic generated tenant, optionally with a
                                            30-day sign-in log of N events made page by page; F is the
                                            share of items with unique permissions (default 0.02)

            Options:
              --port P                      HTTPS port (default 9443; 0 picks a free port)
              --info-file FILE              also write the connection details as JSON to FILE
              --request-log FILE            when stopped, write every request answered to FILE, one JSON
                                            object a line (for benchmarks that run the simulator apart)
              --state-dir DIR               where to write the CA certificate (default: a temporary folder)
              --latency off|MILLIS          mean response latency (default 90, realistic)
              --throttling on|off           resource-unit throttling (default on)
              --budget UNITS                SharePoint resource units per minute (default: Microsoft's table)
              --faults SPEC                 fault rates, e.g. 503=0.02,504=0.01,reset=0.01,malformed=0.01,truncated=0.01,slow=0.01
              --cloud NAME                  the Microsoft cloud it plays: global (default), gcc, usgovl4, usgovl5, china
              --notification-delay MILLIS   how long after a change its notification is posted (default 1000)
              --allow-http-notifications    test-only: accept http:// notification URLs on loopback addresses
                                            (Graph, and the simulator without this, accept https only)
              --help                        this text
            """;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "simulator-logback.xml");
        }
        Simulator.Builder builder = Simulator.builder().port(9443);
        Path infoFile = null;
        Path requestLogFile = null;
        String tenant = "demo";
        Path tenantFile = null;
        int sites = 100;
        int itemsPerSite = 1_000;
        long seed = 1;
        long signIns = 0;
        double uniqueShare = TenantGenerator.DEFAULT_UNIQUE_SHARE;
        NotificationSettings notifications = NotificationSettings.defaults();
        List<String> list = new ArrayList<>(List.of(args));
        try {
            for (int i = 0; i < list.size(); i++) {
                String arg = list.get(i);
                switch (arg) {
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    case "--port" -> builder.port(Integer.parseInt(value(list, ++i, arg)));
                    case "--tenant" -> tenant = value(list, ++i, arg);
                    case "--tenant-file" -> tenantFile = Path.of(value(list, ++i, arg));
                    case "--sites" -> sites = Integer.parseInt(value(list, ++i, arg));
                    case "--items-per-site" -> itemsPerSite = Integer.parseInt(value(list, ++i, arg));
                    case "--seed" -> seed = Long.parseLong(value(list, ++i, arg));
                    case "--sign-ins" -> signIns = Long.parseLong(value(list, ++i, arg));
                    case "--unique-share" -> {
                        uniqueShare = Double.parseDouble(value(list, ++i, arg));
                        if (uniqueShare < 0 || uniqueShare > 1) {
                            throw new IllegalArgumentException("--unique-share takes a share between 0 and 1, such as 0.02");
                        }
                    }
                    case "--info-file" -> infoFile = Path.of(value(list, ++i, arg));
                    case "--request-log" -> requestLogFile = Path.of(value(list, ++i, arg));
                    case "--state-dir" -> builder.stateDir(Path.of(value(list, ++i, arg)));
                    case "--latency" -> {
                        String v = value(list, ++i, arg);
                        builder.latency(v.equals("off") ? Latency.OFF : new Latency(Duration.ofMillis(Long.parseLong(v)), 0.5));
                    }
                    case "--throttling" -> builder.throttling(!value(list, ++i, arg).equals("off"));
                    case "--budget" -> builder.sharePointBudget(new Budget(Long.parseLong(value(list, ++i, arg)),
                            Duration.ofMinutes(1), true));
                    case "--faults" -> builder.faults(faults(value(list, ++i, arg)));
                    case "--cloud" -> builder.cloud(NationalCloud.parse(value(list, ++i, arg)));
                    case "--notification-delay" -> notifications = notifications.withDelay(
                            Duration.ofMillis(Long.parseLong(value(list, ++i, arg))));
                    case "--allow-http-notifications" -> notifications = notifications.allowingHttpOnLoopback();
                    default -> throw new IllegalArgumentException("Unknown option " + arg + " (see --help)");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("ward-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        builder.notifications(notifications);
        if (tenantFile != null) {
            builder.tenant(Simulator.TenantSource.file(tenantFile));
        } else if (tenant.equals("generated")) {
            TenantGenerator generator = new TenantGenerator(sites, itemsPerSite, seed, signIns, uniqueShare);
            String secret = "generated-secret-" + seed;
            builder.tenant((clock, authority) -> generator.generate(clock, secret, FULL_PERMISSIONS));
        } else if (!tenant.equals("demo")) {
            System.err.println("ward-simulator: --tenant takes demo or generated (or use --tenant-file FILE)");
            System.exit(2);
            return;
        }
        Simulator simulator;
        try {
            simulator = builder.start();
        } catch (FixtureException e) {
            System.err.println("ward-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Ward Graph simulator is running: " + simulator.tenant().displayName);
        System.out.println(simulator.info().describe());
        if (infoFile != null) {
            Files.writeString(infoFile, simulator.info().toJson());
            System.out.println("Connection details written to " + infoFile);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Path requestLog = requestLogFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            if (requestLog != null) {
                writeRequestLog(simulator, requestLog);
            }
            stopped.countDown();
        }));
        stopped.await();
    }

    private static void writeRequestLog(Simulator simulator, Path file) {
        try (var out = Files.newBufferedWriter(file)) {
            for (var entry : simulator.requestLog().entries()) {
                var line = org.ward.simulator.server.Json.object();
                line.put("method", entry.method());
                line.put("path", entry.path());
                line.put("query", entry.query());
                line.put("status", entry.status());
                line.put("resourceUnits", entry.resourceUnits());
                line.put("bucket", entry.bucket());
                line.put("inBatch", entry.inBatch());
                out.write(org.ward.simulator.server.Json.text(line));
                out.newLine();
            }
        } catch (java.io.IOException e) {
            System.err.println("ward-simulator: could not write the request log to " + file + ": " + e.getMessage());
        }
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    static Faults faults(String spec) {
        double e503 = 0;
        double e504 = 0;
        double reset = 0;
        double malformed = 0;
        double truncated = 0;
        double slow = 0;
        for (String part : spec.split(",")) {
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("--faults takes name=rate pairs, e.g. 503=0.02,reset=0.01");
            }
            double rate = Double.parseDouble(kv[1]);
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("--faults rates are shares between 0 and 1; '" + part + "' is not");
            }
            switch (kv[0].trim()) {
                case "503" -> e503 = rate;
                case "504" -> e504 = rate;
                case "reset" -> reset = rate;
                case "malformed" -> malformed = rate;
                case "truncated" -> truncated = rate;
                case "slow" -> slow = rate;
                default -> throw new IllegalArgumentException("Unknown fault '" + kv[0] + "' (503, 504, reset, malformed, truncated, slow)");
            }
        }
        return new Faults(e503, e504, reset, malformed, truncated, slow, Duration.ofSeconds(5), 1);
    }
}
