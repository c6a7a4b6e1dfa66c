package org.ward.simulator.server;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ward.simulator.auth.Caller;
import org.ward.simulator.auth.TokenService;
import org.ward.simulator.requestlog.RequestLog;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.throttle.Buckets;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.Faults;
import org.ward.simulator.throttle.Throttle;

/**
 * The path of every Graph request, whether it came over HTTPS or inside a {@code $batch}: authenticate, route,
 * check the app's permissions, charge the throttling budget, answer, apply {@code $select}, log.
 */
public final class GraphPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(GraphPipeline.class);
    public static final String JSON_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    private final Tenant tenant;
    private final TokenService tokens;
    private final Routes routes;
    private final Throttle throttle;
    private final RequestLog log;
    private final Clock clock;
    private final BatchProcessor batch;

    public GraphPipeline(Tenant tenant, TokenService tokens, Routes routes, Throttle throttle, RequestLog log, Clock clock) {
        this.tenant = tenant;
        this.tokens = tokens;
        this.routes = routes;
        this.throttle = throttle;
        this.log = log;
        this.clock = clock;
        this.batch = new BatchProcessor(this);
        QueryValidation.checkTypes(routes.all());
    }

    /** A request that arrived over HTTPS. */
    public GraphResponse execute(GraphRequest request) {
        return run(request, null, "none");
    }

    /** A request that arrived over HTTPS with an injected fault noted in the log. */
    public GraphResponse execute(GraphRequest request, String fault) {
        return run(request, null, fault);
    }

    /** An inner request of a {@code $batch}: the outer request's caller, its own routing, permissions and budget. */
    GraphResponse executeInner(GraphRequest request, Caller caller) {
        return run(request, caller, "none");
    }

    private GraphResponse run(GraphRequest request, Caller batchCaller, String fault) {
        String requestId = RequestIds.next();
        String clientRequestId = request.header("client-request-id") == null ? requestId : request.header("client-request-id");
        String appId = null;
        Charge charge = Charge.FREE;
        GraphResponse response;
        try {
            Caller caller = batchCaller != null ? batchCaller : tokens.verify(request.header("Authorization"), tenant);
            appId = caller.appId();
            if (batchCaller == null && request.path().equals("/$batch")) {
                if (!request.method().equals("POST")) {
                    throw new GraphException(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
                }
                response = batch.process(request, caller);
            } else {
                response = route(request, caller);
            }
        } catch (ChargedException charged) {
            charge = charged.charge;
            response = error(charged.failure, requestId, clientRequestId);
        } catch (GraphException failure) {
            response = error(failure, requestId, clientRequestId);
        } catch (RuntimeException unexpected) {
            LOG.error("Simulator failed on {} {}", request.method(), request.path(), unexpected);
            response = error(new GraphException(500, "generalException", "An unexpected error occurred."), requestId, clientRequestId);
        }
        if (response.headers().containsKey(CHARGE_BUCKET)) {
            charge = new Charge(response.headers().remove(CHARGE_BUCKET), Integer.parseInt(response.headers().remove(CHARGE_UNITS)));
        }
        response.header("request-id", requestId);
        response.header("client-request-id", clientRequestId);
        response.header("x-ms-ags-diagnostic", "{\"ServerInfo\":{\"DataCenter\":\"UK South\",\"Slice\":\"E\",\"Ring\":\"5\",\"ScaleUnit\":\"000\",\"RoleInstance\":\"LO1PEPF00000001\"}}");
        if (response.body() != null) {
            response.header("Content-Type", JSON_TYPE);
        }
        log.add(new RequestLogEntry(clock.instant(), appId, request.method(), request.path(), request.rawQuery(),
                response.status(), charge.units(), charge.bucket(), batchCaller != null, fault));
        return response;
    }

    /** An injected failure answered before the request reached Graph's logic (503, 504). */
    GraphResponse fault(GraphRequest request, Faults.Kind kind, int status, String code, String message, String retryAfter) {
        String requestId = RequestIds.next();
        String clientRequestId = request.header("client-request-id") == null ? requestId : request.header("client-request-id");
        GraphResponse response = error(new GraphException(status, code, message), requestId, clientRequestId);
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        response.header("request-id", requestId);
        response.header("client-request-id", clientRequestId);
        response.header("Content-Type", JSON_TYPE);
        logFault(request, status, kind.logName());
        return response;
    }

    /**
     * A request refused before it could be read as a Graph request (its URL does not decode): Graph's error body,
     * request ids and a log entry, but no authentication, routing or charge.
     */
    GraphResponse refuse(String method, String path, String rawQuery, Map<String, String> headers, GraphException failure) {
        String requestId = RequestIds.next();
        String clientRequestId = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("client-request-id"))
                .map(Map.Entry::getValue).findFirst().orElse(requestId);
        GraphResponse response = error(failure, requestId, clientRequestId);
        response.header("request-id", requestId);
        response.header("client-request-id", clientRequestId);
        response.header("Content-Type", JSON_TYPE);
        log.add(new RequestLogEntry(clock.instant(), null, method, path, rawQuery == null ? "" : rawQuery, failure.status(), 0,
                Buckets.NONE, false, "none"));
        return response;
    }

    Clock clock() {
        return clock;
    }

    /** Notes an answer sent gzip-compressed (see {@link AnswerEncoding}). */
    void compressed() {
        log.compressed();
    }

    /** Records an injected fault that produced no Graph answer at all (a dropped connection). */
    void logFault(GraphRequest request, int status, String fault) {
        log.add(new RequestLogEntry(clock.instant(), null, request.method(), request.path(), request.rawQuery(), status, 0,
                Buckets.NONE, false, fault));
    }

    static final String CHARGE_BUCKET = "x-simulator-charge-bucket";
    static final String CHARGE_UNITS = "x-simulator-charge-units";

    private GraphResponse route(GraphRequest request, Caller caller) {
        Map<String, String> functionArguments = new LinkedHashMap<>();
        String normalised = PathSegments.normaliseFunctions(request.path(), functionArguments);
        if (normalised.equalsIgnoreCase("/me") || normalised.regionMatches(true, 0, "/me/", 0, 4)) {
            // Every caller of the simulator signs in as an application; Graph answers /me without a signed-in user
            // with this 400 (a real answer quoted in microsoftgraph/msgraph-sdk-php#1163; user-get.md: /me needs a
            // delegated token).
            throw GraphException.badRequest("/me request is only valid with delegated authentication flow.");
        }
        GraphRequest effective = request;
        if (!functionArguments.isEmpty()) {
            Map<String, String> query = new LinkedHashMap<>(request.query());
            query.putAll(functionArguments);
            effective = new GraphRequest(request.method(), request.version(), normalised, request.rawQuery(), query,
                    request.headers(), request.body(), request.origin());
        }
        String rewritten = tenant.read(() -> routes.rewritten(normalised));
        Routes.Match match = routes.match(request.method(), rewritten);
        GraphCall call = new GraphCall(effective, match.params(), ODataQuery.parse(effective.query()), caller);
        QueryValidation.validate(call, match.route());
        match.route().access().check(caller);
        QueryValidation.routeChecks(call, match.route());
        Charge charge = match.route().chargeFor(call);
        Map<String, String> rateHeaders;
        try {
            rateHeaders = throttle.admit(caller.appId(), charge);
        } catch (GraphException throttled) {
            throw new ChargedException(throttled, charge);
        }
        GraphResponse response;
        try {
            response = match.route().handler().handle(call);
        } catch (GraphException failure) {
            throw new ChargedException(failure, charge);
        }
        Selection.apply(response.body(), call.odata().select(), call.odata().expand().stream()
                .map(ODataQuery.Expand::name).collect(java.util.stream.Collectors.toSet()));
        rateHeaders.forEach(response::header);
        if (!Buckets.NONE.equals(charge.bucket())) {
            response.header(CHARGE_BUCKET, charge.bucket());
            response.header(CHARGE_UNITS, String.valueOf(charge.units()));
        }
        return response;
    }

    private GraphResponse error(GraphException failure, String requestId, String clientRequestId) {
        GraphResponse response = GraphResponse.status(failure.status(),
                GraphErrors.body(failure.code(), failure.getMessage(), requestId, clientRequestId, clock.instant()));
        failure.headers().forEach(response::header);
        return response;
    }

    /** A failure after the budget was charged, so the log records what the request cost. */
    private static final class ChargedException extends RuntimeException {
        final GraphException failure;
        final Charge charge;

        ChargedException(GraphException failure, Charge charge) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.charge = charge;
        }
    }
}
