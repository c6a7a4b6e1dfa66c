package org.ward.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.ward.simulator.auth.ClientAssertions;
import org.ward.simulator.auth.IdentityPlatform;
import org.ward.simulator.auth.TokenService;
import org.ward.simulator.drives.Drives;
import org.ward.simulator.fixture.CompactFixture;
import org.ward.simulator.fixture.FixtureException;
import org.ward.simulator.fixture.FixtureLoader;
import org.ward.simulator.fixture.TenantFixture;
import org.ward.simulator.groups.Groups;
import org.ward.simulator.groups.Teams;
import org.ward.simulator.identity.ConditionalAccess;
import org.ward.simulator.identity.DirectoryRoles;
import org.ward.simulator.identity.IdentityProtection;
import org.ward.simulator.identity.RegistrationReport;
import org.ward.simulator.identity.SignInLog;
import org.ward.simulator.labels.ContainerLabels;
import org.ward.simulator.labels.Labels;
import org.ward.simulator.labels.NationalCloud;
import org.ward.simulator.lists.ListItems;
import org.ward.simulator.labels.SensitivityLabelling;
import org.ward.simulator.labels.SensitivityLabels;
import org.ward.simulator.mail.Mail;
import org.ward.simulator.mail.Mailboxes;
import org.ward.simulator.permissions.Permissions;
import org.ward.simulator.requestlog.RequestLog;
import org.ward.simulator.server.GraphPipeline;
import org.ward.simulator.server.GraphServer;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.Routes;
import org.ward.simulator.sites.Sites;
import org.ward.simulator.subscriptions.ChangeNotifications;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.subscriptions.Subscriptions;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.TenantChanges;
import org.ward.simulator.throttle.Budget;
import org.ward.simulator.throttle.Buckets;
import org.ward.simulator.throttle.Faults;
import org.ward.simulator.throttle.Latency;
import org.ward.simulator.throttle.Throttle;
import org.ward.simulator.tls.CertificateAuthority;
import org.ward.simulator.users.Users;

/**
 * A running Microsoft Graph simulator: HTTPS on loopback, a tenant, the identity platform, throttling, latency,
 * faults and a request log. Start one with {@link #builder()}; stop it with {@link #close()}.
 */
public final class Simulator implements AutoCloseable {

    /** The built-in demo tenant, "Upwell Health Centre". */
    public static final String DEMO_TENANT = "/tenants/upwell-health.yaml";

    private final Tenant tenant;
    private final TenantChanges changes;
    private final GraphServer server;
    private final RequestLog requestLog;
    private final Throttle throttle;
    private final TokenService tokens;
    private final SimulatorInfo info;
    private final CertificateAuthority authority;
    private final List<FixtureLoader.AppCredentials> credentials;
    private final List<Route> routes;
    private final ChangeNotifications changeNotifications;
    private final SensitivityLabelling sensitivityLabelling;
    private final Mailboxes mailboxes;
    private final org.ward.simulator.teamwork.ActivityFeed activityFeed;

