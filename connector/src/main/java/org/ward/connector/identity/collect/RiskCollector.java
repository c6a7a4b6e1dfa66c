package org.ward.connector.identity.collect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.identity.IdentityPacer;
import org.ward.rules.identity.RiskDetectionView;
import org.ward.rules.identity.RiskyUserView;

import com.microsoft.graph.models.RiskDetection;
import com.microsoft.graph.models.RiskyUser;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/** Reads Entra ID Protection's risky users and risk detections (1 request per second per tenant, paced). */
@Component
public class RiskCollector {

    private final GraphServiceClient graph;
    private final GraphErrors errors;
    private final IdentityPacer pacer;

    public RiskCollector(GraphServiceClient graph, GraphErrors errors, IdentityPacer pacer) {
        this.graph = graph;
        this.errors = errors;
        this.pacer = pacer;
    }

    public List<RiskyUserView> riskyUsers() {
        List<RiskyUserView> out = new ArrayList<>();
        var page = pacer.call(IdentityPacer.Lane.PROTECTION, () -> errors.call(() ->
                graph.identityProtection().riskyUsers().get(rc -> rc.queryParameters.top = 500)));
        while (page != null) {
            for (RiskyUser u : page.getValue()) {
                out.add(new RiskyUserView(u.getId(), u.getUserPrincipalName(), u.getUserDisplayName(),
                        u.getRiskLevel() == null ? null : u.getRiskLevel().getValue(),
                        u.getRiskState() == null ? null : u.getRiskState().getValue(),
                        u.getRiskDetail() == null ? null : u.getRiskDetail().getValue(),
                        u.getRiskLastUpdatedDateTime() == null ? null : u.getRiskLastUpdatedDateTime().toInstant()));
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : pacer.call(IdentityPacer.Lane.PROTECTION, () -> errors.call(() ->
                    graph.identityProtection().riskyUsers().withUrl(next).get()));
        }
        return out;
    }

    public List<RiskDetectionView> detections() {
        List<RiskDetectionView> out = new ArrayList<>();
        var page = pacer.call(IdentityPacer.Lane.PROTECTION, () -> errors.call(() ->
                graph.identityProtection().riskDetections().get(rc -> rc.queryParameters.top = 500)));
        while (page != null) {
            for (RiskDetection d : page.getValue()) {
                var location = d.getLocation();
                String place = location == null ? null : location.getCity() == null ? location.getCountryOrRegion()
                        : location.getCity() + ", " + location.getCountryOrRegion();
                Instant at = d.getActivityDateTime() != null ? d.getActivityDateTime().toInstant()
                        : d.getDetectedDateTime() == null ? null : d.getDetectedDateTime().toInstant();
                out.add(new RiskDetectionView(d.getUserId(), d.getRiskEventType(),
                        d.getRiskLevel() == null ? null : d.getRiskLevel().getValue(),
                        d.getRiskState() == null ? null : d.getRiskState().getValue(), at, d.getIpAddress(), place));
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : pacer.call(IdentityPacer.Lane.PROTECTION, () -> errors.call(() ->
                    graph.identityProtection().riskDetections().withUrl(next).get()));
        }
        return out;
    }
}
