package org.ward.connector.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphConnectionCheck;
import org.ward.connector.graph.TokenPermissions;
import org.ward.connector.identity.collect.ConditionalAccessCollector;
import org.ward.connector.identity.collect.DirectoryRoleCollector;
import org.ward.connector.identity.collect.ReachCollector;
import org.ward.connector.identity.collect.RegistrationCollector;
import org.ward.connector.identity.collect.RiskCollector;
import org.ward.connector.identity.collect.SignInCollector;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.StageProgress;
import org.ward.rules.Catalogues;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.identity.Anomaly;
import org.ward.rules.identity.CaPolicyView;
import org.ward.rules.identity.Collected;
import org.ward.rules.identity.IdentityAssessment;
import org.ward.rules.identity.IdentityCatalogue;
import org.ward.rules.identity.IdentityFacts;
import org.ward.rules.identity.MfaRegistration;
import org.ward.rules.identity.NotRun;
import org.ward.rules.identity.ReachIndex;
import org.ward.rules.identity.RiskDetectionView;
import org.ward.rules.identity.RiskyUserView;
import org.ward.rules.identity.RoleHolder;
import org.ward.rules.identity.SignInAssessment;
import org.ward.rules.identity.UserBaseline;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * Runs the identity checks end to end: collects what the tenant lets Ward read (each piece either read or "not run"
 * with the licence or permission it lacks), runs the tenant-level checks, reads the sign-in log incrementally from
 * where the last run stopped and runs the anomaly detectors over it, keeps the anomalies of the sliding window, and
 * reconciles the findings register. The same for {@code ward identity} and the scan's identity step.
 */
