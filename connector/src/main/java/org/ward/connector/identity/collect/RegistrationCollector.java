package org.ward.connector.identity.collect;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.identity.IdentityPacer;
import org.ward.rules.identity.MfaRegistration;

import com.microsoft.graph.models.SignInUserType;
import com.microsoft.graph.models.UserRegistrationDetails;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/** Reads the MFA registration report (identity reports lane: 5 requests per 10 s). */
@Component
public class RegistrationCollector {

    private final GraphServiceClient graph;
    private final GraphErrors errors;
    private final IdentityPacer pacer;

    public RegistrationCollector(GraphServiceClient graph, GraphErrors errors, IdentityPacer pacer) {
        this.graph = graph;
        this.errors = errors;
        this.pacer = pacer;
    }

    public List<MfaRegistration> registrations() {
        List<MfaRegistration> out = new ArrayList<>();
        var page = pacer.call(IdentityPacer.Lane.REPORTS, () -> errors.call(() ->
                graph.reports().authenticationMethods().userRegistrationDetails().get()));
        while (page != null) {
            for (UserRegistrationDetails d : page.getValue()) {
                out.add(new MfaRegistration(d.getId(), d.getUserPrincipalName(), d.getUserDisplayName(),
                        d.getUserType() == SignInUserType.Guest, Boolean.TRUE.equals(d.getIsAdmin()),
                        Boolean.TRUE.equals(d.getIsMfaRegistered()),
                        d.getMethodsRegistered() == null ? List.of() : d.getMethodsRegistered()));
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : pacer.call(IdentityPacer.Lane.REPORTS, () -> errors.call(() ->
                    graph.reports().authenticationMethods().userRegistrationDetails().withUrl(next).get()));
        }
        return out;
    }
}