    private Simulator(Builder b) throws Exception {
        Clock clock = b.clock;
        // The token signing key (RSA) and the certificate authority are made on their own threads while this one reads
        // the tenant: together they were most of the start-up.
        this.tokens = new TokenService(clock, Duration.ofMinutes(60));
        this.authority = new CertificateAuthority("Ward Graph Simulator CA");
        FixtureLoader.Pending loading = b.tenantSource.begin(clock, authority);
        this.tenant = loading.tenant();
        this.changes = loading.changes();
        this.requestLog = new RequestLog(b.requestLogCapacity);
        Map<String, Budget> budgets = new LinkedHashMap<>();
        budgets.put(Buckets.SHAREPOINT, b.sharePointBudget != null ? b.sharePointBudget : Budget.sharePointFor(tenant.licences()));
        budgets.put(Buckets.DIRECTORY, Budget.directoryFor(tenant.users().size()));
        budgets.put(Buckets.REPORTS, Budget.reports());
        budgets.put(Buckets.IDENTITY_PROTECTION, Budget.identityProtection());
        budgets.putAll(Subscriptions.budgets());
        this.throttle = new Throttle(clock, budgets, b.throttling);
        this.changeNotifications = new ChangeNotifications(tenant, changes, b.notifications);
        this.sensitivityLabelling = new SensitivityLabelling(tenant, changes, b.cloud);
        this.mailboxes = new Mailboxes(tenant);
        this.activityFeed = new org.ward.simulator.teamwork.ActivityFeed(tenant);
        Routes routes = new Routes();
        for (ResourceFamily family : List.of(new Users(tenant), new Groups(tenant), new Teams(tenant), new Sites(tenant),
                new Drives(tenant, b.sharedChangedOnFolders), new ListItems(tenant, b.cloud), new Permissions(tenant, changes),
                new Labels(tenant, changes, sensitivityLabelling), new RegistrationReport(tenant),
                new SignInLog(tenant), new IdentityProtection(tenant), new ConditionalAccess(tenant),
                new DirectoryRoles(tenant), new Subscriptions(changeNotifications),
                new SensitivityLabels(tenant, sensitivityLabelling), new ContainerLabels(tenant),
                new Mail(tenant, mailboxes), new org.ward.simulator.organization.Organization(tenant), activityFeed)) {
            family.register(routes);
        }
        this.routes = routes.all();
        GraphPipeline pipeline = new GraphPipeline(tenant, tokens, routes, throttle, requestLog, clock);
        IdentityPlatform identity = new IdentityPlatform(tenant, tokens, new ClientAssertions(clock));
        char[] password = "simulator".toCharArray();
        KeyStore keyStore = authority.serverKeyStore(password);
        this.server = new GraphServer("127.0.0.1", b.port, keyStore, password, pipeline, identity, b.latency, b.faults);
        server.serveBesideGraph(sensitivityLabelling);
        server.serveBesideGraph(mailboxes);
        // The apps (and the RSA client certificates they wait for) are registered last, before anything can connect.
        this.credentials = loading.finish().credentials();
        server.start();
        String origin = "https://localhost:" + server.port();
        tokens.acceptAudience(origin);
        Path stateDir = b.stateDir != null ? Files.createDirectories(b.stateDir) : Files.createTempDirectory("ward-simulator");
        Path ca = authority.writeCertificate(stateDir.resolve("simulator-ca.pem"));
        FixtureLoader.AppCredentials first = credentials.isEmpty() ? null : credentials.get(0);
        Path clientCertificate = null;
        if (first != null && first.certificate() != null) {
            clientCertificate = Files.writeString(stateDir.resolve("client-certificate.pem"), first.certificate().pem());
        }
        this.info = new SimulatorInfo(origin + "/v1.0", origin, tenant.id, first == null ? null : first.clientId(),
                first == null ? null : first.clientSecret(), ca, clientCertificate);
    }

    public static Builder builder() {
        return new Builder();
    }

    public SimulatorInfo info() {
        return info;
    }

    public Tenant tenant() {
        return tenant;
    }

    /** The Java API for changing the tenant in tests: add, rename, move, delete files; share; add guests. */
    public TenantChanges changes() {
        return changes;
    }

    /**
     * The Java API for change notifications: subscriptions, what was posted where, lifecycle events to trigger
     * (reauthorizationRequired, subscriptionRemoved, missed), expiry, and delivery settings (delay, bursts,
     * duplicates, loss). Changes made through {@link #changes()} notify like changes made through Graph.
     */
    public ChangeNotifications changeNotifications() {
        return changeNotifications;
    }

    /**
     * The Java API for sensitivity labelling: the cloud played, the tenant's assignSensitivityLabel cap, how long label
     * jobs take, metered billing per app, encrypted files, refusals, and the jobs accepted.
     */
    public SensitivityLabelling sensitivityLabelling() {
        return sensitivityLabelling;
    }

    /** The Java API for mail: every message apps sent through sendMail, by mailbox. */
    public Mailboxes mailboxes() {
        return mailboxes;
    }

    /**
     * The Java API for Teams activity feed notifications: install an app's Teams app for a user, and read what apps
     * sent through sendActivityNotification.
     */
    public org.ward.simulator.teamwork.ActivityFeed activityFeed() {
        return activityFeed;
    }

    /** Every Graph operation the simulator serves, with the type it answers with. */
    public List<Route> routes() {
        return routes;
    }

    public RequestLog requestLog() {
        return requestLog;
    }

    public Throttle throttle() {
        return throttle;
    }

    public TokenService tokens() {
        return tokens;
    }

    public CertificateAuthority certificateAuthority() {
        return authority;
    }

    public List<FixtureLoader.AppCredentials> credentials() {
        return credentials;
    }

    public void setLatency(Latency latency) {
        server.setLatency(latency);
    }

    public void setFaults(Faults faults) {
        server.setFaults(faults);
    }

