package org.ward.connector.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.identity.*}: how fast Ward reads the identity endpoints. Microsoft throttles them far harder than the
 * rest of Graph (identity and access reports: 5 requests per 10 s per app per tenant; Identity Protection and
 * Conditional Access: 1 request per second per tenant, refused without Retry-After), so Ward paces itself below
 * those limits instead of retrying into 429s. Raise them only against a simulator.
 *
 * @param reportsBudget requests per 10 seconds to the reports endpoints (sign-ins, registration details)
 * @param protectionBudget requests per second to Identity Protection and Conditional Access
 * @param signInPageSize sign-ins per page (Graph's maximum and default is 1,000)
 */
@ConfigurationProperties("ward.identity")
public record IdentitySettings(@DefaultValue("5") int reportsBudget, @DefaultValue("1") int protectionBudget,
        @DefaultValue("1000") int signInPageSize) {

    public IdentitySettings {
        if (reportsBudget < 1) {
            throw new IllegalArgumentException("ward.identity.reports-budget is " + reportsBudget
                    + ": set the requests per 10 seconds Ward may send to the sign-in and registration reports (Microsoft"
                    + " allows 5).");
        }
        if (protectionBudget < 1) {
            throw new IllegalArgumentException("ward.identity.protection-budget is " + protectionBudget
                    + ": set the requests per second Ward may send to Identity Protection and Conditional Access"
                    + " (Microsoft allows 1 per tenant).");
        }
        if (signInPageSize < 1 || signInPageSize > 1000) {
            throw new IllegalArgumentException("ward.identity.sign-in-page-size is " + signInPageSize
                    + ": set 1 to 1000 (Graph pages sign-ins 1,000 at most).");
        }
    }

    public static IdentitySettings defaults() {
        return new IdentitySettings(5, 1, 1000);
    }
}
