package org.ward.connector.graph;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * Turns a failed sign-in (azure-identity / MSAL) into a sentence: the AADSTS codes a tenant admin meets when
 * setting Ward up, and the transport failures that stop Ward reaching the authority at all.
 */
final class SignInErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)[:\\s]*([^\\r\\n]*)");

    private final GraphSettings settings;

    SignInErrors(GraphSettings settings) {
        this.settings = settings;
    }

    static boolean isSignInFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (type.startsWith("com.microsoft.aad.msal4j.") || type.startsWith("com.azure.identity.")
                    || type.equals("com.azure.core.exception.ClientAuthenticationException")) {
                return true;
            }
        }
        return false;
    }

    GraphAccessException translate(Throwable failure) {
        String app = settings.clientId();
        String tenant = settings.tenantId();
        String authority = settings.endpoints().authority().toString();
        Optional<Matcher> code = find(failure);
        if (code.isEmpty()) {
            return transport(failure, authority, app, tenant);
        }
        String number = code.get().group(1);
        String detail = firstSentence(code.get().group(2));
        String sentence = switch (number) {
            case "7000215" -> "The tenant rejected Ward's client secret (AADSTS7000215): set ward.graph.client-secret "
                    + "to a current secret of app " + app + ".";
            case "7000222" -> "The client secret of app " + app + " has expired (AADSTS7000222): create a new secret "
                    + "in the app registration and set ward.graph.client-secret to it.";
            case "700016" -> "Tenant " + tenant + " does not know app " + app + " (AADSTS700016): check "
                    + "ward.graph.client-id and ward.graph.tenant-id, and that the app is registered or consented in "
                    + "that tenant, in the cloud ward.graph.cloud names.";
            case "90002", "90023" -> "Tenant " + tenant + " was not found at " + authority + " (AADSTS" + number
                    + "): check ward.graph.tenant-id and ward.graph.cloud.";
            case "700027", "700023", "50012" -> "The tenant rejected Ward's certificate (AADSTS" + number + "): upload "
                    + "the certificate in ward.graph.certificate-path to app " + app + " under Certificates & secrets, "
                    + "or point ward.graph.certificate-path at the one that is uploaded.";
            case "700024" -> "The tenant rejected Ward's client assertion as outside its valid time (AADSTS700024): "
                    + "set this machine's clock right.";
            case "7000112" -> "App " + app + " is disabled in tenant " + tenant + " (AADSTS7000112): enable it in "
                    + "Microsoft Entra ID, Enterprise applications.";
            case "70011", "500011" -> "The tenant rejected the scope " + settings.endpoints().scope() + " (AADSTS"
                    + number + "): set ward.graph.scope to the .default scope of the cloud Ward talks to, e.g. "
                    + settings.cloudPreset().scope() + ".";
            default -> "Microsoft Entra ID refused Ward's sign-in as app " + app + " to tenant " + tenant + " (AADSTS"
                    + number + (detail.isEmpty() ? "" : ": " + detail) + "): check the app registration and the "
                    + "ward.graph sign-in settings.";
        };
        return new GraphAccessException(sentence, 401, "AADSTS" + number, failure);
    }

    private GraphAccessException transport(Throwable failure, String authority, String app, String tenant) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new GraphAccessException("Ward does not trust the TLS certificate of the sign-in endpoint "
                        + authority + " (" + t.getMessage() + "): set ward.graph.trust.ca-certificate to a PEM file "
                        + "holding the CA that issued it.", failure);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new GraphAccessException("Ward could not reach the sign-in endpoint " + authority + " ("
                        + t.getClass().getSimpleName() + ": " + t.getMessage() + "): check ward.graph.authority, "
                        + "ward.graph.cloud and the network path.", failure);
            }
            if (t.getClass().getName().equals("com.azure.identity.CredentialUnavailableException")) {
                return new GraphAccessException("No managed identity is available to Ward here (" + t.getMessage()
                        + "): run Ward on an Azure host with a managed identity, or set ward.graph.credential to "
                        + "client-secret or certificate.", failure);
            }
        }
        return new GraphAccessException("Ward could not sign in to tenant " + tenant + " as app " + app + " at "
                + authority + ": " + firstSentence(String.valueOf(failure.getMessage())), failure);
    }

    private static Optional<Matcher> find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher matcher = AADSTS.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return Optional.of(matcher);
            }
        }
        return Optional.empty();
    }

    private static String firstSentence(String text) {
        String trimmed = text.strip();
        int end = trimmed.indexOf(". ");
        return end < 0 ? trimmed : trimmed.substring(0, end + 1);
    }
}
