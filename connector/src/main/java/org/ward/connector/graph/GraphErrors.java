package org.ward.connector.graph;

import java.util.Set;
import java.util.function.Supplier;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;

/**
 * Translates whatever a Graph call throws (the SDK's {@code ApiException}/{@code ODataError}, sign-in failures
 * from azure-identity/MSAL, broken answers) into one {@link GraphAccessException} whose message a tenant admin
 * understands and that names the fix. Collectors wrap their calls in {@link #call(Supplier)}.
 */
public final class GraphErrors {

    private final GraphSettings settings;
    private final SignInErrors signIn;

    public GraphErrors(GraphSettings settings) {
        this.settings = settings;
        this.signIn = new SignInErrors(settings);
    }

    /** Runs a Graph call and rethrows any failure as a {@link GraphAccessException}. */
    public <T> T call(Supplier<T> graphCall) {
        try {
            return graphCall.get();
        } catch (RuntimeException failure) {
            throw translate(failure);
        }
    }

    public GraphAccessException translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GraphAccessException clear) {
                return clear;
            }
            if (t instanceof ApiException api && api.getResponseStatusCode() > 0) {
                return answered(api);
            }
        }
        if (SignInErrors.isSignInFailure(failure)) {
            return signIn.translate(failure);
        }
        return new GraphAccessException("A Graph call failed unexpectedly (" + failure.getClass().getSimpleName() + ": "
                + failure.getMessage() + "); run again, and report it if it repeats.", failure);
    }

    /** The sentence for a failed inner {@code $batch} response. */
    public GraphAccessException translate(BatchOutcome outcome) {
        BatchOutcome.Error error = outcome.error();
        return answer(outcome.request(), outcome.status(), error.code(), error.message(), null);
    }

    private GraphAccessException answered(ApiException api) {
        String code = "";
        String message = api.getMessage();
        if (api instanceof ODataError odata && odata.getError() != null) {
            code = odata.getError().getCode() == null ? "" : odata.getError().getCode();
            message = odata.getError().getMessage();
        }
        Set<String> stamped = api.getResponseHeaders().get(ResilienceInterceptor.REQUEST_HEADER);
        String request = stamped == null || stamped.isEmpty() ? "a Graph request" : stamped.iterator().next();
        return answer(request, api.getResponseStatusCode(), code, message, api);
    }

    private GraphAccessException answer(String request, int status, String code, String message, Throwable cause) {
        String said = "(" + status + (code.isEmpty() ? "" : " " + code) + ")";
        String detail = message == null || message.isBlank() ? "" : ": " + message.strip().replaceAll("[.\\s]+$", "");
        String app = settings.clientId();
        String sentence = switch (status) {
            case 401 -> "Graph rejected Ward's access token for " + request + " " + said + detail + "; make sure app "
                    + app + " is registered in the cloud of " + settings.endpoints().baseUrl() + ", that ward.graph.scope "
                    + "is " + settings.endpoints().scope() + ", and that this machine's clock is right.";
            case 403 -> forbidden(request, said, app);
            case 404 -> "Graph found nothing at " + request + " " + said + detail + ".";
            case 429, 503 -> "Graph is throttling Ward and refused " + request + " " + said + detail
                    + "; run the scan later or lower ward.graph.resilience.max-concurrent-requests.";
            default -> status >= 500
                    ? "Graph failed on " + request + " " + said + detail + "; check Microsoft 365 service health and run again."
                    : "Graph refused " + request + " " + said + detail + ".";
        };
        return new GraphAccessException(sentence, status, code, cause);
    }

    private static String forbidden(String request, String said, String app) {
        String path = request.contains(" ") ? request.substring(request.indexOf(' ') + 1) : request;
        return PermissionHints.forPath(path)
                .map(hint -> "Graph refused " + request + " " + said + ": the app lacks the application permission(s) "
                        + hint.phrase() + "; grant admin consent for " + hint.phrase() + " to app " + app + ".")
                .orElse("Graph refused " + request + " " + said + ": the app lacks an application permission this "
                        + "endpoint needs; look it up in Microsoft's Graph reference and grant admin consent for it "
                        + "to app " + app + ".");
    }
}
