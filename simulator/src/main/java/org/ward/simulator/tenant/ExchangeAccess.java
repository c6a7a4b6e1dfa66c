package org.ward.simulator.tenant;

import java.util.Set;

/**
 * What Exchange Online lets an application do with mailboxes beyond its Entra consent.
 *
 * @param mailSendScope RBAC for Applications: the users whose mailboxes the app may send as through a scoped
 *        "Application Mail.Send" role assignment, granted in addition to any Entra consent; null when the app has no
 *        such assignment
 * @param accessPolicyScope a legacy Application Access Policy with RestrictAccess: the only mailboxes the app's Entra
 *        Mail.Send consent reaches; null when no policy applies to the app
 */
public record ExchangeAccess(Set<String> mailSendScope, Set<String> accessPolicyScope) {

    public static final ExchangeAccess NONE = new ExchangeAccess(null, null);
}