    @Override
    public void close() {
        changeNotifications.close();
        sensitivityLabelling.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the simulator", e);
        }
    }

    /** Where the tenant comes from: the demo, a fixture file, a generator. */
    @FunctionalInterface
    public interface TenantSource {
        FixtureLoader.Loaded load(Clock clock, CertificateAuthority authority);

        /** Loads all but the apps, where the source can leave them for later (see {@link FixtureLoader.Pending}). */
        default FixtureLoader.Pending begin(Clock clock, CertificateAuthority authority) {
            FixtureLoader.Loaded loaded = load(clock, authority);
            return new FixtureLoader.Pending(loaded.tenant(), loaded.changes(), loaded::credentials);
        }

        static TenantSource demo() {
            return resource(DEMO_TENANT);
        }

        static TenantSource resource(String name) {
            return named(name, () -> {
                byte[] yaml = resourceBytes(name);
                if (yaml == null) {
                    throw new FixtureException("No built-in tenant fixture " + name);
                }
                // The build keeps a compact form of a built-in fixture beside it (CompactFixture), used only when it
                // was made from these very bytes.
                byte[] compact = resourceBytes(name + CompactFixture.SUFFIX);
                return (compact == null ? Optional.<TenantFixture>empty() : CompactFixture.read(yaml, compact))
                        .orElseGet(() -> FixtureLoader.read(new ByteArrayInputStream(yaml), name));
            });
        }

        private static byte[] resourceBytes(String name) {
            try (InputStream in = Simulator.class.getResourceAsStream(name)) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static TenantSource file(Path file) {
            return named(file.toString(), () -> FixtureLoader.read(file));
        }

        /**
         * The fixture {@code read} gives (whose own errors name the file), loaded with its apps left for later; an
         * error of the loader, which names only the place in the fixture, also names the file.
         */
        private static TenantSource named(String name, Supplier<TenantFixture> read) {
            return new TenantSource() {
                @Override
                public FixtureLoader.Loaded load(Clock clock, CertificateAuthority authority) {
                    return begin(clock, authority).finish();
                }

                @Override
                public FixtureLoader.Pending begin(Clock clock, CertificateAuthority authority) {
                    TenantFixture fixture = read.get();
                    FixtureLoader.Pending pending = naming(name, () -> new FixtureLoader(clock, authority).begin(fixture));
                    return new FixtureLoader.Pending(pending.tenant(), pending.changes(),
                            () -> naming(name, pending.apps()));
                }
            };
        }

        private static <T> T naming(String name, Supplier<T> step) {
            try {
                return step.get();
            } catch (FixtureException e) {
                throw new FixtureException("Tenant fixture " + name + ": " + e.getMessage(), e);
            }
        }

        static TenantSource fixture(TenantFixture fixture) {
            return (clock, authority) -> new FixtureLoader(clock, authority).load(fixture);
        }
    }

    /** Options for a simulator; defaults are the demo tenant, a free port, realistic latency, throttling on. */
    public static final class Builder {
        private int port;
        private TenantSource tenantSource = TenantSource.demo();
        private Latency latency = Latency.REALISTIC;
        private Faults faults = Faults.NONE;
        private boolean throttling = true;
        private Budget sharePointBudget;
        private Clock clock = Clock.systemUTC();
        private Path stateDir;
        private int requestLogCapacity = 1_000_000;
        private NotificationSettings notifications = NotificationSettings.defaults();
        private NationalCloud cloud = NationalCloud.GLOBAL;
        private boolean sharedChangedOnFolders;

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder tenant(TenantSource source) {
            this.tenantSource = source;
            return this;
        }

        public Builder latency(Latency latency) {
            this.latency = latency;
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = faults;
            return this;
        }

        public Builder throttling(boolean on) {
            this.throttling = on;
            return this;
        }

        /** Overrides the SharePoint resource-unit budget (default: Microsoft's table for the tenant's licences). */
        public Builder sharePointBudget(Budget budget) {
            this.sharePointBudget = budget;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        public Builder requestLogCapacity(int capacity) {
            this.requestLogCapacity = capacity;
            return this;
        }

        /**
         * How change notifications are delivered: delay, bursts, duplicates, loss, Graph's endpoint rules, and whether
         * {@code http://} notification URLs on loopback are accepted (test-only; Graph requires https).
         */
        public Builder notifications(NotificationSettings settings) {
            this.notifications = settings;
            return this;
        }

        /**
         * Whether delta's {@code @microsoft.graph.sharedChanged} annotation also marks folders. Off by default: Graph
         * is reported to set it on files only (microsoftgraph/msgraph-sdk-java#2548, 2026), and a client must notice a
         * folder's sharing change from its {@code shared} facet.
         */
        public Builder sharedChangedOnFolders(boolean on) {
            this.sharedChangedOnFolders = on;
            return this;
        }

        /** Which Microsoft cloud the simulator plays (default the global service). */
        public Builder cloud(NationalCloud which) {
            this.cloud = which;
            return this;
        }

        public Simulator start() {
            try {
                return new Simulator(this);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("The simulator could not start: " + e.getMessage(), e);
            }
        }
    }
}
