package org.ward.connector.audit;

/**
 * What to add to the audit log; the log gives it its place, time and hash.
 *
 * @param actor who
 * @param findingId the finding, null when none
 * @param action remove-link, replace-link, remove-grant, accept-risk
 * @param request the Graph request (method and path), null when Ward made none
 * @param before JSON before, null when nothing was there
 * @param after JSON after, null when it is gone
 * @param outcome applied, or why not
 */
public record AuditEvent(String actor, String findingId, String action, String request, String before, String after,
        String outcome) {

    public AuditEvent {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an actor.");
        }
    }
}
