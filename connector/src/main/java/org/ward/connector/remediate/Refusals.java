package org.ward.connector.remediate;

import org.ward.connector.graph.RequiredPermission;
import org.ward.connector.graph.GraphAccessException;

/**
 * What to say when Graph refuses a write. The graph package's sentence for a 403 names the permissions that let
 * Ward read; a refused write needs the ones that let it write.
 */
final class Refusals {

    private final String clientId;

    Refusals(String clientId) {
        this.clientId = clientId;
    }

    /** For the person at the command line. */
    String sentence(AppliedWrite refused, boolean partly) {
        String state = partly ? " The new link was made but the old one is still there: run the same command again once"
                + " this is put right." : " Nothing was changed.";
        GraphAccessException e = refused.failure();
        if (e.status() != 403) {
            return e.getMessage() + state;
        }
        return "Graph refused " + refused.request() + " " + said(e) + ": the app lacks " + lacking() + ", which"
                + " remediation needs on top of what scanning needs; grant it with admin consent to app " + clientId
                + " to let Ward remediate." + state;
    }

    /** For the audit log. */
    String outcome(AppliedWrite refused) {
        GraphAccessException e = refused.failure();
        return e.status() == 403 ? "refused " + said(e) + ": the app lacks " + lacking()
                : "failed " + said(e) + ": " + e.getMessage();
    }

    private static String said(GraphAccessException e) {
        return "(" + e.status() + (e.code().isEmpty() ? "" : " " + e.code()) + ")";
    }

    private static String lacking() {
        RequiredPermission need = RemediationReadiness.needed();
        return need.permission() + " (or " + need.satisfiedBy().get(0) + ")";
    }
}
