package org.ward.connector.remediate;

import java.time.Instant;
import java.util.List;

/**
 * The body of a {@code createLink} request.
 *
 * @param type view or edit
 * @param scope organization, users or existingAccess (Ward never asks for anonymous)
 * @param expiresAt when the new link expires
 * @param recipients for a specific-people link, who it is for (e-mail addresses)
 */
public record LinkRequest(String type, String scope, Instant expiresAt, List<String> recipients) {

    public LinkRequest {
        if ("anonymous".equals(scope)) {
            throw new IllegalArgumentException("Ward never creates an Anyone link.");
        }
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