@Service
public class IdentityService {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityService.class);

    /** Sign-ins are kept 30 days on P1 and P2; anomalies stay open while their sign-ins are that recent. */
    static final Duration SIGN_IN_WINDOW = Duration.ofDays(30);
    /** The newest minutes are left for the next run: Entra logs sign-ins a few minutes late. */
    static final Duration SETTLE = Duration.ofMinutes(5);

    private static final List<String> AUDIT_LOG = List.of("AuditLog.Read.All");
    private static final List<String> DIRECTORY = List.of("Directory.Read.All", "Directory.ReadWrite.All");
    private static final List<String> REGISTRATION = List.of("AuditLog.Read.All", "UserAuthenticationMethod.Read.All");
    private static final List<String> ROLES = List.of("RoleManagement.Read.Directory", "RoleManagement.Read.All",
            "Directory.Read.All", "RoleManagement.ReadWrite.Directory", "Directory.ReadWrite.All");
    private static final List<String> POLICY = List.of("Policy.Read.All");
    private static final List<String> RISKY_USERS = List.of("IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All");
    private static final List<String> RISK_EVENTS = List.of("IdentityRiskEvent.Read.All", "IdentityRiskEvent.ReadWrite.All");

    private final RegistrationCollector registrations;
    private final DirectoryRoleCollector roles;
    private final ConditionalAccessCollector conditionalAccess;
    private final RiskCollector risk;
    private final SignInCollector signIns;
    private final ReachCollector reach;
    private final IdentityStore store;
    private final FindingStore findings;
    private final ScanRuns runs;
    private final GraphConnectionCheck connection;
    private final PolicyPack policy;
    private final Clock clock;
    private final StageProgress progress;

    public IdentityService(RegistrationCollector registrations, DirectoryRoleCollector roles,
            ConditionalAccessCollector conditionalAccess, RiskCollector risk, SignInCollector signIns, ReachCollector reach,
            IdentityStore store, FindingStore findings, ScanRuns runs, GraphConnectionCheck connection, PolicyPack policy,
            Clock wardClock, StageProgress progress) {
        this.progress = progress;
        this.registrations = registrations;
        this.roles = roles;
        this.conditionalAccess = conditionalAccess;
        this.risk = risk;
        this.signIns = signIns;
        this.reach = reach;
        this.store = store;
        this.findings = findings;
        this.runs = runs;
        this.connection = connection;
        this.policy = policy;
        this.clock = wardClock;
    }

    /**
     * Runs every enabled identity check.
     *
     * @param scanId the scan this runs in, whose record tells who reaches patient data; null for a standalone run,
     *        which is recorded as a run of its own and reads the last completed scan's record
     * @param tenantId the tenant, for a standalone run's record
     */
    public IdentityRun run(Long scanId, String tenantId) {
        Instant now = clock.instant();
        TokenPermissions token = connection.grantedPermissions();
        long runId = scanId != null ? scanId : runs.startStandalone(tenantId, policy.id(), policy.contentHash(), now);
        Long reachScan = scanId != null ? scanId : runs.latestCompleted().map(ScanRuns.ScanRun::scanId).orElse(null);
        List<String> incomplete = new ArrayList<>();
        progress.phase("identity: working out who reaches patient data");
        ReachIndex reachIndex = reach(reachScan, incomplete);
        progress.phase("identity: reading MFA registrations, admin roles, conditional access and risk");
        IdentityFacts facts = collect(token, reachIndex);
        IdentityAssessment.Outcome tenant = new IdentityAssessment(CheckContext.of(policy, now)).assess(facts);
        List<FindingDraft> drafts = new ArrayList<>(tenant.findings());
        Set<FindingType> types = new LinkedHashSet<>(tenant.types());
        Map<String, String> notRun = new LinkedHashMap<>(tenant.notRun());
        SignInPass pass = signIns(token, reachIndex, now);
        drafts.addAll(pass.drafts);
        types.addAll(pass.types);
        notRun.putAll(pass.notRun);
        var reconciliation = findings.reconcile(drafts, types, runId, now);
        Map<FindingType, Integer> found = new TreeMap<>(Catalogues.ORDER);
        drafts.forEach(d -> found.merge(d.type(), 1, Integer::sum));
        for (Collected<?> piece : List.of(facts.registrations(), facts.roles(), facts.policies(), facts.securityDefaults(),
                facts.riskyUsers(), facts.detections())) {
            if (!piece.available() && piece.notRun().cause() == NotRun.Cause.FAILURE) {
                incomplete.add("Identity: " + piece.notRun().because());
            }
        }
        if (pass.failure != null && pass.failure.cause() == NotRun.Cause.FAILURE) {
            incomplete.add("Identity: " + pass.failure.because());
        }
        IdentityRun run = new IdentityRun(runId, found, notRun, pass.events, pass.replayed, pass.source, pass.from,
                pass.to, reconciliation.opened().size(), reconciliation.resolved().size(), incomplete);
        if (scanId == null) {
            runs.finishStandalone(runId, "IDENTITY", run.gaps(), clock.instant());
        }
        LOG.info("Identity checks: {} findings, {} sign-ins analysed, {} not run", drafts.size(), pass.events, notRun.size());
        return run;
    }

    private ReachIndex reach(Long scanId, List<String> incomplete) {
        try {
            return reach.reach(scanId);
        } catch (RuntimeException e) {
            LOG.warn("Reach into patient data could not be worked out: {}", e.getMessage());
            incomplete.add("Identity: who reaches patient data could not be worked out (" + e.getMessage()
                    + "), so findings are not ranked by it");
            return ReachIndex.UNKNOWN;
        }
    }

    private IdentityFacts collect(TokenPermissions token, ReachIndex reachIndex) {
        Collected<List<MfaRegistration>> registered = attempt(token, "the MFA registration report", REGISTRATION,
                "Microsoft Entra ID P1 or P2", registrations::registrations);
        Collected<List<RoleHolder>> held = attempt(token, "directory role assignments", ROLES, null, roles::holders);
        Collected<List<CaPolicyView>> policies = attempt(token, "conditional-access policies", POLICY,
                "Microsoft Entra ID P1", conditionalAccess::policies);
        Collected<Boolean> defaults = attempt(token, "security defaults", POLICY, null, conditionalAccess::securityDefaults);
        Collected<List<RiskyUserView>> risky = enabled(IdentityCatalogue.RISKY_USER)
                ? attempt(token, "risky users", RISKY_USERS, "Microsoft Entra ID P2", risk::riskyUsers)
                : Collected.missing(NotRun.noData("the rule is off"));
        Collected<List<RiskDetectionView>> detections = risky.available()
                ? attempt(token, "risk detections", RISK_EVENTS, "Microsoft Entra ID P1 or P2", risk::detections)
                : Collected.missing(NotRun.noData("risky users were not read"));
        Map<String, Set<String>> members = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        if (policies.available()) {
            Set<String> groups = new LinkedHashSet<>();
            Set<String> people = new LinkedHashSet<>();
            for (CaPolicyView p : policies.value()) {
                groups.addAll(p.includeGroups());
                groups.addAll(p.excludeGroups());
                people.addAll(p.excludeUsers());
            }
            try {
                members.putAll(conditionalAccess.members(groups, names));
                conditionalAccess.userNames(people, names);
            } catch (GraphAccessException e) {
                LOG.warn("Names and members of groups the policies name could not be read: {}", e.getMessage());
            }
        }
        if (held.available()) {
            held.value().forEach(h -> names.putIfAbsent(h.userId(), h.upn() + " (" + h.displayName() + ")"));
        }
        return new IdentityFacts(registered, held, policies, defaults, risky, detections, reachIndex, members, names);
    }

    private boolean enabled(FindingType type) {
        return policy.rule(type).map(Rule::enabled).orElse(false);
    }

    /**
     * Reads one piece, or says why it could not: a permission the token lacks (checked first, so no request is
     * wasted), the tenant's licence (Graph's 403 while the permission is there), or any other failure.
     */
    private <T> Collected<T> attempt(TokenPermissions token, String what, List<String> permissions, String licence,
            Supplier<T> read) {
        if (permissions.stream().noneMatch(token::has)) {
            return Collected.missing(NotRun.permission("the app lacks " + String.join(" or ", permissions.subList(0,
                    Math.min(2, permissions.size()))) + ", needed for " + what + " (grant admin consent)"));
        }
        try {
            return Collected.of(read.get());
        } catch (GraphAccessException e) {
            return Collected.missing(refusal(e, what, licence));
        } catch (RuntimeException e) {
            // A bug or a broken answer must not take the scan down with it: say so, as for any other failure.
            LOG.error("Reading {} failed", what, e);
            return Collected.missing(NotRun.failure(what + " could not be read: " + e));
        }
    }

    private static NotRun refusal(GraphAccessException e, String what, String licence) {
        boolean licenceCode = "Authentication_RequestFromNonPremiumTenantOrB2CTenant".equals(e.code())
                || "Forbidden".equalsIgnoreCase(e.code());
        if (e.status() == 403 && licence != null && licenceCode) {
            return NotRun.licence("the tenant has no " + licence + " licence, needed for " + what);
        }
        if (e.status() == 403) {
            return NotRun.permission("Graph refused " + what + " (" + e.code() + "): " + e.getMessage());
        }
        return NotRun.failure(what + " could not be read: " + e.getMessage());
    }

    /** The sign-in part of a run. */
    private static final class SignInPass {
        final List<FindingDraft> drafts = new ArrayList<>();
        final Set<FindingType> types = new LinkedHashSet<>();
        final Map<String, String> notRun = new LinkedHashMap<>();
        NotRun failure;
        long events;
        long replayed;
        String source;
        Instant from;
        Instant to;
    }

    private SignInPass signIns(TokenPermissions token, ReachIndex reachIndex, Instant now) {
        SignInPass pass = new SignInPass();
        List<Rule> rules = SignInAssessment.TYPES.stream().map(policy::rule).flatMap(java.util.Optional::stream)
                .filter(Rule::enabled).toList();
        if (rules.isEmpty()) {
            pass.types.addAll(SignInAssessment.TYPES);
            return pass;
        }
        String missing = AUDIT_LOG.stream().noneMatch(token::has) ? "AuditLog.Read.All"
                : DIRECTORY.stream().noneMatch(token::has) ? "Directory.Read.All" : null;
        if (missing != null) {
            notRunAll(pass, rules, NotRun.permission("the app lacks " + missing + "; the sign-in log needs AuditLog.Read.All"
                    + " and Directory.Read.All (grant admin consent)"));
            return pass;
        }
        boolean beta = enabled(IdentityCatalogue.SINGLE_FACTOR_SIGN_IN);
        SignInCursor cursor = store.cursor().orElse(null);
        Instant windowStart = now.minus(SIGN_IN_WINDOW);
        Instant to = now.minus(SETTLE);
        Instant from = cursor == null ? windowStart
                : latest(windowStart, cursor.lastEventAt().minus(SignInAssessment.replayWindow(policy)));
        Map<String, UserBaseline> baselines = store.baselines();
        progress.begin("identity: reading the sign-in log", "sign-ins", 0);
        Read read = read(from, to, beta, cursor, baselines, reachIndex);
        if (read.failure != null && beta && read.failure.cause() == NotRun.Cause.FAILURE) {
            // Beta is not everywhere (national clouds) and not under SLA: fall back to v1.0 without single-factor.
            LOG.warn("The beta sign-in log could not be read ({}); reading v1.0 instead", read.failure.because());
            beta = false;
            read = read(from, to, false, cursor, baselines, reachIndex);
        }
        if (read.failure != null) {
            notRunAll(pass, rules, read.failure);
            pass.failure = read.failure;
            return pass;
        }
        SignInAssessment.Result result = read.assessment.finish();
        SignInCursor next = read.newest == null ? cursor != null ? cursor : new SignInCursor(to, Set.of(), beta ? "beta" : "v1.0")
                : new SignInCursor(read.newest, read.newestIds, beta ? "beta" : "v1.0");
        List<Anomaly> window = store.save(next, result.baselines(), result.anomalies(), windowStart);
        IdentityAssessment.Outcome outcome = read.assessment.outcome(window);
        pass.drafts.addAll(outcome.findings());
        pass.types.addAll(outcome.types());
        pass.notRun.putAll(outcome.notRun());
        pass.events = result.events();
        pass.replayed = result.replayed();
        pass.source = beta ? "beta" : "v1.0";
        pass.from = from;
        pass.to = to;
        return pass;
    }

    private void notRunAll(SignInPass pass, List<Rule> rules, NotRun why) {
        rules.forEach(r -> pass.notRun.put(r.id(), why.because()));
    }

    /** One read of the log through the detectors. */
    private static final class Read {
        SignInAssessment assessment;
        Instant newest;
        Set<String> newestIds = new LinkedHashSet<>();
        NotRun failure;
    }

    private Read read(Instant from, Instant to, boolean beta, SignInCursor cursor, Map<String, UserBaseline> baselines,
            ReachIndex reachIndex) {
        Read read = new Read();
        read.assessment = new SignInAssessment(policy, baselines, reachIndex, beta);
        try {
            long window = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
            Instant[] seen = {null, null};
            signIns.read(from, to, beta, e -> {
                // Graph pages the log newest first or oldest first: the span read so far is the share of the window done.
                seen[0] = seen[0] == null || e.time().isBefore(seen[0]) ? e.time() : seen[0];
                seen[1] = seen[1] == null || e.time().isAfter(seen[1]) ? e.time() : seen[1];
                progress.covered(1, (double) (seen[1].toEpochMilli() - seen[0].toEpochMilli()) / window);
                boolean replay = cursor != null && cursor.seen(e);
                if (!replay) {
                    if (read.newest == null || e.time().isAfter(read.newest)) {
                        read.newest = e.time();
                        read.newestIds.clear();
                    }
                    if (e.time().equals(read.newest)) {
                        read.newestIds.add(e.id());
                    }
                }
                read.assessment.accept(e, replay);
            });
        } catch (GraphAccessException e) {
            read.failure = refusal(e, "the sign-in log", "Microsoft Entra ID P1 or P2");
        } catch (RuntimeException e) {
            LOG.error("Reading the sign-in log failed", e);
            read.failure = NotRun.failure("the sign-in log could not be read: " + e);
        }
        return read;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
